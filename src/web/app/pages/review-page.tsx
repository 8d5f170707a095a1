import { useLocation } from 'react-router';
import { SharedReviewView } from '#web/features/content/components/sharing/shared-review-view.js';
import { fragmentValue } from '#web/lib/link-fragment.js';
import { PageTitle } from '#web/lib/page-title.js';
import { AuthLayout } from '../layout/auth-layout.js';

/** A client's read-only review link (`/review#token=…`): no account, the token in the fragment. */
export function ReviewPage() {
  const token = fragmentValue(useLocation().hash, 'token');
  return (
    <AuthLayout title="Content calendar for review" wide>
      <PageTitle title="Content calendar for review" />
      <SharedReviewView token={token} />
    </AuthLayout>
  );
}
