import type { ContentItemRow, MediaItemRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { type MediaCheckStage, type MediaIssue, mediaIssues } from '#shared/channel-media.js';
import type { ContentItem, ContentMedia } from '#shared/content.schema.js';
import { type Rendition, type VideoFacts, videoFactsSchema } from '#shared/media.schema.js';
import type { FieldError } from '#shared/problem.schema.js';
import { toContentItem } from './content-items.js';

// The media attached to content items as the API shows them, and the networks' media rules every
// submission and scheduling must pass.

/** Smallest first: the editor and the calendar show thumbnails, never the full picture. */
const THUMBNAILS = ['w320.webp', 'w320.jpg', 'w640.webp', 'w640.jpg'];

/** The API shape of an attached library item. */
export function toContentMedia(row: MediaItemRow): ContentMedia {
  const renditions = new Set((JSON.parse(row.renditions) as Rendition[]).map((rendition) => rendition.id));
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    alt_text: row.alt_text,
    mime_type: row.mime_type,
    size_bytes: row.size_bytes,
    width: row.width,
    height: row.height,
    video: videoFactsOf(row.video),
    thumbnail: THUMBNAILS.find((id) => renditions.has(id)) ?? null,
  };
}

/** A row's stored ffprobe facts; null when there are none or they no longer read as such. */
function videoFactsOf(stored: string | null): VideoFacts | null {
  if (!stored) return null;
  const parsed = videoFactsSchema.safeParse(JSON.parse(stored));
  return parsed.success ? parsed.data : null;
}

/** The media of each of `itemIds`, in publishing order (items without media are absent). */
export async function mediaByItem(
  repos: Repositories,
  businessId: string,
  itemIds: readonly string[],
): Promise<Map<string, ContentMedia[]>> {
  const byItem = new Map<string, ContentMedia[]>();
  for (const row of await repos.contentMedia.forItems(businessId, itemIds)) {
    const list = byItem.get(row.content_item_id) ?? [];
    list.push(toContentMedia(row));
    byItem.set(row.content_item_id, list);
  }
  return byItem;
}

/** Rows of one workspace as API items, each with its media (one query for all of them). */
export async function toContentItems(
  repos: Repositories,
  businessId: string,
  rows: readonly ContentItemRow[],
): Promise<ContentItem[]> {
  const media = await mediaByItem(
    repos,
    businessId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => toContentItem(row, media.get(row.id) ?? []));
}

/** One row as an API item with its media. */
export async function toContentItemWithMedia(repos: Repositories, row: ContentItemRow): Promise<ContentItem> {
  const [item] = await toContentItems(repos, row.business_id, [row]);
  if (!item) throw new Error('toContentItems returned no item');
  return item;
}

/**
 * Refuse media that breaks the channel's rules at `stage` (422 `media_check_failed`, each rule in
 * `errors[]`, the first as `detail`).
 */
export function checkMedia(channel: ChannelId, media: readonly ContentMedia[], stage: MediaCheckStage): void {
  const issues = mediaIssues(channel, media, stage);
  const first = issues[0];
  if (!first) return;
  throw new AppError('media_check_failed', issues.map((issue) => issue.message).join('. '), {
    errors: issues.map((issue) => mediaIssueFieldError(issue)),
  });
}

/** A media rule's issue as a field error at `path` (the issue's own, unless given), with its facts. */
export function mediaIssueFieldError(issue: MediaIssue, path = issue.path): FieldError {
  const { path: _path, message, ...facts } = issue;
  return { path, message, code: facts.code, facts };
}

/** Which check a workflow move needs: submitting asks for the required media, scheduling also for alt text. */
export function mediaStageOf(action: string): MediaCheckStage | undefined {
  if (action === 'submitted') return 'submit';
  if (action === 'scheduled') return 'schedule';
  return undefined;
}

/**
 * The library items `ids` as attachments, in that order. Each must be a ready item of the workspace:
 * another workspace's answers 404 like a missing one (`errors[]` names `body.media_ids.N`).
 */
export async function requireLibraryMedia(
  repos: Repositories,
  businessId: string,
  ids: readonly string[],
): Promise<ContentMedia[]> {
  if (ids.length === 0) return [];
  const found = new Map((await repos.media.findMany(businessId, ids)).map((media) => [media.id, media]));
  const missing: FieldError[] = [];
  const unready: FieldError[] = [];
  ids.forEach((id, index) => {
    const media = found.get(id);
    const path = `body.media_ids.${index}`;
    if (!media) missing.push({ path, message: 'No such media item in this workspace', code: 'not_found' });
    else if (media.status !== 'ready') {
      unready.push({ path, message: `“${media.name}” is still being processed`, code: 'not_ready' });
    }
  });
  if (missing.length > 0) {
    throw new AppError('not_found', 'No such media item in this workspace', { errors: missing });
  }
  if (unready.length > 0) {
    throw new AppError('validation_failed', unready.map((error) => error.message).join('. '), {
      errors: unready,
    });
  }
  return ids.flatMap((id) => {
    const row = found.get(id);
    return row ? [toContentMedia(row)] : [];
  });
}
