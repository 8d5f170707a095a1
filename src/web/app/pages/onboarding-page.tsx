import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { Banner } from '#web/components/ui/banner.js';
import { Spinner } from '#web/components/ui/spinner.js';
import { type BrandStep, BrandStepForm } from '#web/features/brand/components/brand-step-form.js';
import { StepIndicator } from '#web/features/onboarding/components/step-indicator.js';
import { WizardActions } from '#web/features/onboarding/components/wizard-actions.js';
import { ONBOARDING_STEPS, stepFromParams } from '#web/features/onboarding/onboarding-steps.js';
import { useBusiness } from '#web/features/workspaces/api/get-business.js';
import { useUpdateBusiness } from '#web/features/workspaces/api/update-business.js';
import { CreateBusinessForm } from '#web/features/workspaces/components/create-business-form.js';
import { GeneralSettingsForm } from '#web/features/workspaces/components/general-settings-form.js';
import { useCurrentUser } from '#web/lib/auth/use-session.js';
import { describeError } from '#web/lib/error-messages.js';
import { PageTitle } from '#web/lib/page-title.js';
import { AuthLayout } from '../layout/auth-layout.js';

/** Where the dashboard learns it was reached from onboarding (and offers the first calendar). */
export interface OnboardingDoneState {
  welcome: true;
}

/**
 * The first screen after sign-up: a four-step wizard. Step 1 creates the workspace; steps 2–4 fill its
 * brand profile with the brand page's own sections, each saved when Next is pressed. The business and the
 * step live in the address, so a reload (or the browser's Back) resumes instead of creating a second one.
 */
export function OnboardingPage() {
  const user = useCurrentUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const businessId = params.get('business') ?? undefined;
  const step = stepFromParams(params.get('step'), businessId);
  const meta = ONBOARDING_STEPS[step - 1] ?? ONBOARDING_STEPS[0];
  const { t } = useTranslation('onboarding');
  const title = t(`steps.${meta.id}.title`);
  const intro = t(`steps.${meta.id}.intro`);
  useFocusOnStepChange(step);

  const goTo = (next: number, id = businessId) => {
    if (!id) return;
    if (next > ONBOARDING_STEPS.length) {
      const state: OnboardingDoneState = { welcome: true };
      navigate(`/w/${id}`, { replace: true, state });
      return;
    }
    setParams({ business: id, step: String(next) });
  };
  const back = step > 1 ? () => goTo(step - 1) : undefined;

  return (
    <AuthLayout
      wide
      title={title}
      subtitle={step === 1 && !businessId ? t('welcome', { name: user.name, intro }) : intro}
    >
      <PageTitle title={title} />
      <div className="stack">
        <StepIndicator current={step} />
        {!businessId ? (
          // Replacing the entry: Back from step 2 must not return to a form that would create another.
          <CreateBusinessForm
            onCreated={(business) => setParams({ business: business.id, step: '2' }, { replace: true })}
          />
        ) : step === 1 ? (
          <BusinessStep businessId={businessId} onNext={() => goTo(2)} />
        ) : (
          <BrandStepPanel
            businessId={businessId}
            step={meta.id as BrandStep}
            number={step}
            onBack={back}
            onNext={() => goTo(step + 1)}
          />
        )}
      </div>
    </AuthLayout>
  );
}

/** Back on step 1 once the business exists: edit it (saved with its own button) rather than create one. */
function BusinessStep({ businessId, onNext }: { businessId: string; onNext: () => void }) {
  const business = useBusiness(businessId);
  const { t } = useTranslation('onboarding');
  if (business.isPending) return <Spinner label={t('loading')} />;
  if (business.isError) return <Banner tone="danger">{describeError(business.error)}</Banner>;
  return (
    <div className="stack">
      <GeneralSettingsForm key={business.data.updated_at} business={business.data} />
      <WizardActions step={1} onNext={onNext} />
    </div>
  );
}

function BrandStepPanel({
  businessId,
  step,
  number,
  onBack,
  onNext,
}: {
  businessId: string;
  step: BrandStep;
  number: number;
  onBack: (() => void) | undefined;
  onNext: () => void;
}) {
  const business = useBusiness(businessId);
  const updateBusiness = useUpdateBusiness(businessId);
  const { t } = useTranslation('onboarding');
  if (business.isPending) return <Spinner label={t('loading')} />;
  if (business.isError) return <Banner tone="danger">{describeError(business.error)}</Banner>;
  return (
    <BrandStepForm
      key={step}
      brand={business.data.brand}
      step={step}
      onSave={(brand) => updateBusiness.mutateAsync({ brand })}
      onSaved={onNext}
      actions={({ submitting }) => (
        <WizardActions step={number} onBack={onBack} onSkip={onNext} submitting={submitting} />
      )}
    />
  );
}

/** A new step replaces the page's content: start keyboard and screen-reader users at its top again. */
function useFocusOnStepChange(step: number) {
  const shown = useRef(step);
  useEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    document.getElementById('main')?.focus();
    window.scrollTo({ top: 0 });
  }, [step]);
}
