import { Card } from '#web/components/ui/card.js';
import { ChangePasswordForm } from '#web/features/profile/components/change-password-form.js';
import { ProfileForm } from '#web/features/profile/components/profile-form.js';
import { TwoFactorSettings } from '#web/features/profile/components/two-factor-settings.js';
import { useCurrentUser } from '#web/lib/auth/use-session.js';
import { PageTitle } from '#web/lib/page-title.js';

export function ProfilePage() {
  const user = useCurrentUser();
  return (
    <>
      <PageTitle title="Profile" />
      <div className="page-header__text">
        <h1>Profile</h1>
        <p className="muted">Your account on this server, shared by all your workspaces.</p>
      </div>
      <Card title="Personal details">
        <ProfileForm user={user} />
      </Card>
      <Card title="Password" description="Changing it signs you out on every other device.">
        <ChangePasswordForm />
      </Card>
      <Card
        title="Two-factor sign-in"
        description="A code from an app on your phone, or a passkey, asked for after your password. Turning it on signs you out on every other device."
      >
        <TwoFactorSettings />
      </Card>
    </>
  );
}
