import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('auth');
  const goOn = async () => {
    navigate(await landingAfterSignIn(safeNextPath(params.get('next')), queryClient), { replace: true });
  };
  return (
    <AuthLayout
      title={t('signIn.title')}
      subtitle={t('signIn.subtitle')}
      footer={
        <>
          {t('signIn.newHere')} <Link to="/sign-up">{t('signIn.createAccount')}</Link>
        </>
      }
    >
      <PageTitle title={t('signIn.title')} />
      <SignInForm onSignedIn={() => void goOn()} />
      <p className="muted">
        <Link to="/forgot-password">{t('signIn.forgotPassword')}</Link>
      </p>
    </AuthLayout>
  );
}
