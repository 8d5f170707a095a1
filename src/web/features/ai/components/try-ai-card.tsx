import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { Business } from '#shared/business.schema.js';
import { CHANNEL_IDS, type ChannelId, type ContentFormat } from '#shared/channel-ids.js';
import { Badge } from '#web/components/ui/badge.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { SelectField, TextAreaField } from '#web/components/ui/field.js';
import { zodResolver } from '#web/lib/form-resolver.js';
import { useContentStream } from '../hooks/use-content-stream.js';
import { formatMicroUsd } from '../money.js';
import { bodiesSoFar } from '../stream-preview.js';
import { AiErrorBanner } from './ai-error-banner.js';
import { DraftCard } from './draft-card.js';
import './ai.css';
import { ChannelOptions } from '#web/components/ui/channel-options.js';

const VARIANTS = 2;
function tryFormSchema(briefTooShort: string) {
  return z.object({
    channel: z.enum(CHANNEL_IDS),
    brief: z.string().trim().min(3, briefTooShort).max(2000),
  });
}
type TryForm = z.infer<ReturnType<typeof tryFormSchema>>;

/** Email and SMS have formats of their own; everywhere else a post. */
function formatFor(channel: ChannelId): ContentFormat {
  return channel === 'email' ? 'email' : channel === 'sms' ? 'sms' : 'post';
}

/** Writes two variants of a post from a brief, showing the text as it streams in. */
export function TryAiCard({ business }: { business: Business }) {
  const generate = useContentStream(business.id);
  const { t } = useTranslation('ai');
  const schema = useMemo(() => tryFormSchema(t('try.briefTooShort')), [t]);
  const { register, handleSubmit, formState } = useForm<TryForm>({
    resolver: zodResolver(schema),
    defaultValues: { channel: 'instagram', brief: '' },
  });
  const writing = generate.isPending;
  const streamed = bodiesSoFar(generate.text);
  const result = generate.data;
  // The channel the variants were written for, even if the select has changed since.
  const channel = generate.variables?.channel;

  const onSubmit = handleSubmit((values) =>
    generate.mutate({
      channel: values.channel,
      brief: values.brief,
      format: formatFor(values.channel),
      variants: VARIANTS,
    }),
  );

  return (
    <Card title={t('try.title')} description={t('try.description')}>
      <form className="stack" onSubmit={onSubmit} noValidate>
        <div className="ai-try-fields">
          <SelectField label={t('try.channel')} {...register('channel')}>
            <ChannelOptions />
          </SelectField>
          <TextAreaField
            label={t('try.brief')}
            rows={3}
            placeholder={t('try.briefPlaceholder')}
            error={formState.errors.brief?.message}
            {...register('brief')}
          />
        </div>
        <div className="row">
          <Button type="submit" variant="primary" loading={writing}>
            {t('try.write', { count: VARIANTS })}
          </Button>
          {writing && (
            <Button variant="ghost" onClick={generate.cancel}>
              {t('try.stop')}
            </Button>
          )}
          {generate.start?.offline && <Badge tone="accent">{t('offlineWriter')}</Badge>}
          <span className="muted ai-try-status" role="status">
            {writing
              ? generate.start
                ? generate.start.offline
                  ? t('try.writingOffline')
                  : t('try.writingWith', { model: generate.start.model })
                : t('try.starting')
              : generate.stopped
                ? t('try.stopped')
                : result
                  ? t(result.cached ? 'try.writtenCached' : 'try.written', {
                      count: result.output.variants.length,
                      cost: formatMicroUsd(result.cost_micro_usd),
                    })
                  : ''}
          </span>
        </div>
      </form>
      {generate.isError && !generate.stopped && (
        <div className="ai-try-result">
          <AiErrorBanner error={generate.error} business={business} />
        </div>
      )}
      {writing && streamed.length > 0 && (
        <div className="ai-try-result ai-drafts" aria-hidden="true">
          {streamed.map((body, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: streamed variants only ever grow at the end.
            <p key={index} className="ai-draft ai-draft--streaming">
              {body}
            </p>
          ))}
        </div>
      )}
      {result && channel && !writing && (
        <ol className="ai-try-result ai-drafts" aria-label={t('try.variants')}>
          {result.output.variants.map((draft, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: variants have no id and never reorder.
            <li key={index}>
              <DraftCard draft={draft} channel={channel} index={index} offline={result.offline} />
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
