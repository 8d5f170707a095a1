import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './api-error.js';
import { applyServerErrors, fieldNameFromPath } from './form-errors.js';

const validationError = (paths: string[]) =>
  new ApiError({
    type: 'about:blank',
    title: 'Validation failed',
    status: 400,
    code: 'validation_failed',
    errors: paths.map((path) => ({ path, message: `bad ${path}`, code: 'invalid' })),
  });

describe('applyServerErrors', () => {
  it('maps body paths onto the form fields', () => {
    expect(fieldNameFromPath('body.email')).toBe('email');
    expect(fieldNameFromPath('query.limit')).toBeUndefined();
    const setError = vi.fn();
    expect(
      applyServerErrors(validationError(['body.email']), ['email', 'password'], setError),
    ).toBeUndefined();
    expect(setError).toHaveBeenCalledWith('email', { type: 'server', message: 'bad body.email' });
  });

  it('returns a form-level message for errors that match no field', () => {
    const setError = vi.fn();
    expect(applyServerErrors(validationError(['query.limit']), ['email'], setError)).toBeTruthy();
    expect(setError).not.toHaveBeenCalled();
  });
});
