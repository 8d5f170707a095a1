import { useMutation, useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { type ResetPasswordBody, signUpPendingSchema } from '#shared/auth.schema.js';
import { apiRequest } from '#web/lib/api-client.js';

/** Ask for a reset link; the answer is the same whether or not the address has an account. */
export function useForgotPassword() {
  return useMutation({
    mutationFn: (email: string) =>
      apiRequest(API.forgotPassword, { method: 'POST', body: { email }, schema: signUpPendingSchema }),
  });
}

/** Whether a reset link still works (a 410 `link_expired` error if not). */
export function useResetLinkCheck(token: string) {
  return useQuery({
    queryKey: ['auth', 'reset-link', token],
    queryFn: () => apiRequest(API.resetPasswordCheck, { method: 'POST', body: { token } }).then(() => true),
    enabled: token !== '',
    retry: false,
  });
}

/** Set the new password; every session ends, so the person signs in again. */
export function useResetPassword() {
  return useMutation({
    mutationFn: (body: ResetPasswordBody) => apiRequest(API.resetPassword, { method: 'POST', body }),
  });
}
