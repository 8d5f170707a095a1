import type { MediaListQuery } from '#shared/media.schema.js';

/** Filters of the library list, without the workspace (which is in the key already). */
export type MediaFilters = Pick<Partial<MediaListQuery>, 'q' | 'tag' | 'kind'>;

/** Query keys for a workspace's media library, `['media', businessId, …]`. */
export const mediaKeys = {
  workspace: (businessId: string) => ['media', businessId] as const,
  lists: (businessId: string) => [...mediaKeys.workspace(businessId), 'list'] as const,
  list: (businessId: string, filters: MediaFilters) => [...mediaKeys.lists(businessId), filters] as const,
  item: (businessId: string, mediaId: string) =>
    [...mediaKeys.workspace(businessId), 'item', mediaId] as const,
};
