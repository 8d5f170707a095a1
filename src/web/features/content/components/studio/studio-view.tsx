import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { writeContentInputSchema } from '#shared/ai-tasks.schema.js';
import type { Business } from '#shared/business.schema.js';
import { CONTENT_FORMATS } from '#shared/channel-ids.js';
import { can } from '#shared/roles.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { SelectField, TextAreaField } from '#web/components/ui/field.js';
import { useGenerateStream } from '#web/features/content/hooks/use-generate-stream.js';
import { describeError } from '#web/lib/error-messages.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { VariantCard } from './variant-card.js';
import '../channel-colors.css';
import '../content.css';
import { ChannelOptions } from '#web/components/ui/channel-options.js';
import { formatNumber } from '#web/lib/workspace-format.js';

const shape = writeContentInputSchema.shape;
/**
 * The studio's brief: the shared writeContent input, plus the campaign the drafts belong to. A brief too
 * short shows `studio.briefTooShort` in the reader's language.
 */
const studioSchema = z.object({
  channel: shape.channel,
  format: shape.format,
  brief: z.string().trim().min(3, 'Say in a few words what to write about').max(2000),
  variants: z.coerce.number().int().min(1).max(5),
  campaign_id: z.string(),
});
type StudioInput = z.input<typeof studioSchema>;
type StudioValues = z.output<typeof studioSchema>;

interface StudioViewProps {
  business: Business;
  campaigns: readonly { id: string; name: string }[];
}

/** Brief in, 1–5 variants out, streamed, each in its network's preview and ready to save as a draft. */
export function StudioView({ business, campaigns }: StudioViewProps) {
  const { t } = useTranslation('content');
  const generate = useGenerateStream(business.id);
  const primary = business.brand.channels[0] ?? 'instagram';
  const { register, handleSubmit, formState } = useForm<StudioInput, unknown, StudioValues>({
    resolver: zodResolver(studioSchema),
    defaultValues: { channel: primary, format: 'post', brief: '', variants: 2, campaign_id: '' },
  });
  const writing = generate.isPending;
  const request = generate.variables;
  const result = generate.data;

  const onSubmit = handleSubmit(({ campaign_id, ...values }) =>
    generate.mutate({ ...values, ...(campaign_id ? { campaign_id } : {}) }),
  );

  return (
    <div className="stack">
      <Card title={t('studio.title')} description={t('studio.description')}>
        <form className="stack" onSubmit={onSubmit} noValidate>
          <div className="studio-fields">
            <SelectField label={t('studio.channel')} {...register('channel')}>
              <ChannelOptions />
            </SelectField>
            <SelectField label={t('studio.format')} {...register('format')}>
              {CONTENT_FORMATS.map((format) => (
                <option key={format} value={format}>
                  {t(`format.${format}`)}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('studio.variants')} {...register('variants')}>
              {[1, 2, 3, 4, 5].map((count) => (
                <option key={count} value={count}>
                  {count}
                </option>
              ))}
            </SelectField>
            <SelectField label={t('studio.campaign')} {...register('campaign_id')}>
              <option value="">{t('studio.noCampaign')}</option>
              {campaigns.map((campaign) => (
                <option key={campaign.id} value={campaign.id}>
                  {campaign.name}
                </option>
              ))}
            </SelectField>
          </div>
          <TextAreaField
            label={t('studio.brief')}
            rows={3}
            placeholder={t('studio.briefPlaceholder')}
            error={
              formState.errors.brief?.type === 'too_small'
                ? t('studio.briefTooShort')
                : formState.errors.brief?.message
            }
            {...register('brief')}
          />
          <div className="row">
            <Button type="submit" variant="primary" loading={writing}>
              {t('studio.write')}
            </Button>
            {writing && (
              <Button variant="ghost" onClick={generate.cancel}>
                {t('studio.stop')}
              </Button>
            )}
            {generate.start?.offline && <Badge tone="accent">{t('studio.offline')}</Badge>}
            <span className="muted studio-status" role="status">
              {writing
                ? generate.start
                  ? t('studio.writingWith', {
                      writer: generate.start.offline ? t('studio.theOfflineWriter') : generate.start.model,
                      written: formatNumber(generate.written),
                    })
                  : t('studio.starting')
                : generate.stopped
                  ? t('studio.stopped')
                  : result
                    ? result.cached
                      ? t('studio.writtenCached', { count: result.output.variants.length })
                      : t('studio.written', { count: result.output.variants.length })
                    : ''}
            </span>
          </div>
        </form>
      </Card>
      {generate.isError && !generate.stopped && (
        <Banner tone="danger">{describeError(generate.error)}</Banner>
      )}
      {result && request && !writing && (
        <ol className="studio-variants" aria-label={t('studio.list')}>
          {result.output.variants.map((draft, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: variants have no id and never reorder.
            <li key={`${result.call_id}-${index}`}>
              <VariantCard
                businessId={business.id}
                author={business.name}
                draft={draft}
                index={index}
                channel={request.channel}
                format={request.format ?? 'post'}
                campaignId={request.campaign_id}
                offline={result.offline}
                canSave={can(business.role, 'content.write')}
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
