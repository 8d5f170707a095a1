import type { FakeBlob } from './fake-bluesky-server.js';

// The checks the PDS makes on an `app.bsky.feed.post` record before writing it (the lexicon's limits and
// the blobs it references), with the reference PDS's wording: "Invalid app.bsky.feed.post record: <issue>
// at $.record.<path>" for the lexicon, BlobNotFound / InvalidMimeType / InvalidSize for blobs.

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const DID = /^did:[a-z]+:[a-zA-Z0-9._:%-]+$/;
const AT_URI = /^at:\/\/[^/]+\/[^/]+\/[^/]+$/;

export interface PostProblem {
  error: string;
  message: string;
}

const invalid = (issue: string, path: string): PostProblem => ({
  error: 'InvalidRequest',
  message: `Invalid app.bsky.feed.post record: ${issue} at $.record${path}`,
});

/**
 * The first thing wrong with the record, or undefined when the PDS would write it.
 *
 * @example
 * validatePost({ $type: 'app.bsky.feed.post', text: 'x'.repeat(301), createdAt }, blobs, did);
 * // { error: 'InvalidRequest', message: 'Invalid app.bsky.feed.post record: grapheme too big (maximum 300, got 301) at $.record.text' }
 */
export function validatePost(
  record: Record<string, unknown>,
  blobOf: (cid: string) => FakeBlob | undefined,
  did: string,
): PostProblem | undefined {
  const { text, createdAt, facets, reply, embed } = record;
  if (typeof text !== 'string') return invalid('Expected string value type (got undefined)', '.text');
  const graphemes = [...segmenter.segment(text)].length;
  if (graphemes > 300) return invalid(`grapheme too big (maximum 300, got ${graphemes})`, '.text');
  const bytes = Buffer.byteLength(text);
  if (bytes > 3000) return invalid(`string too big (maximum 3000, got ${bytes})`, '.text');
  if (typeof createdAt !== 'string' || !Number.isFinite(Date.parse(createdAt))) {
    return invalid(`Invalid datetime (got ${JSON.stringify(createdAt)})`, '.createdAt');
  }
  if (facets !== undefined) {
    if (!Array.isArray(facets)) return invalid('Expected array value type', '.facets');
    for (const [i, facet] of (facets as Array<Record<string, unknown>>).entries()) {
      const index = facet.index as { byteStart?: unknown; byteEnd?: unknown } | undefined;
      if (!Number.isInteger(index?.byteStart) || !Number.isInteger(index?.byteEnd)) {
        return invalid('Expected integer value type', `.facets[${i}].index`);
      }
      for (const [j, feature] of ((facet.features ?? []) as Array<Record<string, unknown>>).entries()) {
        if (feature.$type === 'app.bsky.richtext.facet#mention' && !DID.test(String(feature.did))) {
          return invalid(
            `Invalid DID (got ${JSON.stringify(feature.did)})`,
            `.facets[${i}].features[${j}].did`,
          );
        }
      }
    }
  }
  if (reply !== undefined) {
    for (const side of ['root', 'parent'] as const) {
      const ref = (reply as Record<string, { uri?: unknown; cid?: unknown } | undefined>)[side];
      if (typeof ref?.uri !== 'string' || !AT_URI.test(ref.uri) || typeof ref.cid !== 'string') {
        return invalid('Expected a strong reference (uri and cid)', `.reply.${side}`);
      }
    }
  }
  if (embed !== undefined) return validateEmbed(embed as Record<string, unknown>, blobOf, did);
  return undefined;
}

function validateEmbed(
  embed: Record<string, unknown>,
  blobOf: (cid: string) => FakeBlob | undefined,
  did: string,
): PostProblem | undefined {
  if (embed.$type === 'app.bsky.embed.images') {
    const images = embed.images as Array<Record<string, unknown>> | undefined;
    if (!Array.isArray(images)) return invalid('Expected array value type', '.embed.images');
    if (images.length > 4) return invalid(`array too big (maximum 4, got ${images.length})`, '.embed.images');
    for (const [i, image] of images.entries()) {
      if (typeof image.alt !== 'string')
        return invalid('Expected string value type (got undefined)', `.embed.images[${i}].alt`);
      const problem = checkBlob(image.image, blobOf, did, `.embed.images[${i}].image`, 'image/', 2_000_000);
      if (problem) return problem;
    }
    return undefined;
  }
  if (embed.$type === 'app.bsky.embed.video') {
    if (typeof embed.alt === 'string' && [...segmenter.segment(embed.alt)].length > 1000) {
      return invalid('grapheme too big (maximum 1000)', '.embed.video.alt');
    }
    return checkBlob(embed.video, blobOf, did, '.embed.video', 'video/mp4', 100_000_000);
  }
  return undefined;
}

function checkBlob(
  value: unknown,
  blobOf: (cid: string) => FakeBlob | undefined,
  did: string,
  path: string,
  accept: string,
  maxSize: number,
): PostProblem | undefined {
  const ref = value as
    | { $type?: unknown; ref?: { $link?: unknown }; mimeType?: unknown; size?: unknown }
    | undefined;
  if (ref?.$type !== 'blob' || typeof ref.ref?.$link !== 'string')
    return invalid('Expected a blob reference', path);
  if (typeof ref.mimeType !== 'string' || !ref.mimeType.startsWith(accept)) {
    return invalid(`Invalid blob mime type (accepts ${accept}, got ${String(ref.mimeType)})`, path);
  }
  if (typeof ref.size !== 'number' || ref.size > maxSize) {
    return invalid(`blob too big (maximum ${maxSize}, got ${String(ref.size)})`, path);
  }
  const stored = blobOf(ref.ref.$link);
  if (!stored || stored.did !== did)
    return { error: 'BlobNotFound', message: `Could not find blob: ${ref.ref.$link}` };
  if (stored.mimeType !== ref.mimeType) {
    return {
      error: 'InvalidMimeType',
      message: `Referenced Mimetype does not match stored blob. Expected: ${stored.mimeType}, Got: ${ref.mimeType}`,
    };
  }
  if (stored.size !== ref.size) {
    return {
      error: 'InvalidSize',
      message: `Referenced Size does not match stored blob. Expected: ${stored.size}, Got: ${ref.size}`,
    };
  }
  return undefined;
}
