import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type GenerateRequest, generateContent, type StreamStart } from '#web/lib/generate-content.js';
import { aiKeys } from '../api/query-keys.js';

/**
 * Streams a content generation: `text` grows as the model writes, `start` says who is writing, and the
 * mutation's `data` holds the finished variants. Leaving the page cancels the request (and the model's
 * work); usage and budget are refreshed whatever the outcome, because failed calls are recorded too.
 */
export function useContentStream(businessId: string) {
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [start, setStart] = useState<StreamStart>();
  const controller = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => controller.current?.abort(), []);

  const mutation = useMutation({
    mutationFn: (body: Omit<GenerateRequest, 'business_id'>) => {
      controller.current?.abort();
      controller.current = new AbortController();
      setText('');
      setStart(undefined);
      return generateContent(
        { ...body, business_id: businessId },
        {
          signal: controller.current.signal,
          onStart: setStart,
          onDelta: (delta) => setText((current) => current + delta),
        },
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: aiKeys.workspace(businessId) }),
  });

  const cancel = useCallback(() => controller.current?.abort(), []);
  // Stopping on purpose is not a failure to explain.
  const stopped = mutation.error instanceof DOMException && mutation.error.name === 'AbortError';
  return { ...mutation, text, start, cancel, stopped };
}
