import type {
  ConnectedAccount,
  NetworkMedia,
  NetworkPublication,
  NetworkSession,
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
