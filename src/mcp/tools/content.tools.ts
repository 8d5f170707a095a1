import { API } from '#shared/api-paths.js';
import { idSchema } from '#shared/common.schema.js';
import {
  type ContentItem,
  contentItemSchema,
  contentListQuerySchema,
  contentPageSchema,
  contentParamsSchema,
  createContentBodySchema,
  generateContentBodySchema,
  generateContentResultSchema,
  rewriteContentItemBodySchema,
  rewriteContentItemResultSchema,
  transitionContentBodySchema,
  updateContentBodySchema,
} from '#shared/content.schema.js';
import { count, excerpt, microUsd, nextPageLine } from '../format.js';
import { defineTool, inWorkspace, READS, WRITES } from '../tool.js';

const contentId = idSchema.describe('Content item id');

// Every write goes through the routes the web app uses, so the approval workflow applies unchanged:
// new items are ideas or drafts, edits to approved or scheduled work send it back to draft, and only an
// approved item can be scheduled. There is deliberately no tool that approves.
export const contentTools = [
  defineTool({
    name: 'list_calendar',
    title: 'List the calendar',
    description:
      'Content items: with from and/or to (ISO 8601 timestamps; from inclusive, to exclusive) the calendar of that range by publishing time, oldest first; without them the whole library, newest first. Filter by channel, status, campaign_id or pillar; page with cursor.',
    input: inWorkspace(contentListQuerySchema),
    output: contentPageSchema,
    annotations: READS,
    async run(args, { api, workspace }) {
      const query = { ...args, business_id: await workspace(args.business_id) };
      const data = await api.get(API.contentItems, { query, schema: contentPageSchema });
      const text = [
        data.items.length === 0 ? 'No content items match.' : `${count(data.items.length, 'content item')}:`,
        ...data.items.map((item) => `- ${describeItem(item)}`),
        ...nextPageLine(data.next_cursor),
      ];
      return { text: text.join('\n'), data };
    },
  }),
  defineTool({
    name: 'get_content',
    title: 'Get a content item',
    description:
      'One content item in full: text, thread, hashtags, status, version (needed to edit, submit or schedule it), schedule and channel warnings.',
    input: contentParamsSchema,
    output: contentItemSchema,
    annotations: READS,
    async run({ id }, { api }) {
      const data = await api.get(API.contentItem(id), { schema: contentItemSchema });
      return { text: itemInFull(data), data };
    },
  }),
  defineTool({
    name: 'draft_content',
    title: 'Save a draft',
    description:
      'Save text you wrote as a new draft (or idea) for one channel and format, optionally in a campaign and with a planned time. Nothing is published: it goes to review with submit_content_for_review. Answers 422-style errors when the text breaks the channel’s limits.',
    input: inWorkspace(createContentBodySchema),
    output: contentItemSchema,
    annotations: WRITES,
    async run(args, { api, workspace }) {
      const body = { ...args, business_id: await workspace(args.business_id) };
      const data = await api.post(API.contentItems, { body, schema: contentItemSchema });
      return { text: `Saved.\n${itemInFull(data)}`, data };
    },
  }),
  defineTool({
    name: 'write_content_with_ai',
    title: 'Write content with the workspace’s AI',
    description:
      'Ask the workspace’s AI (or its offline writer) for 1–5 variants for a channel and format from a brief, in the brand’s voice. Metered against the workspace’s AI budget. With save_as_drafts the variants are also saved as drafts (optionally in campaign_id).',
    input: inWorkspace(generateContentBodySchema),
    output: generateContentResultSchema,
    annotations: WRITES,
    async run(args, { api, workspace }) {
      const body = { ...args, business_id: await workspace(args.business_id) };
      const data = await api.post(API.generateContent, { body, schema: generateContentResultSchema });
      const text = [
        `${count(data.output.variants.length, 'variant')} by ${data.offline ? 'the offline writer' : data.model}, cost ${microUsd(data.cost_micro_usd)}:`,
      ];
      data.output.variants.forEach((variant, index) => {
        const saved = data.saved_items?.[index];
        text.push(
          `\nVariant ${index + 1}${saved ? ` (saved as draft id ${saved.id}, version ${saved.version})` : ''}: ${variant.title}`,
          variant.body,
          ...variant.thread.map((part, n) => `[${n + 2}] ${part}`),
        );
        if (variant.hashtags.length > 0) text.push(`Hashtags: ${variant.hashtags.join(' ')}`);
      });
      for (const warning of data.output.warnings ?? [])
        text.push(`Warning (${warning.field}): ${warning.message}`);
      return { text: text.join('\n'), data };
    },
  }),
  defineTool({
    name: 'update_content',
    title: 'Edit a content item',
    description:
      'Change fields of a content item; send the version you read (a stale one is refused: read it again). Editing what was approved (text, channel, media…) sends an approved or scheduled item back to draft for another review.',
    input: updateContentBodySchema.safeExtend({ id: contentId }),
    output: contentItemSchema,
    annotations: WRITES,
    async run({ id, ...body }, { api }) {
      const data = await api.patch(API.contentItem(id), { body, schema: contentItemSchema });
      return { text: `Saved.\n${itemInFull(data)}`, data };
    },
  }),
  defineTool({
    name: 'rewrite_content',
    title: 'Rewrite a content item with the AI',
    description:
      'Suggest a rewrite of an item’s text: shorten, expand, change the tone, write a variant, or translate. Nothing is saved; to keep it, call update_content with the body and the version this answer gives. Metered against the AI budget.',
    input: rewriteContentItemBodySchema.safeExtend({ id: contentId }),
    output: rewriteContentItemResultSchema,
    annotations: WRITES,
    async run({ id, ...body }, { api }) {
      const data = await api.post(`${API.contentItem(id)}/rewrite`, {
        body,
        schema: rewriteContentItemResultSchema,
      });
      const text = [
        `Suggested text (nothing saved; by ${data.offline ? 'the offline writer' : data.model}, cost ${microUsd(data.cost_micro_usd)}):`,
        data.output.text,
      ];
      if (data.output.hashtags.length > 0) text.push(`Hashtags: ${data.output.hashtags.join(' ')}`);
      for (const warning of data.output.warnings ?? []) text.push(`Warning: ${warning.message}`);
      text.push(`To keep it: update_content with id ${id}, version ${data.item_version} and this body.`);
      return { text: text.join('\n'), data };
    },
  }),
  defineTool({
    name: 'submit_content_for_review',
    title: 'Submit a draft for review',
    description:
      'Move a draft to review (in_review), with an optional note for the reviewer. An owner or admin then approves it or sends it back in mcc.',
    input: transitionContentBodySchema.pick({ version: true, comment: true }).safeExtend({ id: contentId }),
    output: contentItemSchema,
    annotations: WRITES,
    async run({ id, ...rest }, { api }) {
      const data = await api.post(API.contentTransition(id), {
        body: { to: 'in_review', ...rest },
        schema: contentItemSchema,
      });
      return { text: `Submitted for review.\n${describeItem(data)}`, data };
    },
  }),
  defineTool({
    name: 'schedule_content',
    title: 'Schedule approved content',
    description:
      'Schedule an approved item for publishing at scheduled_at (ISO 8601, in the future; or the time it already has). Only approved items can be scheduled, and only with a key whose role may approve (owner or admin); a draft must go through review first. Publishing then happens at that time through the workspace’s connector.',
    input: transitionContentBodySchema.omit({ to: true }).safeExtend({ id: contentId }),
    output: contentItemSchema,
    annotations: WRITES,
    async run({ id, ...rest }, { api }) {
      const data = await api.post(API.contentTransition(id), {
        body: { to: 'scheduled', ...rest },
        schema: contentItemSchema,
      });
      return { text: `Scheduled.\n${describeItem(data)}`, data };
    },
  }),
];

/** An item on one line: status, channel, title, ids, time. */
export function describeItem(item: ContentItem): string {
  const when = item.scheduled_at ? `, at ${item.scheduled_at}` : '';
  const campaign = item.campaign_id ? `, campaign ${item.campaign_id}` : '';
  const title = item.title || excerpt(item.body, 60) || '(empty)';
  return `[${item.status}] ${item.channel}/${item.format} "${title}" (id ${item.id}, version ${item.version}${when}${campaign})`;
}

/** An item with its whole text, for the tools that read or change one. */
function itemInFull(item: ContentItem): string {
  const lines = [describeItem(item)];
  if (item.body) lines.push(item.body);
  for (const [index, part] of item.thread.entries()) lines.push(`[${index + 2}] ${part}`);
  if (item.hashtags.length > 0) lines.push(`Hashtags: ${item.hashtags.join(' ')}`);
  if (item.call_to_action) lines.push(`Call to action: ${item.call_to_action}`);
  if (item.publish_error) lines.push(`Publishing failed: ${item.publish_error}`);
  for (const warning of item.warnings) lines.push(`Warning (${warning.field}): ${warning.message}`);
  return lines.join('\n');
}
