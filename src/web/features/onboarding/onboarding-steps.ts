/** The wizard's steps, in order: the business first (it must exist before its profile can be saved). */
export const ONBOARDING_STEPS = [
  {
    id: 'business',
    label: 'Your business',
    title: 'Create your first business',
    intro: 'Its name, where it is and the language it writes in. You can change all of it later.',
  },
  {
    id: 'offer',
    label: 'What you sell',
    title: 'What you sell, and to whom',
    intro: 'Posts can name your products, and speak to the people who buy them.',
  },
  {
    id: 'channels',
    label: 'Where you post',
    title: 'Where you post, and why',
    intro: 'The networks you use and what marketing should achieve. Calendars plan for these channels.',
  },
  {
    id: 'voice',
    label: 'How you sound',
    title: 'How you sound',
    intro: 'Tone, words to use and avoid, and posts you liked. Every AI draft follows them.',
  },
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
