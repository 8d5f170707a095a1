import type { z } from 'zod';
import { withQuery, withSessionRetry } from './api-client.js';
import { NetworkError } from './api-error.js';
import { getAccessToken } from './auth/session-store.js';

/** How far an upload is: bytes sent of the request's total. */
export interface UploadProgress {
  loaded: number;
  total: number;
}

interface UploadOptions<S extends z.ZodType> {
  /** The multipart field the server reads the file from. */
  field: string;
  file: File;
  query?: Record<string, string>;
  schema: S;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

/**
 * Upload one file as multipart/form-data with the Bearer token, reporting progress as it goes, and return
 * the validated answer. XMLHttpRequest rather than fetch: it is the one browser API that reports upload
 * progress everywhere (fetch's streaming request bodies are Chromium-only and need HTTP/2).
 */
export async function uploadFile<S extends z.ZodType>(
  path: string,
  options: UploadOptions<S>,
): Promise<z.output<S>> {
  const response = await withSessionRetry(() => send(withQuery(path, options.query), options));
  return options.schema.parse(await response.json());
}

function send(url: string, options: UploadOptions<z.ZodType>): Promise<Response> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('accept', 'application/json');
    const token = getAccessToken();
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.({ loaded: event.loaded, total: event.total });
    };
    request.onload = () => {
      const headers = new Headers();
      const type = request.getResponseHeader('content-type');
      if (type) headers.set('content-type', type);
      const body = request.status === 204 ? null : request.responseText;
      resolve(new Response(body, { status: request.status, headers }));
    };
    request.onerror = () => reject(new NetworkError(`Could not reach the server for ${url}`));
    request.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    options.signal?.addEventListener('abort', () => request.abort(), { once: true });
    const form = new FormData();
    form.append(options.field, options.file, options.file.name);
    request.send(form);
  });
}
