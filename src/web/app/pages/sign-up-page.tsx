import { Link, useNavigate } from 'react-router';
import { SignUpForm } from '#web/features/auth/components/sign-up-form.js';
import { PageTitle } from '#web/lib/page-title.js';
import { AuthLayout } from '../layout/auth-layout.js';

export function SignUpPage() {
  const navigate = useNavigate();
  return (
    <AuthLayout
      title="Create your account"
      subtitle="Plan, write and measure your marketing in one place."
      footer={
        <>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </>
      }
    >
      <PageTitle title="Create your account" />
      <SignUpForm onSignedUp={() => navigate('/', { replace: true })} />
    </AuthLayout>
  );
}
