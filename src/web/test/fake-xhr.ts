import { act } from '@testing-library/react';
import { vi } from 'vitest';

/**
 * XMLHttpRequest faked for uploads (the one browser API with upload progress): each request is kept so a
 * test can report progress and answer it when it chooses, with no timer involved.
 *
 * @example
 * const uploads = fakeUploads();
 * await user.upload(input, file);
 * const [request] = uploads.requests;
 * request.progress(50, 100);
 * request.respond(201, item);
 */
export function fakeUploads(): { requests: FakeUploadRequest[] } {
  const requests: FakeUploadRequest[] = [];
  vi.stubGlobal(
    'XMLHttpRequest',
    class extends FakeUploadRequest {
      constructor() {
        super();
        requests.push(this);
      }
    },
  );
  return { requests };
}

export class FakeUploadRequest {
  method = '';
  url = '';
  readonly headers = new Map<string, string>();
  body: FormData | undefined;
  status = 0;
  responseText = '';
  private responseType = 'application/json';
  readonly upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string): void {
    this.headers.set(name.toLowerCase(), value);
  }
  send(body: FormData): void {
    this.body = body;
  }
  abort(): void {
    this.onabort?.();
  }
  getResponseHeader(name: string): string | null {
    return name.toLowerCase() === 'content-type' ? this.responseType : null;
  }

  /** The file in the multipart field `field`. */
  file(field = 'file'): File | undefined {
    const value = this.body?.get(field);
    return value instanceof File ? value : undefined;
  }

  /** Report `loaded` of `total` bytes sent. */
  progress(loaded: number, total: number): void {
    act(() => this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent));
  }

  /** Answer with `status` and a JSON body (problem+json for 4xx and 5xx). */
  respond(status: number, body: unknown): void {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.responseType = status >= 400 ? 'application/problem+json' : 'application/json';
    act(() => this.onload?.());
  }
}
