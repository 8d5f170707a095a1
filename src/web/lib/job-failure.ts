/**
 * A job's stored failure (`last_error`) as a person reads it: the worker keeps the error's class name in
 * front ("AppError: This workspace has spent…"), which says nothing to them. Shared by every feature that
 * shows a job's outcome (the jobs panel, the calendar generation dialog).
 *
 * @example
 * jobFailureReason('AppError: Over budget.'); // 'Over budget.'
 */
export function jobFailureReason(lastError: string): string {
  return lastError.replace(/^[A-Z][A-Za-z]*Error: /, '');
}
