import { Link, useLocation, useNavigate } from 'react-router';
import { Banner } from '#web/components/ui/banner.js';
import { useAuthOptions } from '#web/features/auth/api/auth-options.js';
import { useInvitationInfo } from '#web/features/auth/api/invitation-info.js';
import { SignUpForm } from '#web/features/auth/components/sign-up-form.js';
import { fragmentValue } from '#web/lib/link-fragment.js';
import { PageTitle } from '#web/lib/page-title.js';
import { AuthLayout } from '../layout/auth-layout.js';

/**
 * Sign-up, in the server's mode (`GET /api/auth/options`); through an invitation's accept link
 * (`#invitation=…`) it joins that workspace too, in every mode.
 */
export function SignUpPage() {
  const navigate = useNavigate();
  const token = fragmentValue(useLocation().hash, 'invitation');
  const invitation = useInvitationInfo(token);
  const options = useAuthOptions();
  const mail = options.data?.mail;
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
        options.data?.sign_up === 'closed' ? (
          <Banner tone="info" title="Sign-up is closed on this server">
            Accounts here come from invitations: ask someone in your team to invite you from their workspace’s
            members, or ask the server’s administrator for an account.
          </Banner>
        ) : options.isPending ? (
          <p className="muted">Loading…</p>
        ) : (
          <SignUpForm onSignedUp={onSignedUp} mail={mail} />
        )
      ) : invitation.data ? (
        <SignUpForm
          onSignedUp={onSignedUp}
          invitation={{ token, email: invitation.data.email }}
          mail={mail}
        />
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
