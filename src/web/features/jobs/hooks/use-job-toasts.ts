import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { LiveEvent } from '#shared/events.schema.js';
import { useToast } from '#web/components/ui/toast.js';
import { isJobFollowedOnScreen } from '#web/lib/followed-jobs.js';
import { jobToast } from '../job-toast.js';

/**
 * Turns live job events into toasts (see `jobToast` for which), each linking to its job; a job a screen
 * already follows in place (the calendar dialog) is not announced again. Pass the
 * returned handler to `useLiveUpdates`, which hands it each event once. Its words load in the background
 * rather than hold up the workspace (an event that comes first waits for them).
 *
 * @example
 * const announceJob = useJobToasts(businessId);
 * useLiveUpdates(businessId, announceJob);
 */
export function useJobToasts(businessId: string): (event: LiveEvent) => void {
  const toast = useToast();
  const navigate = useNavigate();
  const { t, i18n, ready } = useTranslation('jobs', { useSuspense: false });
  return useCallback(
    (event: LiveEvent) => {
      const announce = () => {
        const shown = jobToast(event, t);
        if (!shown || isJobFollowedOnScreen(shown.jobId)) return;
        toast(shown.message, shown.tone, {
          link: {
            label: t('toast.viewJob'),
            href: `/w/${businessId}/jobs/${shown.jobId}`,
            onFollow: navigate,
          },
        });
      };
      if (ready) announce();
      else void i18n.loadNamespaces('jobs').then(announce);
    },
    [businessId, toast, navigate, t, i18n, ready],
  );
}
