import { useTranslation } from 'react-i18next';
import { Card } from '#web/components/ui/card.js';
import { ChangePasswordForm } from '#web/features/profile/components/change-password-form.js';
import { ProfileForm } from '#web/features/profile/components/profile-form.js';
import { TwoFactorSettings } from '#web/features/profile/components/two-factor-settings.js';
import { useCurrentUser } from '#web/lib/auth/use-session.js';
import { PageTitle } from '#web/lib/page-title.js';

export function ProfilePage() {
  const user = useCurrentUser();
  const { t } = useTranslation('profile');
  return (
    <>
      <PageTitle title={t('page.title')} />
      <div className="page-header__text">
        <h1>{t('page.heading')}</h1>
        <p className="muted">{t('page.description')}</p>
      </div>
      <Card title={t('page.details')}>
        <ProfileForm user={user} />
      </Card>
      <Card title={t('page.password')} description={t('page.passwordDescription')}>
        <ChangePasswordForm />
      </Card>
      <Card title={t('page.twoFactor')} description={t('page.twoFactorDescription')}>
        <TwoFactorSettings />
      </Card>
    </>
  );
}
