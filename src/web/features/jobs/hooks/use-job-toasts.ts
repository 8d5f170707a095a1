import { useCallback, useRef } from 'react';
import { useNavigate } from 'react-router';
import type { LiveEvent } from '../../../../shared/events.schema.js';
import { useToast } from '../../../components/ui/toast.js';
import { jobToast } from '../job-toast.js';

/** How many event ids to remember, so an event delivered again after a reconnect is not announced twice. */
const REMEMBERED_EVENTS = 200;

/**
 * Turns live job events into toasts (see `jobToast` for which), one per event, each linking to its job.
 * Pass the returned handler to `useLiveUpdates`.
 *
 * @example
 * const announceJob = useJobToasts(businessId);
 * useLiveUpdates(businessId, announceJob);
 */
export function useJobToasts(businessId: string): (event: LiveEvent) => void {
  const toast = useToast();
  const navigate = useNavigate();
  const seen = useRef(new Set<string>());

  return useCallback(
    (event: LiveEvent) => {
      const shown = jobToast(event);
      if (!shown || seen.current.has(event.id)) return;
      seen.current.add(event.id);
      if (seen.current.size > REMEMBERED_EVENTS) {
        const oldest = seen.current.values().next().value;
        if (oldest !== undefined) seen.current.delete(oldest);
      }
      toast(shown.message, shown.tone, {
        link: { label: 'View job', href: `/w/${businessId}/jobs/${shown.jobId}`, onFollow: navigate },
      });
    },
    [businessId, toast, navigate],
  );
}
