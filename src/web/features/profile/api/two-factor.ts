import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import {
  type DisableTwoFactorBody,
  recoveryCodesSchema,
  twoFactorEnabledSchema,
  twoFactorSetupSchema,
  twoFactorStatusSchema,
} from '#shared/two-factor.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { storeSession } from '#web/lib/auth/session-store.js';

const STATUS_KEY = ['auth', 'two-factor'] as const;

/** Whether two-factor sign-in is on for my account, and how many recovery codes are left. */
export function useTwoFactorStatus() {
  return useQuery({
    queryKey: STATUS_KEY,
    queryFn: () => apiRequest(API.twoFactor, { schema: twoFactorStatusSchema }),
  });
}

/** A new secret and its QR code; nothing changes for sign-in until a code confirms it. */
export function useStartTwoFactor() {
  return useMutation({
    mutationFn: () => apiRequest(API.twoFactorSetup, { method: 'POST', schema: twoFactorSetupSchema }),
  });
}

/** Confirms the first code: the server signs out other devices and answers a fresh session for this tab. */
export function useEnableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (code: string) =>
      apiRequest(API.twoFactorEnable, { method: 'POST', body: { code }, schema: twoFactorEnabledSchema }),
    onSuccess: async ({ session }) => {
      storeSession(session);
      await queryClient.invalidateQueries({ queryKey: STATUS_KEY });
    },
  });
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) =>
      apiRequest(API.twoFactorRecoveryCodes, {
        method: 'POST',
        body: { password },
        schema: recoveryCodesSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STATUS_KEY }),
  });
}

export function useDisableTwoFactor() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DisableTwoFactorBody) => apiRequest(API.twoFactorDisable, { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STATUS_KEY }),
  });
}
