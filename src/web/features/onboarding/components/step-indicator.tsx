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
  return (
    <nav aria-label="Onboarding progress">
      <p className="visually-hidden">
        Step {current} of {ONBOARDING_STEPS.length}
      </p>
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
                {step.label}
                {state === 'done' && <span className="visually-hidden"> (done)</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
