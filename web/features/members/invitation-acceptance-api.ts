import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { acceptInvitationResponseSchema, invitationPreviewSchema, type AcceptInvitationRequest } from '../../../shared/schemas/member.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { startSession } from '../auth/session.ts';

function invitationPath(token: string) {
  return `/api/invitations/${encodeURIComponent(token)}`;
}

/** What the invitation is for; 404 when the token is unknown, used or expired. */
export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: ['invitations', token],
    queryFn: () => apiRequest('GET', invitationPath(token), { schema: invitationPreviewSchema }),
  });
}

/** Creates the invited user and signs them in. */
export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptInvitationRequest) => apiRequest('POST', `${invitationPath(token)}/accept`, { body, schema: acceptInvitationResponseSchema }),
    onSuccess: (response) => startSession(queryClient, response.csrfToken),
  });
}
