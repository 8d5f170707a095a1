import { useEffect, useRef } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { Banner } from '#web/components/ui/banner.js';
import { useConfirmSignUp } from '#web/features/auth/api/sign-up.js';
import { fragmentValue } from '#web/lib/link-fragment.js';
import { PageTitle } from '#web/lib/page-title.js';
import { AuthLayout } from '../layout/auth-layout.js';

/** The emailed sign-up link: creates the account, signs in, and goes home. */
export function ConfirmSignUpPage() {
  const token = fragmentValue(useLocation().hash, 'token');
  const confirm = useConfirmSignUp();
  const navigate = useNavigate();
  const started = useRef(false);
  useEffect(() => {
    // Once: the link works once, and a second request would answer that it expired.
    if (started.current || token === '') return;
    started.current = true;
    confirm.mutate(token, { onSuccess: () => navigate('/', { replace: true }) });
  }, [token, confirm, navigate]);

  return (
    <AuthLayout title="Finishing your sign-up">
      <PageTitle title="Finishing your sign-up" />
      {token === '' || confirm.isError ? (
        <Banner tone="warning" title="This link no longer works">
          Sign-up links work once, for 24 hours. <Link to="/sign-up">Sign up again</Link> or{' '}
          <Link to="/sign-in">sign in</Link>.
        </Banner>
      ) : (
        <p className="muted">Creating your account…</p>
      )}
    </AuthLayout>
  );
}
