import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('auth');
  const onSignedUp = () => navigate('/', { replace: true });
  return (
    <AuthLayout
      title={
        invitation.data ? t('signUp.join', { workspace: invitation.data.workspace_name }) : t('signUp.title')
      }
      subtitle={t('signUp.subtitle')}
      footer={
        <>
          {t('signUp.haveAccount')} <Link to="/sign-in">{t('signUp.signIn')}</Link>
        </>
      }
    >
      <PageTitle title={t('signUp.title')} />
      {token === '' ? (
        options.data?.sign_up === 'closed' ? (
          <Banner tone="info" title={t('signUp.closedTitle')}>
            {t('signUp.closedHint')}
          </Banner>
        ) : options.isPending ? (
          <p className="muted">{t('signUp.loadingOptions')}</p>
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
        <Banner tone="warning" title={t('signUp.invitationDead')}>
          {t('signUp.invitationDeadHint')}
        </Banner>
      ) : (
        <p className="muted">{t('signUp.checkingInvitation')}</p>
      )}
    </AuthLayout>
  );
}
