import type { NetworkHttp } from '../json-http.js';
import { byteParts, type ProcessingWait, untilProcessed } from '../media-processing.js';
import { type NetworkResult, type NetworkVideo, videoPart } from '../provider.js';
import { X, xCall } from './x-api.js';

// A video goes to X in X's chunked upload (docs.x.com/x-api/media, "Chunked media upload"): POST
// /2/media/upload/initialize with the type, size and `tweet_video` category; each segment (at most 5 MB,
// indexes 0 to 999) as multipart `media` to /2/media/upload/{id}/append; /2/media/upload/{id}/finalize;
// then GET /2/media/upload?command=STATUS&media_id=… while `processing_info.state` is pending or
// in_progress, looking again after `check_after_secs`. Only then may a post carry the id.

/** A segment's size: under X's 5 MB, and 125 segments for a 500 MB video (X allows 1,000). */
export const X_VIDEO_SEGMENT_BYTES = 4 * 1024 * 1024;

export interface XVideoDeps extends NetworkHttp, ProcessingWait {
  /** Test seam: smaller segments, so a small file goes up in several. */
  segmentBytes?: number;
}

interface XProcessing {
  state?: string;
  check_after_secs?: number;
  progress_percent?: number;
  error?: { code?: number; name?: string; message?: string };
}

interface XUploaded {
  id: string;
  media_key?: string;
  processing_info?: XProcessing;
}

/**
 * Upload `video` and wait until X has processed it; its media id.
 * @example
 * const id = await uploadXVideo(deps, 'https://api.x.com', token, video);
 */
export async function uploadXVideo(
  deps: XVideoDeps,
  baseUrl: string,
  token: string,
  video: NetworkVideo,
): Promise<NetworkResult<string>> {
  const call = <T>(request: { method: 'GET' | 'POST'; path: string; body?: object | FormData }) =>
    xCall<T>(deps, { ...request, baseUrl, token });
  const started = await call<XUploaded>({
    method: 'POST',
    path: '/2/media/upload/initialize',
    body: { media_type: video.mimeType, total_bytes: video.size, media_category: 'tweet_video' },
  });
  if (!started.ok) return started;
  const id = started.value.data?.id;
  if (!id) return withoutId();
  const path = `/2/media/upload/${encodeURIComponent(id)}`;
  const parts = byteParts(video.size, deps.segmentBytes ?? X_VIDEO_SEGMENT_BYTES);
  for (const [index, range] of parts.entries()) {
    // One segment in memory at a time: a 500 MB video is never read whole.
    const form = new FormData();
    form.set('segment_index', String(index));
    form.set('media', new Blob([new Uint8Array(await videoPart(video, range))]), video.fileName);
    const appended = await call<unknown>({ method: 'POST', path: `${path}/append`, body: form });
    if (!appended.ok) return appended;
  }
  const finalized = await call<XUploaded>({ method: 'POST', path: `${path}/finalize` });
  if (!finalized.ok) return finalized;
  // Without processing_info the media is ready at once (X's reference for FINALIZE).
  let processing = finalized.value.data?.processing_info;
  if (processing === undefined) return { ok: true, value: id };
  const processed = await untilProcessed(X, deps, async () => {
    if (processing === undefined) {
      const status = await call<XUploaded>({
        method: 'GET',
        path: `/2/media/upload?command=STATUS&media_id=${encodeURIComponent(id)}`,
      });
      if (!status.ok) return status;
      processing = status.value.data?.processing_info ?? { state: 'succeeded' };
    }
    const seen = processing;
    processing = undefined;
    return { ok: true, value: lookOf(seen) };
  });
  if (!processed.ok) return processed;
  return { ok: true, value: id };
}

function lookOf(processing: XProcessing) {
  const state = processing.state ?? 'succeeded';
  return {
    state:
      state === 'succeeded'
        ? ('ready' as const)
        : state === 'failed'
          ? ('failed' as const)
          : ('processing' as const),
    message: processing.error?.message ?? processing.error?.name ?? null,
    afterMs: typeof processing.check_after_secs === 'number' ? processing.check_after_secs * 1000 : null,
  };
}

function withoutId(): NetworkResult<never> {
  return {
    ok: false,
    failure: {
      kind: 'retryable',
      message: `${X} answered without a media id`,
      statusCode: null,
      retryAt: null,
    },
  };
}
