import { useQuery } from '@tanstack/react-query';
import { API } from '#shared/api-paths.js';
import { invitationInfoSchema } from '#shared/auth.schema.js';
import { apiRequest } from '#web/lib/api-client.js';

/** Which workspace and address an invitation link is for; disabled without a token. */
export function useInvitationInfo(token: string) {
  return useQuery({
    queryKey: ['auth', 'invitation', token],
    queryFn: () =>
      apiRequest(API.invitationInfo, { method: 'POST', body: { token }, schema: invitationInfoSchema }),
    enabled: token !== '',
    retry: false,
  });
}
