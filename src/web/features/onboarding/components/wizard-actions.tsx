import { useTranslation } from 'react-i18next';
import { Button } from '#web/components/ui/button.js';
import { ONBOARDING_STEPS } from '../onboarding-steps.js';
import './onboarding.css';

interface WizardActionsProps {
  /** 1-based. */
  step: number;
  onBack?: (() => void) | undefined;
  /** Leaves this step as saved and moves on. */
  onSkip?: (() => void) | undefined;
  /** Without it, Next submits the form the bar sits in (which saves the step, then moves on). */
  onNext?: (() => void) | undefined;
  submitting?: boolean;
}

/**
 * Back, "Skip for now" and Next (Finish on the last step), in reading and tab order; Next comes last so
 * Enter in a field submits the step.
 *
 * @example
 * <WizardActions step={2} onBack={back} onSkip={skip} submitting={isSubmitting} />
 */
export function WizardActions({ step, onBack, onSkip, onNext, submitting = false }: WizardActionsProps) {
  const { t } = useTranslation('onboarding');
  const last = step === ONBOARDING_STEPS.length;
  return (
    <div className="wizard-actions">
      {onBack && (
        <Button variant="ghost" onClick={onBack} disabled={submitting}>
          {t('actions.back')}
        </Button>
      )}
      <span className="wizard-actions__spacer" />
      {onSkip && (
        <Button variant="ghost" onClick={onSkip} disabled={submitting}>
          {t('actions.skip')}
        </Button>
      )}
      <Button type={onNext ? 'button' : 'submit'} variant="primary" loading={submitting} onClick={onNext}>
        {last ? t('actions.finish') : t('actions.next')}
      </Button>
    </div>
  );
}
