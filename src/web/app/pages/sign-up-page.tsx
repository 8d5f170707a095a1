import { Link, useLocation, useNavigate } from 'react-router';
import { Banner } from '#web/components/ui/banner.js';
import { useInvitationInfo } from '#web/features/auth/api/invitation-info.js';
import { SignUpForm } from '#web/features/auth/components/sign-up-form.js';
import { fragmentValue } from '#web/lib/link-fragment.js';
import { PageTitle } from '#web/lib/page-title.js';
import { AuthLayout } from '../layout/auth-layout.js';

/** Sign-up; through an invitation's accept link (`#invitation=…`) it joins that workspace too. */
export function SignUpPage() {
  const navigate = useNavigate();
  const token = fragmentValue(useLocation().hash, 'invitation');
  const invitation = useInvitationInfo(token);
  const onSignedUp = () => navigate('/', { replace: true });
  return (
    <AuthLayout
      title={invitation.data ? `Join ${invitation.data.workspace_name}` : 'Create your account'}
      subtitle="Plan, write and measure your marketing in one place."
      footer={
        <>
          Already have an account? <Link to="/sign-in">Sign in</Link>
        </>
      }
    >
      <PageTitle title="Create your account" />
      {token === '' ? (
        <SignUpForm onSignedUp={onSignedUp} />
      ) : invitation.data ? (
        <SignUpForm onSignedUp={onSignedUp} invitation={{ token, email: invitation.data.email }} />
      ) : invitation.isError ? (
        <Banner tone="warning" title="This invitation no longer works">
          Invitations work for 7 days and only once. Ask whoever invited you to send it again.
        </Banner>
      ) : (
        <p className="muted">Checking the invitation…</p>
      )}
    </AuthLayout>
  );
}
