import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { SharedReviewView } from '#web/features/content/components/sharing/shared-review-view.js';
import { fragmentValue } from '#web/lib/link-fragment.js';
import { PageTitle } from '#web/lib/page-title.js';
import { AuthLayout } from '../layout/auth-layout.js';

/** A client's read-only review link (`/review#token=…`): no account, the token in the fragment. */
export function ReviewPage() {
  const { t } = useTranslation('content');
  const token = fragmentValue(useLocation().hash, 'token');
  return (
    <AuthLayout title={t('pages.review.title')} wide>
      <PageTitle title={t('pages.review.title')} />
      <SharedReviewView token={token} />
    </AuthLayout>
  );
}
