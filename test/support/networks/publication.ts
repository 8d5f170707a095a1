import { Readable } from 'node:stream';
import type {
  ConnectedAccount,
  NetworkMedia,
  NetworkPublication,
  NetworkSession,
  NetworkVideo,
  PublishedPart,
} from '#server/integrations/networks/index.js';

// What the services hand a provider, built for provider tests: a session from a connected account, and
// a publication that records each part as the publisher would store it.

export function sessionFrom(connected: ConnectedAccount): NetworkSession {
  return {
    baseUrl: connected.baseUrl,
    accessToken: connected.accessToken,
    refreshToken: connected.refreshToken,
    tokenExpiresAt: connected.tokenExpiresAt,
    remoteAccountId: connected.remoteAccountId,
    handle: connected.handle,
  };
}

/** `out`: the parts `onPublished` received, in order. */
export function publicationOf(
  parts: string[],
  overrides: Partial<NetworkPublication> & { files?: NetworkMedia[] } = {},
): NetworkPublication & { out: PublishedPart[] } {
  const out: PublishedPart[] = [];
  const { files = [], ...rest } = overrides;
  return {
    parts,
    media: async () => files,
    firstComment: null,
    idempotencyKey: 'item-1@2031-03-03T10:00:00.000Z',
    dueAt: '2031-03-03T10:00:00.000Z',
    published: [],
    onPublished: async (part) => {
      out.push(part);
    },
    out,
    ...rest,
  };
}

/** A small image as the media library hands it over. */
export function imageFile(name: string, description = ''): NetworkMedia {
  return {
    kind: 'image',
    fileName: name,
    mimeType: 'image/jpeg',
    bytes: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4]),
    description,
    width: 640,
    height: 480,
  };
}

/**
 * A video as the media library hands it over: read from "storage" in the ranges a provider asks for;
 * `reads` records them, so a test can see the file was never read whole.
 */
export function videoFile(
  bytes: Buffer,
  overrides: Partial<Omit<NetworkVideo, 'kind' | 'open'>> = {},
): NetworkVideo & { reads: Array<{ start: number; end: number }> } {
  const reads: Array<{ start: number; end: number }> = [];
  return {
    kind: 'video',
    fileName: 'clip.mp4',
    mimeType: 'video/mp4',
    description: '',
    width: 1280,
    height: 720,
    size: bytes.length,
    durationSeconds: 12,
    ...overrides,
    reads,
    open: async (range) => {
      const { start, end } = range ?? { start: 0, end: bytes.length - 1 };
      reads.push({ start, end });
      return Readable.from([bytes.subarray(start, end + 1)]);
    },
  };
}
