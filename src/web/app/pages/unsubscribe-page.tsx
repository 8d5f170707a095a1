import { Link, useLocation } from 'react-router';
import { UnsubscribeView } from '#web/features/notifications/components/unsubscribe-view.js';
import { fragmentValue } from '#web/lib/link-fragment.js';
import { PageTitle } from '#web/lib/page-title.js';
import { AuthLayout } from '../layout/auth-layout.js';

/** An email's unsubscribe link (`/unsubscribe#token=…`), signed in or not. */
export function UnsubscribePage() {
  const token = fragmentValue(useLocation().hash, 'token');
  return (
    <AuthLayout title="Email notifications" footer={<Link to="/">Open Marketing Command Center</Link>}>
      <PageTitle title="Unsubscribe" />
      <UnsubscribeView token={token} />
    </AuthLayout>
  );
}
