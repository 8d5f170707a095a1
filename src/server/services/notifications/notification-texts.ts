import type { NotificationFacts, NotificationKind } from '#shared/notifications.schema.js';
import type { NotificationEvent, NotifiedItem } from './notifier.js';

/** What a notification says and where it leads, as stored on each recipient's row. */
export interface NotificationText {
  kind: NotificationKind;
  title: string;
  body: string;
  /** A path of the web app. */
  link: string;
  subjectId: string | null;
  /** What title and body are made of, stored beside them so the web app can say them in another language. */
  facts: NotificationFacts;
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
  const actorName = facts.actorName ?? null;
  const actor = actorName ?? 'Someone';
  switch (event.kind) {
    case 'review_requested': {
      const item = itemLabel(event.item);
      return bounded({
        kind: event.kind,
        title: `${actor} asked for a review of “${item}”`,
        body: `A post for ${event.item.channel} waits for approval.`,
        link: contentLink(event.item),
        subjectId: event.item.id,
        facts: { kind: event.kind, actor: actorName, item, channel: event.item.channel },
      });
    }
    case 'content_sent_back': {
      const item = itemLabel(event.item);
      // The comment as the body quotes it: cut where the stored body is.
      const comment = event.comment ? event.comment.slice(0, BODY_MAX - 2) : null;
      return bounded({
        kind: event.kind,
        title: `${actor} sent back “${item}”`,
        body: comment ? `“${comment}”` : 'It needs changes before it can be approved.',
        link: contentLink(event.item),
        subjectId: event.item.id,
        facts: { kind: event.kind, actor: actorName, item, comment },
      });
    }
    case 'content_approved': {
      const item = itemLabel(event.item);
      return bounded({
        kind: event.kind,
        title: `${actor} approved “${item}”`,
        body: 'It can be scheduled now.',
        link: contentLink(event.item),
        subjectId: event.item.id,
        facts: { kind: event.kind, actor: actorName, item },
      });
    }
    case 'publish_failed': {
      const item = itemLabel(event.item);
      return bounded({
        kind: event.kind,
        title: `“${item}” could not be published`,
        body: `${asSentence(event.reason)} Schedule it again, or restore it to a draft.`,
        link: contentLink(event.item),
        subjectId: event.item.id,
        facts: { kind: event.kind, item, reason: event.reason.slice(0, BODY_MAX) },
      });
    }
    case 'inbox_attention': {
      const why = [event.urgent ? 'urgent' : '', event.negative ? 'negative' : '']
        .filter(Boolean)
        .join(' and ');
      const quoted = excerpt(event.excerpt, 280);
      return bounded({
        kind: event.kind,
        title: `${capitalize(why)} message from ${event.customer}`,
        body: `“${quoted}”`,
        link: `/w/${event.businessId}/inbox?conversation=${event.conversationId}`,
        subjectId: event.conversationId,
        facts: {
          kind: event.kind,
          customer: excerpt(event.customer, TITLE_MAX),
          urgent: event.urgent,
          negative: event.negative,
          excerpt: quoted,
        },
      });
    }
    case 'comment_mention': {
      const item = itemLabel(event.item);
      const quoted = excerpt(event.excerpt, 500);
      return bounded({
        kind: event.kind,
        title: `${actor} mentioned you in a comment on “${item}”`,
        body: `“${quoted}”`,
        link: `${contentLink(event.item)}#comment-${event.commentId}`,
        subjectId: event.item.id,
        facts: { kind: event.kind, actor: actorName, item, excerpt: quoted },
      });
    }
    case 'job_died': {
      const error = excerpt(event.error, 500);
      return bounded({
        kind: event.kind,
        title: `A background job failed for good: ${event.jobName}`,
        body: `${asSentence(error)} Retry it from the jobs page once the cause is fixed.`,
        link: `/w/${event.businessId}/jobs/${event.jobId}`,
        subjectId: event.jobId,
        facts: { kind: event.kind, job_name: excerpt(event.jobName, TITLE_MAX), error },
      });
    }
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
    facts: { kind: 'ai_budget', threshold, spent_micro_usd: spentMicroUsd, limit_micro_usd: limitMicroUsd },
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

/**
 * A reason ended as a sentence before the next one: the shared failure reasons have no full stop of their
 * own, because they are also quoted inside other sentences.
 */
export function asSentence(text: string): string {
  const trimmed = text.trimEnd();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function bounded(text: NotificationText): NotificationText {
  return { ...text, title: excerpt(text.title, TITLE_MAX), body: text.body.slice(0, BODY_MAX) };
}
