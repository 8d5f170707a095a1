import { httpUrl, jsonCall, textField, unexpectedAnswer } from '../json-http.js';
import { type ProcessingWait, untilProcessed } from '../media-processing.js';
import { type NetworkResult, type NetworkVideo, videoPart } from '../provider.js';
import { LINKEDIN, LINKEDIN_API, linkedInRest } from './linkedin-api.js';
import type { LinkedInProviderDeps } from './linkedin-provider.js';

// A video goes to LinkedIn through its Videos API (learn.microsoft.com/linkedin/marketing/community-
// management/shares/videos-api): POST /rest/videos?action=initializeUpload with the owner and the file's
// size answers the video's URN and one upload address per part (`firstByte`…`lastByte`, 4 MiB each);
// each part is PUT there and its answer's ETag kept; POST ?action=finalizeUpload names the ETags in
// order; then GET /rest/videos/{urn} until `status` is AVAILABLE (PROCESSING_FAILED: LinkedIn refused
// the file, `processingFailureReason` says why). Only then may a post carry the URN.

interface UploadInstruction {
  uploadUrl?: string;
  firstByte?: number;
  lastByte?: number;
}

interface Initialized {
  value?: { video?: string; uploadInstructions?: UploadInstruction[]; uploadToken?: string };
}

/** Between looks at a video LinkedIn is processing (it gives no hint of its own). */
const LINKEDIN_VIDEO_POLL_MS = 5_000;

/**
 * Upload `video` for `owner` (a person or organization URN) and wait until LinkedIn can post it; its URN.
 * @example
 * const urn = await uploadLinkedInVideo(deps, 'https://api.linkedin.com', token, owner, video);
 */
export async function uploadLinkedInVideo(
  deps: LinkedInProviderDeps & ProcessingWait,
  api: string,
  token: string,
  owner: string,
  video: NetworkVideo,
): Promise<NetworkResult<string>> {
  const rest = <T>(method: 'GET' | 'POST', path: string, json?: unknown) =>
    linkedInRest<T>(deps, {
      method,
      url: `${api}/rest/${path}`,
      token,
      ...(json === undefined ? {} : { json }),
    });
  const started = await rest<Initialized>('POST', 'videos?action=initializeUpload', {
    initializeUploadRequest: {
      owner,
      fileSizeBytes: video.size,
      uploadCaptions: false,
      uploadThumbnail: false,
    },
  });
  if (!started.ok) return started;
  const value = started.value.body?.value;
  const urn = value?.video;
  const instructions = value?.uploadInstructions ?? [];
  const parts = instructions.map((part) => ({
    url: httpUrl(part.uploadUrl),
    start: part.firstByte ?? -1,
    end: part.lastByte ?? -1,
  }));
  const covered =
    parts.length > 0 &&
    parts.every((part, index) => part.url && part.start === (parts[index - 1]?.end ?? -1) + 1) &&
    parts.at(-1)?.end === video.size - 1;
  if (!urn || !covered) {
    return { ok: false, failure: unexpectedAnswer(LINKEDIN, 'upload addresses covering the video') };
  }
  const etags: string[] = [];
  for (const part of parts) {
    // One part (4 MiB) in memory at a time.
    const put = await jsonCall(deps, LINKEDIN_API, {
      method: 'PUT',
      url: part.url ?? '',
      token,
      bytes: {
        data: await videoPart(video, { start: part.start, end: part.end }),
        contentType: 'application/octet-stream',
      },
    });
    if (!put.ok) return put;
    const etag = put.value.headers.get('etag');
    if (!etag) return { ok: false, failure: unexpectedAnswer(LINKEDIN, 'the part’s ETag', put.value.status) };
    etags.push(etag);
  }
  const finalized = await rest<unknown>('POST', 'videos?action=finalizeUpload', {
    finalizeUploadRequest: { video: urn, uploadToken: value?.uploadToken ?? '', uploadedPartIds: etags },
  });
  if (!finalized.ok) return finalized;
  const processed = await untilProcessed(LINKEDIN, { pollMs: LINKEDIN_VIDEO_POLL_MS, ...deps }, async () => {
    const seen = await rest<{ status?: string; processingFailureReason?: string }>(
      'GET',
      `videos/${encodeURIComponent(urn)}`,
    );
    if (!seen.ok) return seen;
    const status = textField(seen.value.body, 'status');
    return {
      ok: true,
      value: {
        state: status === 'AVAILABLE' ? 'ready' : status === 'PROCESSING_FAILED' ? 'failed' : 'processing',
        message: textField(seen.value.body, 'processingFailureReason'),
        afterMs: null,
      },
    };
  });
  return processed.ok ? { ok: true, value: urn } : processed;
}
