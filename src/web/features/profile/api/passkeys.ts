import { startRegistration } from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import {
  passkeyAddedSchema,
  passkeyListSchema,
  passkeyRegistrationOptionsSchema,
  passkeyRegistrationResponseSchema,
  type RemovePasskeyBody,
} from '#shared/passkey.schema.js';
import { apiRequest } from '#web/lib/api-client.js';
import { storeSession } from '#web/lib/auth/session-store.js';

const PASSKEYS_KEY = ['auth', 'passkeys'] as const;
const STATUS_KEY = ['auth', 'two-factor'] as const;

/** My passkeys, oldest first. */
export function usePasskeys() {
  return useQuery({
    queryKey: PASSKEYS_KEY,
    queryFn: async () => (await apiRequest(API.passkeys, { schema: passkeyListSchema })).items,
  });
}

/**
 * Make a passkey on this device (the browser asks the person to confirm) and register it under `name`.
 * The first second factor signs out other devices: the answer's session replaces this tab's.
 */
export function useAddPasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => {
      const optionsJSON = await apiRequest(API.passkeyOptions, {
        method: 'POST',
        schema: passkeyRegistrationOptionsSchema,
      });
      const response = passkeyRegistrationResponseSchema.parse(await startRegistration({ optionsJSON }));
      return apiRequest(API.passkeys, {
        method: 'POST',
        body: { name, response },
        schema: passkeyAddedSchema,
      });
    },
    onSuccess: async ({ session }) => {
      if (session) storeSession(session);
      await queryClient.invalidateQueries({ queryKey: PASSKEYS_KEY });
      await queryClient.invalidateQueries({ queryKey: STATUS_KEY });
    },
  });
}

export function useRemovePasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: RemovePasskeyBody & { id: string }) =>
      apiRequest(API.passkeyRemove(id), { method: 'POST', body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: PASSKEYS_KEY });
      await queryClient.invalidateQueries({ queryKey: STATUS_KEY });
    },
  });
}
