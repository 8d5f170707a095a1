import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type GenerateRequest, generateContent, type StreamStart } from '#web/lib/generate-content.js';

/**
 * Streams variants from the studio: `written` counts the characters as the model writes, `start` says who
 * writes, and `data` holds the finished variants. Leaving the page stops the request (and the model).
 */
export function useGenerateStream(businessId: string) {
  const [written, setWritten] = useState(0);
  const [start, setStart] = useState<StreamStart>();
  const controller = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => controller.current?.abort(), []);

  const mutation = useMutation({
    mutationFn: (body: Omit<GenerateRequest, 'business_id'>) => {
      controller.current?.abort();
      controller.current = new AbortController();
      setWritten(0);
      setStart(undefined);
      return generateContent(
        { ...body, business_id: businessId },
        {
          signal: controller.current.signal,
          onStart: setStart,
          onDelta: (delta) => setWritten((count) => count + delta.length),
        },
      );
    },
  });

  const cancel = useCallback(() => controller.current?.abort(), []);
  const stopped = mutation.error instanceof DOMException && mutation.error.name === 'AbortError';
  return { ...mutation, written, start, cancel, stopped };
}
