import type { NotificationKind } from '#shared/notifications.schema.js';
import type { NotificationEvent, NotifiedItem } from './notifier.js';

/** What a notification says and where it leads, as stored on each recipient's row. */
export interface NotificationText {
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path of the web app. */
  link: string;
  subjectId: string | null;
}

/** Stored bounds: titles fit a line of the bell's panel; bodies a few lines (a digest's). */
const TITLE_MAX = 200;
const BODY_MAX = 2_000;

/**
 * The words of a notification, in the app's voice. Names and titles are plain text here; the web app and
 * the email templates escape them.
 *
 * @example
 * describeEvent({ kind: 'content_approved', item, actorUserId }, { actorName: 'Ada' }).title
 * // 'Ada approved “Spring sale”'
 */
export function describeEvent(
  event: Exclude<NotificationEvent, { kind: 'ai_budget' }>,
  facts: { actorName?: string | undefined },
): NotificationText {
  const actor = facts.actorName ?? 'Someone';
  switch (event.kind) {
    case 'review_requested':
      return bounded({
        kind: event.kind,
        title: `${actor} asked for a review of “${itemLabel(event.item)}”`,
        body: `A post for ${event.item.channel} waits for approval.`,
        link: contentLink(event.item),
        subjectId: event.item.id,
      });
    case 'content_sent_back':
      return bounded({
        kind: event.kind,
        title: `${actor} sent back “${itemLabel(event.item)}”`,
        body: event.comment ? `“${event.comment}”` : 'It needs changes before it can be approved.',
        link: contentLink(event.item),
        subjectId: event.item.id,
      });
    case 'content_approved':
      return bounded({
        kind: event.kind,
        title: `${actor} approved “${itemLabel(event.item)}”`,
        body: 'It can be scheduled now.',
        link: contentLink(event.item),
        subjectId: event.item.id,
      });
    case 'publish_failed':
      return bounded({
        kind: event.kind,
        title: `“${itemLabel(event.item)}” could not be published`,
        body: `${event.reason} Schedule it again, or restore it to a draft.`,
        link: contentLink(event.item),
        subjectId: event.item.id,
      });
    case 'inbox_attention': {
      const why = [event.urgent ? 'urgent' : '', event.negative ? 'negative' : '']
        .filter(Boolean)
        .join(' and ');
      return bounded({
        kind: event.kind,
        title: `${capitalize(why)} message from ${event.customer}`,
        body: `“${excerpt(event.excerpt, 280)}”`,
        link: `/w/${event.businessId}/inbox?conversation=${event.conversationId}`,
        subjectId: event.conversationId,
      });
    }
    case 'comment_mention':
      return bounded({
        kind: event.kind,
        title: `${actor} mentioned you in a comment on “${itemLabel(event.item)}”`,
        body: `“${excerpt(event.excerpt, 500)}”`,
        link: `${contentLink(event.item)}#comment-${event.commentId}`,
        subjectId: event.item.id,
      });
    case 'job_died':
      return bounded({
        kind: event.kind,
        title: `A background job failed for good: ${event.jobName}`,
        body: `${excerpt(event.error, 500)} Retry it from the jobs page once the cause is fixed.`,
        link: `/w/${event.businessId}/jobs/${event.jobId}`,
        subjectId: event.jobId,
      });
  }
}

/** The notice for a workspace whose AI spending reached `threshold` percent of its monthly budget. */
export function describeBudget(
  businessId: string,
  threshold: number,
  spentMicroUsd: number,
  limitMicroUsd: number,
): NotificationText {
  const dollars = (micro: number) => `$${(micro / 1_000_000).toFixed(2)}`;
  const spent = `${dollars(spentMicroUsd)} of ${dollars(limitMicroUsd)}`;
  return bounded({
    kind: 'ai_budget',
    title:
      threshold >= 100 ? 'The monthly AI budget is spent' : `The monthly AI budget is ${threshold}% spent`,
    body:
      threshold >= 100
        ? `${spent} this month. AI features stop until the budget is raised or the month ends.`
        : `${spent} this month. AI features stop at 100%; an owner or admin can raise the budget.`,
    link: `/w/${businessId}/settings/ai`,
    subjectId: null,
  });
}

/** The item's title, or the first line of its text. */
export function itemLabel(item: Pick<NotifiedItem, 'title' | 'body'>): string {
  const line = item.title.trim() || (item.body.trim().split(/\r?\n/, 1)[0] ?? '');
  return excerpt(line || 'Untitled', 80);
}

function contentLink(item: Pick<NotifiedItem, 'id' | 'business_id'>): string {
  return `/w/${item.business_id}/content/${item.id}`;
}

function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function bounded(text: NotificationText): NotificationText {
  return { ...text, title: excerpt(text.title, TITLE_MAX), body: text.body.slice(0, BODY_MAX) };
}
