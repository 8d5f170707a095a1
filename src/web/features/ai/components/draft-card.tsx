import type { ContentDraft } from '#shared/ai-tasks.schema.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { CHANNEL_RULES, countText } from '#shared/channels.js';
import { Badge } from '#web/components/ui/badge.js';

const UNIT_NAMES = {
  characters: 'characters',
  graphemes: 'characters',
  emoji_bytes: 'characters (emoji count as bytes)',
  weighted: 'characters (links count 23, emoji 2)',
  sms_units: 'characters in one SMS',
} as const;

/** One written variant: its text, length against the channel's limit, and hashtags. */
export function DraftCard({
  draft,
  channel,
  index,
  offline,
}: {
  draft: ContentDraft;
  channel: ChannelId;
  index: number;
  offline: boolean;
}) {
  const measured = countText(channel, draft.body);
  return (
    <article className="ai-draft" aria-label={`Variant ${index + 1}`}>
      <header className="ai-draft__header">
        <h3>{draft.title || `Variant ${index + 1}`}</h3>
        {offline && <Badge tone="accent">Offline writer</Badge>}
      </header>
      {draft.preheader && <p className="muted">{draft.preheader}</p>}
      <p className="ai-draft__body">{draft.body}</p>
      {draft.thread.map((post, postIndex) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: thread posts are ordered text without ids.
        <p key={postIndex} className="ai-draft__body ai-draft__thread">
          {post}
        </p>
      ))}
      {draft.call_to_action && (
        <p className="ai-draft__cta">
          <span className="muted">Call to action:</span> {draft.call_to_action}
        </p>
      )}
      {draft.hashtags.length > 0 && (
        <ul className="ai-draft__tags" aria-label="Hashtags">
          {draft.hashtags.map((tag) => (
            <li key={tag}>
              <Badge>{tag.startsWith('#') ? tag : `#${tag}`}</Badge>
            </li>
          ))}
        </ul>
      )}
      <p className={`ai-draft__count${measured.over ? ' ai-draft__count--over' : ''}`}>
        {measured.count.toLocaleString()} / {measured.limit.toLocaleString()} {UNIT_NAMES[measured.unit]} on{' '}
        {CHANNEL_RULES[channel].name}
        {measured.over && ' — over the limit'}
      </p>
    </article>
  );
}
