import { useMutation, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { mediaItemSchema } from '#shared/media.schema.js';
import {
  altTextSuggestionSchema,
  type CreateCardBody,
  type GenerateImageBody,
  generatedImageSchema,
  type SuggestAltTextBody,
} from '#shared/media-cards.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { mediaKeys } from './query-keys.js';

// Pictures the server makes for the library (text cards, generated images) and alt-text suggestions.

/** Draw a text card in the brand's colours; it arrives in the library like an upload. */
export function useCreateCard(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCardBody) =>
      apiRequest(API.mediaCards, {
        method: 'POST',
        query: { business_id: businessId },
        body,
        schema: mediaItemSchema,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mediaKeys.lists(businessId) }),
  });
}

/** Ask the workspace's image model for a picture; it is metered and kept in the library. */
export function useGenerateImage(businessId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: GenerateImageBody) =>
      apiRequest(API.mediaGenerate, {
        method: 'POST',
        query: { business_id: businessId },
        body,
        schema: generatedImageSchema,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: mediaKeys.lists(businessId) }),
  });
}

/** A suggested description of an item; nothing is saved until the person accepts it. */
export function useSuggestAltText() {
  return useMutation({
    mutationFn: ({ mediaId, body = {} }: { mediaId: string; body?: SuggestAltTextBody }) =>
      apiRequest(API.mediaAltTextSuggestion(mediaId), {
        method: 'POST',
        body,
        schema: altTextSuggestionSchema,
      }),
  });
}
