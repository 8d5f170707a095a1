import { useTranslation } from 'react-i18next';
import { ONBOARDING_STEPS } from '../onboarding-steps.js';
import './onboarding.css';

/**
 * Where the person is in the wizard: every step by name, the current one marked for screen readers with
 * `aria-current="step"` and the finished ones ticked.
 *
 * @example
 * <StepIndicator current={2} />
 */
export function StepIndicator({ current }: { current: number }) {
  const { t } = useTranslation('onboarding');
  return (
    <nav aria-label={t('progress.label')}>
      <p className="visually-hidden">{t('progress.step', { current, total: ONBOARDING_STEPS.length })}</p>
      <ol className="wizard-steps">
        {ONBOARDING_STEPS.map((step, index) => {
          const number = index + 1;
          const state = number < current ? 'done' : number === current ? 'current' : 'todo';
          return (
            <li
              key={step.id}
              className={`wizard-steps__step wizard-steps__step--${state}`}
              aria-current={state === 'current' ? 'step' : undefined}
            >
              <span className="wizard-steps__number" aria-hidden="true">
                {state === 'done' ? '✓' : number}
              </span>
              <span className="wizard-steps__label">
                {t(`steps.${step.id}.label`)}
                {state === 'done' && <span className="visually-hidden"> {t('progress.done')}</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
