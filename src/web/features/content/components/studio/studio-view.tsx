import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
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
import { FORMAT_LABELS } from '../content-format.js';
import { VariantCard } from './variant-card.js';
import '../channel-colors.css';
import '../content.css';
import { ChannelOptions } from '#web/components/ui/channel-options.js';

const shape = writeContentInputSchema.shape;
/** The studio's brief: the shared writeContent input, plus the campaign the drafts belong to. */
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
      <Card
        title="What to write"
        description="The AI writes in your brand's voice and within the network's limits."
      >
        <form className="stack" onSubmit={onSubmit} noValidate>
          <div className="studio-fields">
            <SelectField label="Channel" {...register('channel')}>
              <ChannelOptions />
            </SelectField>
            <SelectField label="Format" {...register('format')}>
              {CONTENT_FORMATS.map((format) => (
                <option key={format} value={format}>
                  {FORMAT_LABELS[format]}
                </option>
              ))}
            </SelectField>
            <SelectField label="Variants" {...register('variants')}>
              {[1, 2, 3, 4, 5].map((count) => (
                <option key={count} value={count}>
                  {count}
                </option>
              ))}
            </SelectField>
            <SelectField label="Campaign" {...register('campaign_id')}>
              <option value="">No campaign</option>
              {campaigns.map((campaign) => (
                <option key={campaign.id} value={campaign.id}>
                  {campaign.name}
                </option>
              ))}
            </SelectField>
          </div>
          <TextAreaField
            label="Brief"
            rows={3}
            placeholder="Our spring menu launches Friday: three new pastries, 10% off the first weekend."
            error={formState.errors.brief?.message}
            {...register('brief')}
          />
          <div className="row">
            <Button type="submit" variant="primary" loading={writing}>
              Write variants
            </Button>
            {writing && (
              <Button variant="ghost" onClick={generate.cancel}>
                Stop
              </Button>
            )}
            {generate.start?.offline && <Badge tone="accent">Offline writer</Badge>}
            <span className="muted studio-status" role="status">
              {writing
                ? generate.start
                  ? `Writing with ${generate.start.offline ? 'the offline writer' : generate.start.model}… ${generate.written.toLocaleString()} characters so far`
                  : 'Starting…'
                : generate.stopped
                  ? 'Stopped.'
                  : result
                    ? `${result.output.variants.length} variants written${result.cached ? ' (from the cache)' : ''}`
                    : ''}
            </span>
          </div>
        </form>
      </Card>
      {generate.isError && !generate.stopped && (
        <Banner tone="danger">{describeError(generate.error)}</Banner>
      )}
      {result && request && !writing && (
        <ol className="studio-variants" aria-label="Variants">
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
