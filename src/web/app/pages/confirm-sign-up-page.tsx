import { useEffect, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('auth');
  useEffect(() => {
    // Once: the link works once, and a second request would answer that it expired.
    if (started.current || token === '') return;
    started.current = true;
    confirm.mutate(token, { onSuccess: () => navigate('/', { replace: true }) });
  }, [token, confirm, navigate]);

  return (
    <AuthLayout title={t('confirm.title')}>
      <PageTitle title={t('confirm.title')} />
      {token === '' || confirm.isError ? (
        <Banner tone="warning" title={t('confirm.linkDead')}>
          <Trans
            t={t}
            i18nKey="confirm.linkDeadHint"
            components={{ signUp: <Link to="/sign-up" />, signIn: <Link to="/sign-in" /> }}
          />
        </Banner>
      ) : (
        <p className="muted">{t('confirm.creating')}</p>
      )}
    </AuthLayout>
  );
}
