import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { LiveEvent } from '#shared/events.schema.js';
import { useToast } from '#web/components/ui/toast.js';
import { publishToast } from '../publish-toast.js';

/**
 * Turns live publishing events into toasts, each linking to its item. Pass the returned handler to
 * `useLiveUpdates`, which hands it each event once.
 *
 * @example
 * const announcePublishing = usePublishToasts(businessId);
 */
export function usePublishToasts(businessId: string): (event: LiveEvent) => void {
  const toast = useToast();
  const navigate = useNavigate();
  return useCallback(
    (event: LiveEvent) => {
      const shown = publishToast(event);
      if (!shown) return;
      toast(shown.message, shown.tone, {
        link: { label: 'View item', href: `/w/${businessId}/content/${shown.itemId}`, onFollow: navigate },
      });
    },
    [businessId, toast, navigate],
  );
}
