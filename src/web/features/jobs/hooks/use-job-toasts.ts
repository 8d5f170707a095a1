import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { LiveEvent } from '#shared/events.schema.js';
import { useToast } from '#web/components/ui/toast.js';
import { isJobFollowedOnScreen } from '#web/lib/followed-jobs.js';
import { jobToast } from '../job-toast.js';

/**
 * Turns live job events into toasts (see `jobToast` for which), each linking to its job; a job a screen
 * already follows in place (the calendar dialog) is not announced again. Pass the
 * returned handler to `useLiveUpdates`, which hands it each event once.
 *
 * @example
 * const announceJob = useJobToasts(businessId);
 * useLiveUpdates(businessId, announceJob);
 */
export function useJobToasts(businessId: string): (event: LiveEvent) => void {
  const toast = useToast();
  const navigate = useNavigate();
  return useCallback(
    (event: LiveEvent) => {
      const shown = jobToast(event);
      if (!shown || isJobFollowedOnScreen(shown.jobId)) return;
      toast(shown.message, shown.tone, {
        link: { label: 'View job', href: `/w/${businessId}/jobs/${shown.jobId}`, onFollow: navigate },
      });
    },
    [businessId, toast, navigate],
  );
}
