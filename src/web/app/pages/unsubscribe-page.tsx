import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { UnsubscribeView } from '#web/features/notifications/components/unsubscribe-view.js';
import { fragmentValue } from '#web/lib/link-fragment.js';
import { PageTitle } from '#web/lib/page-title.js';
import { AuthLayout } from '../layout/auth-layout.js';

/** An email's unsubscribe link (`/unsubscribe#token=…`), signed in or not. */
export function UnsubscribePage() {
  const token = fragmentValue(useLocation().hash, 'token');
  const { t } = useTranslation('notifications');
  return (
    <AuthLayout title={t('unsubscribe.title')} footer={<Link to="/">{t('unsubscribe.open')}</Link>}>
      <PageTitle title={t('unsubscribe.documentTitle')} />
      <UnsubscribeView token={token} />
    </AuthLayout>
  );
}
