import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { z } from 'zod';
import type { Business } from '#shared/business.schema.js';
import { CHANNEL_IDS, type ChannelId, type ContentFormat } from '#shared/channel-ids.js';
import { Badge } from '#web/components/ui/badge.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { SelectField, TextAreaField } from '#web/components/ui/field.js';
import { useContentStream } from '../hooks/use-content-stream.js';
import { formatMicroUsd } from '../money.js';
import { bodiesSoFar } from '../stream-preview.js';
import { AiErrorBanner } from './ai-error-banner.js';
import { DraftCard } from './draft-card.js';
import './ai.css';
import { ChannelOptions } from '#web/components/ui/channel-options.js';

const VARIANTS = 2;
const tryFormSchema = z.object({
  channel: z.enum(CHANNEL_IDS),
  brief: z.string().trim().min(3, 'Say in a few words what the post is about').max(2000),
});
type TryForm = z.infer<typeof tryFormSchema>;

/** Email and SMS have formats of their own; everywhere else a post. */
function formatFor(channel: ChannelId): ContentFormat {
  return channel === 'email' ? 'email' : channel === 'sms' ? 'sms' : 'post';
}

/** Writes two variants of a post from a brief, showing the text as it streams in. */
export function TryAiCard({ business }: { business: Business }) {
  const generate = useContentStream(business.id);
  const { register, handleSubmit, formState } = useForm<TryForm>({
    resolver: zodResolver(tryFormSchema),
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
    <Card
      title="Try the AI"
      description="Describe a post and get two variants in your brand's voice. Nothing is published."
    >
      <form className="stack" onSubmit={onSubmit} noValidate>
        <div className="ai-try-fields">
          <SelectField label="Channel" {...register('channel')}>
            <ChannelOptions />
          </SelectField>
          <TextAreaField
            label="Brief"
            rows={3}
            placeholder="Our spring menu launches Friday: three new pastries, 10% off the first weekend."
            error={formState.errors.brief?.message}
            {...register('brief')}
          />
        </div>
        <div className="row">
          <Button type="submit" variant="primary" loading={writing}>
            Write {VARIANTS} variants
          </Button>
          {writing && (
            <Button variant="ghost" onClick={generate.cancel}>
              Stop
            </Button>
          )}
          {generate.start?.offline && <Badge tone="accent">Offline writer</Badge>}
          <span className="muted ai-try-status" role="status">
            {writing
              ? generate.start
                ? `Writing with ${generate.start.offline ? 'the offline writer' : generate.start.model}…`
                : 'Starting…'
              : generate.stopped
                ? 'Stopped.'
                : result
                  ? `${result.output.variants.length} variants written${result.cached ? ' (from the cache)' : ''} · ${formatMicroUsd(result.cost_micro_usd)}`
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
        <ol className="ai-try-result ai-drafts" aria-label="Variants">
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
