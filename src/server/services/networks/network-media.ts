import type { Readable } from 'node:stream';
import type { NetworkMedia, NetworkMediaLimits } from '#server/integrations/networks/index.js';
import type { ObjectStore } from '#server/integrations/storage/object-store.js';
import type { AttachedMediaRow } from '#server/repositories/content-media.repository.js';
import type { Repositories } from '#server/repositories/index.js';
import type { Rendition } from '#shared/media.schema.js';

// The files a network receives for an item's media: the largest JPEG rendition of an image (EXIF and GPS
// already removed, orientation applied, a format every network takes) that fits the network's size limit,
// the original of a video.

/** Largest first: the 1280 px JPEG is what the networks show full-screen anyway. */
const IMAGE_RENDITIONS = ['w1280.jpg', 'w640.jpg', 'w320.jpg'];

/**
 * @example
 * const files = await networkMediaOf(repos, store, businessId, itemId, { maxImageBytes: 1_000_000 });
 */
export async function networkMediaOf(
  repos: Repositories,
  store: ObjectStore,
  businessId: string,
  itemId: string,
  limits: NetworkMediaLimits = {},
): Promise<NetworkMedia[]> {
  const rows = await repos.contentMedia.forItems(businessId, [itemId]);
  const files: NetworkMedia[] = [];
  for (const row of rows) files.push(await fileOf(store, row, limits));
  return files;
}

async function fileOf(
  store: ObjectStore,
  row: AttachedMediaRow,
  limits: NetworkMediaLimits,
): Promise<NetworkMedia> {
  const base = row.name.replace(/\.[A-Za-z0-9]{1,5}$/, '') || 'media';
  const renditions = new Map(
    (JSON.parse(row.renditions) as Rendition[]).map((rendition) => [rendition.id, rendition]),
  );
  const max = limits.maxImageBytes ?? Number.POSITIVE_INFINITY;
  const available = IMAGE_RENDITIONS.flatMap((id) => renditions.get(id) ?? []);
  // The smallest rendition is sent even when it is over the limit: the network's refusal then says why.
  const rendition =
    row.kind === 'image'
      ? (available.find((candidate) => candidate.bytes <= max) ?? available.at(-1))
      : undefined;
  const key = `${row.business_id}/${row.id}/${rendition?.id ?? 'original'}`;
  const object = await store.get(key);
  if (!object) throw new Error(`The file of “${row.name}” is missing from storage`);
  return {
    kind: row.kind,
    fileName: rendition ? `${base}.jpg` : row.name,
    mimeType: rendition ? 'image/jpeg' : row.mime_type,
    bytes: await bytesOf(object.body),
    description: row.alt_text,
    width: rendition?.width ?? row.width,
    height: rendition?.height ?? row.height,
  };
}

async function bytesOf(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
