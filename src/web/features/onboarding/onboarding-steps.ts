/**
 * The wizard's steps, in order: the business first (it must exist before its profile can be saved). Each
 * step's label, title and introduction are the onboarding strings' `steps.<id>`.
 */
export const ONBOARDING_STEPS = [
  { id: 'business' },
  { id: 'offer' },
  { id: 'channels' },
  { id: 'voice' },
] as const;

export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];
export type OnboardingStepId = OnboardingStep['id'];

/**
 * The step to show (1-based) from the address: without a business only the first exists, and anything
 * unreadable falls back to the first step the person can be on.
 *
 * @example
 * stepFromParams('3', 'b1'); // 3
 * stepFromParams('3', undefined); // 1
 */
export function stepFromParams(step: string | null, businessId: string | undefined): number {
  if (!businessId) return 1;
  const number = Number(step);
  if (!Number.isInteger(number) || number < 1) return 2;
  return Math.min(number, ONBOARDING_STEPS.length);
}
