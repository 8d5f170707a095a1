import { useTranslation } from 'react-i18next';
import { Banner } from '#web/components/ui/banner.js';
import { Card } from '#web/components/ui/card.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useNotificationPreferences, useUpdateNotificationPreferences } from '../api/preferences.js';
import './notifications.css';

/**
 * My email choices in this workspace, one per kind, saved as they are ticked. Every notification shows
 * in the app whatever is chosen here. Each kind is named by the notifications strings' `kinds` (in English,
 * the shared NOTIFICATION_KIND_INFO's words).
 */
export function NotificationPreferencesCard({
  businessId,
  workspaceName,
}: {
  businessId: string;
  workspaceName: string;
}) {
  const preferences = useNotificationPreferences(businessId);
  const update = useUpdateNotificationPreferences(businessId);
  const toast = useToast();
  const { t } = useTranslation('notifications');
  return (
    <Card
      title={t('preferences.title')}
      description={t('preferences.description', { workspace: workspaceName })}
    >
      {preferences.isPending ? (
        <Spinner label={t('preferences.loading')} />
      ) : preferences.isError ? (
        <Banner tone="danger">{describeError(preferences.error)}</Banner>
      ) : (
        <div className="stack">
          {preferences.data.mail === 'none' && <Banner tone="info">{t('preferences.noMail')}</Banner>}
          {update.isError && <Banner tone="danger">{describeError(update.error)}</Banner>}
          <ul className="notification-preferences">
            {preferences.data.items.map((item) => {
              const kind = t(`kinds.${item.kind}.label`);
              return (
                <li key={item.kind}>
                  <CheckboxField
                    label={t('preferences.emailMe', { kind })}
                    hint={t(`kinds.${item.kind}.description`)}
                    checked={item.email}
                    disabled={update.isPending}
                    onChange={(event) => {
                      const email = event.target.checked;
                      update.mutate(
                        { email: { [item.kind]: email } },
                        {
                          onSuccess: () =>
                            toast(
                              email
                                ? t('preferences.byEmail', { kind })
                                : t('preferences.inAppOnly', { kind }),
                            ),
                        },
                      );
                    }}
                  />
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </Card>
  );
}
