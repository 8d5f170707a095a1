import type { NetworkHttp } from './json-http.js';

// An account's avatar, read from the address its network gave (Mastodon's `avatar`, Bluesky's CDN, X's
// `profile_image_url`, a Page's picture …) through the same guarded fetch as every network call: the guard
// checks the host and pins its address, no redirect is followed. The type is not taken from the answer's
// headers; the caller decodes the bytes and keeps them only if they are an image it knows.

/** More than any network's avatar (Mastodon's limit is 2 MB; X serves 400-pixel JPEGs). */
export const MAX_AVATAR_BYTES = 5 * 1024 * 1024;

/**
 * The bytes at `url`: undefined when the address is not http(s), the answer is not a 200, or the body is
 * empty or runs past `limit` (read no further). Never throws: an avatar is a nicety.
 *
 * @example
 * const bytes = await fetchAvatar(http, 'https://files.mastodon.social/accounts/avatars/1.png');
 */
export async function fetchAvatar(
  http: Pick<NetworkHttp, 'fetch' | 'timeoutMs'>,
  url: string,
  limit = MAX_AVATAR_BYTES,
): Promise<Buffer | undefined> {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
    const response = await http.fetch(parsed, {
      headers: { accept: 'image/*', 'user-agent': 'mcc avatar' },
      signal: AbortSignal.timeout(http.timeoutMs),
    });
    if (response.status !== 200 || !response.body) {
      await response.body?.cancel();
      return undefined;
    }
    if (Number(response.headers.get('content-length')) > limit) {
      await response.body.cancel();
      return undefined;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.length;
      if (size > limit) return undefined;
      chunks.push(chunk);
    }
    return size > 0 ? Buffer.concat(chunks) : undefined;
  } catch {
    return undefined;
  }
}
