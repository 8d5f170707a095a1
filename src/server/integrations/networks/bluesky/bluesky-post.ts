import {
  type $Typed,
  type AppBskyEmbedImages,
  type AppBskyEmbedVideo,
  type AppBskyFeedPost,
  AppBskyRichtextFacet,
  type AtpAgent,
  AtUri,
  RichText,
  XRPCError,
} from '@atproto/api';
import { type NetworkMedia, wholeFile } from '../provider.js';
import { RefusedMediaError } from './bluesky-failure.js';
import { recordKeyFor } from './bluesky-record-key.js';

// Writing `app.bsky.feed.post` records (the lexicon in @atproto/api): the text with its facets, a reply's
// root and parent, images or a video uploaded as blobs first, and the record created under a key derived
// from the publication (bluesky-record-key.ts) so that no attempt posts it twice.

export const POST_COLLECTION = 'app.bsky.feed.post';

/** A post as a reply refers to it (com.atproto.repo.strongRef). */
export interface StrongRef {
  uri: string;
  cid: string;
}

/** The thread a reply belongs to and the post it answers. */
export interface ReplyRefs {
  root: StrongRef;
  parent: StrongRef;
}

/** What the PDS takes of one image (app.bsky.embed.images: "up to 2 MB, formerly limited to 1 MB"). */
export const MAX_IMAGE_BYTES = 2_000_000;
/** app.bsky.embed.images holds at most four. */
const MAX_IMAGES = 4;
/** app.bsky.embed.video: alt text of at most 1,000 graphemes; the Bluesky app caps image alt at 2,000. */
const MAX_VIDEO_ALT = 1000;
const MAX_IMAGE_ALT = 2000;

/** A post's text, facets, reply and embed, ready to be created. */
export type PostRecord = AppBskyFeedPost.Record;

/**
 * Links, hashtags and mentions as facets (RichText from the official client). A mention whose handle
 * does not resolve stays plain text: a facet with no DID would make the PDS refuse the whole post.
 */
export async function richText(agent: AtpAgent, text: string): Promise<Pick<PostRecord, 'text' | 'facets'>> {
  const rich = new RichText({ text });
  await rich.detectFacets(agent);
  const facets = (rich.facets ?? [])
    .map((facet) => ({
      ...facet,
      features: facet.features.filter(
        (feature) => !AppBskyRichtextFacet.isMention(feature) || (feature as { did: string }).did !== '',
      ),
    }))
    .filter((facet) => facet.features.length > 0);
  return { text: rich.text, ...(facets.length > 0 ? { facets } : {}) };
}

/** An error the caller should see as it is, before any look at whether the record was written after all. */
function conclusive(error: XRPCError): boolean {
  return (
    error.status === 401 ||
    error.status === 429 ||
    ['ExpiredToken', 'InvalidToken', 'AccountTakedown'].includes(error.error)
  );
}

/**
 * Upload the files and embed them: up to four images with their alt text, or one video (MP4). Undefined
 * when there are none.
 */
export async function mediaEmbed(
  agent: AtpAgent,
  media: NetworkMedia[],
): Promise<PostRecord['embed'] | undefined> {
  const video = media.find((file) => file.kind === 'video');
  if (video) {
    if (video.mimeType !== 'video/mp4') {
      throw new RefusedMediaError(`Bluesky takes MP4 videos only; “${video.fileName}” is ${video.mimeType}`);
    }
    const uploaded = await agent.com.atproto.repo.uploadBlob(new Uint8Array(await wholeFile(video)), {
      encoding: video.mimeType,
    });
    const embed: $Typed<AppBskyEmbedVideo.Main> = {
      $type: 'app.bsky.embed.video',
      video: uploaded.data.blob,
      ...(video.description ? { alt: [...video.description].slice(0, MAX_VIDEO_ALT).join('') } : {}),
      ...aspectRatioOf(video),
    };
    return embed;
  }
  const images = media.filter((file) => file.kind === 'image').slice(0, MAX_IMAGES);
  if (images.length === 0) return undefined;
  const embedded: AppBskyEmbedImages.Image[] = [];
  for (const image of images) {
    const uploaded = await agent.com.atproto.repo.uploadBlob(new Uint8Array(image.bytes), {
      encoding: image.mimeType,
    });
    embedded.push({
      image: uploaded.data.blob,
      alt: [...image.description].slice(0, MAX_IMAGE_ALT).join(''),
      ...aspectRatioOf(image),
    });
  }
  const embed: $Typed<AppBskyEmbedImages.Main> = { $type: 'app.bsky.embed.images', images: embedded };
  return embed;
}

function aspectRatioOf(media: NetworkMedia): { aspectRatio?: { width: number; height: number } } {
  const { width, height } = media;
  return width && height && width > 0 && height > 0 ? { aspectRatio: { width, height } } : {};
}

/** One of the account's own posts as a strong reference (read from its own repository: never stale). */
export async function ownPost(
  agent: AtpAgent,
  uri: string,
): Promise<(StrongRef & { value: unknown }) | undefined> {
  const at = new AtUri(uri);
  try {
    const found = await agent.com.atproto.repo.getRecord({
      repo: at.host,
      collection: at.collection,
      rkey: at.rkey,
    });
    if (!found.data.cid) return undefined;
    return { uri: found.data.uri, cid: found.data.cid, value: found.data.value };
  } catch (error) {
    if (error instanceof XRPCError && error.error === 'RecordNotFound') return undefined;
    throw error;
  }
}

/** How many other keys are tried when a key is taken by a post that is not this one. */
const KEY_CANDIDATES = 3;

/**
 * Create the post under the key derived from `key` and `dueAt`. When creating fails (a lost answer, or
 * the PDS refusing a key it already holds: the reference PDS answers 500 then), the record under that key
 * is read: if it is this post, it was published by an earlier attempt and counts as published now.
 */
export async function createPost(
  agent: AtpAgent,
  did: string,
  record: PostRecord,
  key: string,
  dueAt: string,
): Promise<StrongRef> {
  let lastError: unknown;
  for (let candidate = 0; candidate < KEY_CANDIDATES; candidate += 1) {
    const rkey = recordKeyFor(key, dueAt, candidate);
    try {
      const created = await agent.com.atproto.repo.createRecord({
        repo: did,
        collection: POST_COLLECTION,
        rkey,
        record: record as unknown as Record<string, unknown>,
      });
      return { uri: created.data.uri, cid: created.data.cid };
    } catch (error) {
      if (!(error instanceof XRPCError) || conclusive(error)) throw error;
      const existing = await ownPost(agent, `at://${did}/${POST_COLLECTION}/${rkey}`);
      if (!existing) throw error;
      if (samePost(existing.value, record)) return { uri: existing.uri, cid: existing.cid };
      lastError = error;
    }
  }
  throw lastError;
}

/** The same text answering the same post: this publication's record, not another post under the key. */
function samePost(value: unknown, record: PostRecord): boolean {
  const stored = value as Partial<PostRecord> | null;
  return stored?.text === record.text && stored?.reply?.parent.uri === record.reply?.parent.uri;
}

/** The post's public address on bsky.app. */
export function postUrl(handle: string, uri: string): string {
  return `https://bsky.app/profile/${handle}/post/${new AtUri(uri).rkey}`;
}
