import { NOTIFICATION_KIND_INFO } from '#shared/notifications.schema.js';
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
 * in the app whatever is chosen here.
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
  return (
    <Card
      title="Email notifications"
      description={`Which of your notifications in ${workspaceName} also come by email. All of them show under the bell in the app; every email has a link to turn its kind off.`}
    >
      {preferences.isPending ? (
        <Spinner label="Loading your choices" />
      ) : preferences.isError ? (
        <Banner tone="danger">{describeError(preferences.error)}</Banner>
      ) : (
        <div className="stack">
          {preferences.data.mail === 'none' && (
            <Banner tone="info">
              This server sends no email yet (an administrator can set SMTP_URL). Your choices are kept for
              when it does.
            </Banner>
          )}
          {update.isError && <Banner tone="danger">{describeError(update.error)}</Banner>}
          <ul className="notification-preferences">
            {preferences.data.items.map((item) => {
              const info = NOTIFICATION_KIND_INFO[item.kind];
              return (
                <li key={item.kind}>
                  <CheckboxField
                    label={`Email me: ${info.label}`}
                    hint={info.description}
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
                                ? `“${info.label}” now comes by email too.`
                                : `“${info.label}” now shows in the app only.`,
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
