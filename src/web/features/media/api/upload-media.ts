import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { API } from '#shared/api-paths.js';
import { type MediaItem, mediaItemSchema } from '#shared/media.schema.js';
import { describeError } from '#web/lib/error-messages.js';
import { uploadFile } from '#web/lib/upload-file.js';
import { mediaKeys } from './query-keys.js';

/** One file on its way into the library. */
export interface Upload {
  key: number;
  name: string;
  /** 0 to 1 while sending; processing (renditions) happens after 1, before the answer. */
  progress: number;
  state: 'uploading' | 'done' | 'failed';
  error?: string;
  item?: MediaItem;
}

let nextKey = 1;

/**
 * Upload files one request each, side by side, with their progress; the library refreshes as each one
 * lands. Failed uploads stay listed with the reason until dismissed.
 */
export function useMediaUploads(businessId: string) {
  const queryClient = useQueryClient();
  const [uploads, setUploads] = useState<Upload[]>([]);
  const patch = useCallback(
    (key: number, change: Partial<Upload>) =>
      setUploads((all) => all.map((upload) => (upload.key === key ? { ...upload, ...change } : upload))),
    [],
  );

  const start = useCallback(
    (files: readonly File[]) => {
      for (const file of files) {
        const key = nextKey++;
        setUploads((all) => [...all, { key, name: file.name, progress: 0, state: 'uploading' }]);
        uploadFile(API.media, {
          field: 'file',
          file,
          query: { business_id: businessId },
          schema: mediaItemSchema,
          onProgress: ({ loaded, total }) => patch(key, { progress: total > 0 ? loaded / total : 0 }),
        }).then(
          (item) => {
            patch(key, { state: 'done', progress: 1, item });
            void queryClient.invalidateQueries({ queryKey: mediaKeys.lists(businessId) });
          },
          (error: unknown) => patch(key, { state: 'failed', error: describeUploadError(error) }),
        );
      }
    },
    [businessId, patch, queryClient],
  );

  const dismiss = useCallback(
    (key: number) => setUploads((all) => all.filter((upload) => upload.key !== key)),
    [],
  );
  return { uploads, start, dismiss };
}

/** The server's own sentence (it names the limit or the accepted types) when there is one. */
function describeUploadError(error: unknown): string {
  const detail = (error as { detail?: unknown } | null)?.detail;
  return typeof detail === 'string' && detail !== '' ? detail : describeError(error);
}
