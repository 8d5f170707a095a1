import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { OutboundRefusedError } from '../../guarded-fetch.js';
import { httpFailure, transportFailure } from '../http-failure.js';
import { httpUrl, type JsonRequest, jsonCall, textField, unexpectedAnswer } from '../json-http.js';
import { type ProcessingWait, untilProcessed } from '../media-processing.js';
import type { NetworkResult, NetworkVideo } from '../provider.js';
import { PINTEREST, PINTEREST_API } from './pinterest-api.js';
import type { PinterestProviderDeps } from './pinterest-provider.js';

// A video Pin's file goes up before the Pin (developers.pinterest.com/docs/api/v5/media-create, "Upload
// videos"): POST /v5/media with `media_type: video` registers an upload and answers its `media_id`, an
// `upload_url` (an S3 bucket) and the `upload_parameters` of an S3 POST policy; the file goes there as a
// multipart form, the parameters first and the file last (S3 answers 204); GET /v5/media/{media_id} then
// says `registered`, `processing`, `succeeded` or `failed`. The Pin names the media id in its
// `media_source` (`video_id`) with a cover: a frame of the video, a second in.

interface Registered {
  media_id?: string;
  upload_url?: string;
  upload_parameters?: Record<string, string>;
}

/** Between looks at a video Pinterest is processing (it gives no hint of its own). */
const PINTEREST_VIDEO_POLL_MS = 5_000;

/**
 * Upload `video` to Pinterest and wait until a Pin may carry it; its media id.
 * @example
 * const mediaId = await uploadPinterestVideo(deps, 'https://api.pinterest.com', token, video);
 */
export async function uploadPinterestVideo(
  deps: PinterestProviderDeps & ProcessingWait,
  api: string,
  token: string,
  video: NetworkVideo,
): Promise<NetworkResult<string>> {
  const call = <T>(request: Omit<JsonRequest, 'url' | 'token'> & { path: string }) => {
    const { path, ...rest } = request;
    return jsonCall<T>(deps, PINTEREST_API, { ...rest, url: `${api}/v5/${path}`, token });
  };
  const registered = await call<Registered>({ method: 'POST', path: 'media', json: { media_type: 'video' } });
  if (!registered.ok) return registered;
  const mediaId = textField(registered.value.body, 'media_id');
  const uploadUrl = httpUrl(registered.value.body?.upload_url);
  const parameters = registered.value.body?.upload_parameters;
  if (!mediaId || !uploadUrl || !parameters || typeof parameters !== 'object') {
    return { ok: false, failure: unexpectedAnswer(PINTEREST, 'an upload address for the video') };
  }
  const uploaded = await postToBucket(deps, uploadUrl, parameters, video);
  if (!uploaded.ok) return uploaded;
  const processed = await untilProcessed(
    PINTEREST,
    { pollMs: PINTEREST_VIDEO_POLL_MS, ...deps },
    async () => {
      const seen = await call<{ status?: string }>({
        method: 'GET',
        path: `media/${encodeURIComponent(mediaId)}`,
      });
      if (!seen.ok) return seen;
      const status = textField(seen.value.body, 'status');
      return {
        ok: true,
        value: {
          state: status === 'succeeded' ? 'ready' : status === 'failed' ? 'failed' : 'processing',
          message: null,
          afterMs: null,
        },
      };
    },
  );
  return processed.ok ? { ok: true, value: mediaId } : processed;
}

/**
 * The S3 POST-policy upload: the policy's fields, then the file, streamed from storage (the body's length
 * is known up front, so the bucket gets a Content-Length and the file is never held whole).
 */
async function postToBucket(
  deps: PinterestProviderDeps,
  uploadUrl: string,
  parameters: Record<string, string>,
  video: NetworkVideo,
): Promise<NetworkResult<void>> {
  const boundary = `mcc-${randomBytes(12).toString('hex')}`;
  const fields = Object.entries(parameters)
    .map(
      ([name, value]) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${quoted(name)}"\r\n\r\n${value}\r\n`,
    )
    .join('');
  const head = Buffer.from(
    `${fields}--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quoted(video.fileName)}"\r\n` +
      `Content-Type: ${video.mimeType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const body = Readable.from(
    (async function* () {
      yield head;
      yield* await video.open();
      yield tail;
    })(),
  );
  let response: Response;
  try {
    response = await deps.fetch(uploadUrl, {
      method: 'POST',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'content-length': String(head.length + video.size + tail.length),
      },
      body: Readable.toWeb(body) as ReadableStream,
      duplex: 'half',
      // The file's own time: a minute a 50 MB, at least the usual timeout.
      signal: AbortSignal.timeout(Math.max(deps.timeoutMs, Math.ceil(video.size / 50_000_000) * 60_000)),
    } as RequestInit);
  } catch (error) {
    return { ok: false, failure: transportFailure(PINTEREST, error, error instanceof OutboundRefusedError) };
  }
  const text = await response.text().catch(() => '');
  if (response.ok) return { ok: true, value: undefined };
  // S3 answers XML: <Error><Code>EntityTooLarge</Code><Message>…</Message></Error>.
  const reason = /<Message>([^<]{1,300})<\/Message>/.exec(text)?.[1] ?? null;
  return {
    ok: false,
    failure: httpFailure(PINTEREST, response.status, response.headers, reason, deps.now()),
  };
}

/** A form field's name or file name inside its quotes (RFC 7578: quotes and line breaks escaped). */
function quoted(value: string): string {
  return value.replace(/[\r\n"]/g, (character) => encodeURIComponent(character));
}
