import type { FastifyReply } from 'fastify';
import type { RequestedRange } from '../integrations/storage/object-store.js';
import type { MediaFile } from '../services/media/media.service.js';

/**
 * The byte range of a `Range: bytes=start-end`, `bytes=start-` or `bytes=-suffix` header (what players
 * send to seek, and to read an MP4's index at its end). Undefined for no header, several ranges or another
 * unit: the whole file is sent then, as RFC 9110 allows a server to.
 */
export function parseRange(header: string | undefined): RequestedRange | undefined {
  const value = header?.trim() ?? '';
  const suffix = /^bytes=-(\d{1,15})$/.exec(value);
  if (suffix) return { suffix: Number(suffix[1]) };
  const match = /^bytes=(\d{1,15})-(\d{0,15})$/.exec(value);
  if (!match) return undefined;
  const [, from = '', to = ''] = match;
  const start = Number(from);
  const end = to === '' ? Number.MAX_SAFE_INTEGER : Number(to);
  if (end < start) return undefined;
  return { start, end };
}

/**
 * Send a media file: its stored type (never sniffed), `nosniff`, a download name that cannot break the
 * header, a sandbox CSP in case a browser opens it directly, and 206 for a range.
 */
export function sendMediaFile(
  reply: FastifyReply,
  file: MediaFile,
  options: { cacheControl: string },
): FastifyReply {
  reply
    .header('content-type', file.contentType)
    .header('x-content-type-options', 'nosniff')
    .header('content-disposition', contentDisposition(file.fileName))
    .header('content-security-policy', "default-src 'none'; sandbox")
    .header('cache-control', options.cacheControl)
    .header('accept-ranges', 'bytes');
  if (file.range) {
    reply
      .code(206)
      .header('content-range', `bytes ${file.range.start}-${file.range.end}/${file.size}`)
      .header('content-length', String(file.range.end - file.range.start + 1));
  } else {
    reply.code(200).header('content-length', String(file.size));
  }
  return reply.send(file.body);
}

/**
 * `inline` with an ASCII fallback name (quotes, backslashes and control characters replaced) and the
 * exact name in RFC 8187 `filename*`.
 */
export function contentDisposition(fileName: string): string {
  const ascii = [...fileName]
    .map((char) => (char >= ' ' && char <= '~' && char !== '"' && char !== '\\' ? char : '_'))
    .join('');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
