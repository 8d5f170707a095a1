import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { LiveEvent } from '#shared/events.schema.js';
import { useToast } from '#web/components/ui/toast.js';
import { publishToast } from '../publish-toast.js';

/**
 * Turns live publishing events into toasts, each linking to its item. Pass the returned handler to
 * `useLiveUpdates`, which hands it each event once. Its words load in the background rather than hold up
 * the workspace (an event that comes first waits for them).
 *
 * @example
 * const announcePublishing = usePublishToasts(businessId);
 */
export function usePublishToasts(businessId: string): (event: LiveEvent) => void {
  const toast = useToast();
  const navigate = useNavigate();
  const { t, i18n, ready } = useTranslation('publishing', { useSuspense: false });
  return useCallback(
    (event: LiveEvent) => {
      const announce = () => {
        const shown = publishToast(event, t);
        if (!shown) return;
        toast(shown.message, shown.tone, {
          link: {
            label: t('toast.viewItem'),
            href: `/w/${businessId}/content/${shown.itemId}`,
            onFollow: navigate,
          },
        });
      };
      if (ready) announce();
      else void i18n.loadNamespaces('publishing').then(announce);
    },
    [businessId, toast, navigate, t, i18n, ready],
  );
}
