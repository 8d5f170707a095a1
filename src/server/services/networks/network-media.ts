import type { Readable } from 'node:stream';
import type { NetworkMedia, NetworkMediaLimits } from '#server/integrations/networks/index.js';
import type { ByteRange, ObjectStore } from '#server/integrations/storage/object-store.js';
import type { AttachedMediaRow } from '#server/repositories/content-media.repository.js';
import type { Repositories } from '#server/repositories/index.js';
import type { ChannelId } from '#shared/channel-ids.js';
import { cropFor } from '#shared/channel-media.js';
import { type Rendition, videoFactsSchema } from '#shared/media.schema.js';
import type { SignedMediaLinks } from '../media/signed-media-links.js';

// The file a network receives for each attached item, whichever way it gets there (bytes uploaded by a
// channel provider, or a signed link in the webhook): for an image, a JPEG rendition (EXIF and GPS already
// removed, orientation applied, a format every network takes), cut to the network's shapes where it
// refuses others (cropFor), the largest that fits the network's size limit; for a video, the original.

/** Largest first: the 1280 px JPEG is what the networks show full-screen anyway. */
const IMAGE_RENDITIONS = ['w1280.jpg', 'w640.jpg', 'w320.jpg'];

/** Which stored file of an item `channel` receives, and how it is named and typed there. */
export interface PublishedFile {
  /** `original` or a rendition id (`w1280.jpg`, `portrait.jpg`). */
  variant: string;
  fileName: string;
  mimeType: string;
  width: number | null;
  height: number | null;
}

/**
 * @example publishedFile('instagram', phonePortrait) // { variant: 'portrait.jpg', width: 1080, height: 1350, … }
 */
export function publishedFile(
  channel: ChannelId,
  row: AttachedMediaRow,
  limits: NetworkMediaLimits = {},
): PublishedFile {
  const renditions = new Map(
    (JSON.parse(row.renditions) as Rendition[]).map((rendition) => [rendition.id, rendition]),
  );
  const crop = row.kind === 'image' ? cropFor(channel, row) : null;
  const wanted = crop ? [`${crop}.jpg`] : row.kind === 'image' ? IMAGE_RENDITIONS : [];
  const available = wanted.flatMap((id) => renditions.get(id) ?? []);
  const max = limits.maxImageBytes ?? Number.POSITIVE_INFINITY;
  // The smallest is sent even when it is over the limit: the network's refusal then says why.
  const rendition = available.find((candidate) => candidate.bytes <= max) ?? available.at(-1);
  if (!rendition) {
    return {
      variant: 'original',
      fileName: row.name,
      mimeType: row.mime_type,
      width: row.width,
      height: row.height,
    };
  }
  const base = row.name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'media';
  return {
    variant: rendition.id,
    fileName: `${base}.jpg`,
    mimeType: 'image/jpeg',
    width: rendition.width,
    height: rendition.height,
  };
}

/**
 * A public, signed address of one stored file (for networks that fetch media themselves), or undefined
 * when the server has no public address to build one on.
 */
export type MediaUrlOf = (grant: {
  businessId: string;
  mediaId: string;
  variant: string;
}) => string | undefined;

/**
 * How long a network may take to fetch a file by its address: Instagram and Threads fetch while they
 * process the container (minutes for a video); a retry the next day reads the media again, with new links.
 */
export const NETWORK_MEDIA_LINK_SECONDS = 24 * 3600;

/**
 * Signed links (SignedMediaLinks) on the server's public address; undefined without one, since a network
 * cannot fetch a path on a server it does not know.
 * @example
 * const urlOf = signedMediaUrlOf(links, 'https://mcc.example', now);
 */
export function signedMediaUrlOf(
  links: SignedMediaLinks,
  publicUrl: string | undefined,
  now: () => Date,
): MediaUrlOf | undefined {
  if (!publicUrl) return undefined;
  return (grant) => {
    const expires = Math.floor(now().getTime() / 1000) + NETWORK_MEDIA_LINK_SECONDS;
    return new URL(links.path({ ...grant, expires }), publicUrl).toString();
  };
}

/**
 * The files of an item's media for a channel provider to upload, in publishing order; with `urlOf`, each
 * also carries its public address (the very file uploaded, so both ways send the same bytes).
 * @example
 * const files = await networkMediaOf(repos, store, businessId, itemId, 'bluesky', { maxImageBytes: 1_000_000 });
 */
export async function networkMediaOf(
  repos: Repositories,
  store: ObjectStore,
  businessId: string,
  itemId: string,
  channel: ChannelId,
  limits: NetworkMediaLimits = {},
  urlOf?: MediaUrlOf,
): Promise<NetworkMedia[]> {
  const rows = await repos.contentMedia.forItems(businessId, [itemId]);
  const files: NetworkMedia[] = [];
  for (const row of rows) {
    const file = publishedFile(channel, row, limits);
    const url = urlOf?.({ businessId: row.business_id, mediaId: row.id, variant: file.variant });
    files.push({ ...(await fileOf(store, row, file)), ...(url ? { url } : {}) });
  }
  return files;
}

async function fileOf(store: ObjectStore, row: AttachedMediaRow, file: PublishedFile): Promise<NetworkMedia> {
  const key = `${row.business_id}/${row.id}/${file.variant}`;
  const described = {
    fileName: file.fileName,
    mimeType: file.mimeType,
    description: row.alt_text,
    width: file.width,
    height: file.height,
  };
  const missing = () => new Error(`The file of “${row.name}” is missing from storage`);
  if (row.kind === 'video') {
    // Up to 500 MB: read in the parts each network's upload asks for, never whole here.
    const video = row.video ? videoFactsSchema.safeParse(JSON.parse(row.video)) : null;
    return {
      kind: 'video',
      ...described,
      size: row.size_bytes,
      durationSeconds: video?.success ? video.data.duration_seconds : null,
      open: async (range?: ByteRange) => {
        const object = await store.get(key, range);
        if (!object) throw missing();
        return object.body;
      },
    };
  }
  const object = await store.get(key);
  if (!object) throw missing();
  return { kind: 'image', ...described, bytes: await bytesOf(object.body) };
}

async function bytesOf(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
