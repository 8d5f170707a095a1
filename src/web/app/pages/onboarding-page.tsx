import { useNavigate } from 'react-router';
import { CreateBusinessForm } from '../../features/workspaces/components/create-business-form.js';
import { useCurrentUser } from '../../lib/auth/use-session.js';
import { PageTitle } from '../../lib/page-title.js';
import { AuthLayout } from '../layout/auth-layout.js';

/** The first screen after sign-up: one friendly form to create the first workspace. */
export function OnboardingPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  return (
    <AuthLayout
      wide
      title="Create your first business"
      subtitle={`Welcome, ${user.name}. Tell us about the business you market; you can change all of it later.`}
    >
      <PageTitle title="Create your first business" />
      <CreateBusinessForm onCreated={(business) => navigate(`/w/${business.id}`, { replace: true })} />
    </AuthLayout>
  );
}
