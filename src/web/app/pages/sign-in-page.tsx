import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { SignInForm } from '#web/features/auth/components/sign-in-form.js';
import { PageTitle } from '#web/lib/page-title.js';
import { AuthLayout } from '../layout/auth-layout.js';
import { landingAfterSignIn } from '../routes/landing-after-sign-in.js';
import { safeNextPath } from '../routes/safe-next.js';

export function SignInPage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const goOn = async () => {
    navigate(await landingAfterSignIn(safeNextPath(params.get('next')), queryClient), { replace: true });
  };
  return (
    <AuthLayout
      title="Sign in"
      subtitle="Welcome back to your marketing command center."
      footer={
        <>
          New here? <Link to="/sign-up">Create an account</Link>
        </>
      }
    >
      <PageTitle title="Sign in" />
      <SignInForm onSignedIn={() => void goOn()} />
      <p className="muted">
        <Link to="/forgot-password">Forgot password?</Link>
      </p>
    </AuthLayout>
  );
}
