import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { acceptedInvitationResponseSchema, receivedInvitationsResponseSchema } from '../../../shared/schemas/invitation.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { meQueryOptions } from '../auth/session.ts';

const receivedInvitationsKey = ['auth', 'invitations'] as const;
const invitationPath = (id: string) => `/api/auth/invitations/${encodeURIComponent(id)}`;

/** The signed-in person's pending invitations (to their own e-mail address). */
export function useReceivedInvitations() {
  return useQuery({
    queryKey: receivedInvitationsKey,
    queryFn: () => apiRequest('GET', '/api/auth/invitations', { schema: receivedInvitationsResponseSchema }),
  });
}

/** Accepting makes a membership, so `me` (the account switcher) is read again too. */
export function useAcceptInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest('POST', `${invitationPath(id)}/accept`, { schema: acceptedInvitationResponseSchema }),
    onSuccess: () =>
      Promise.all([queryClient.invalidateQueries({ queryKey: receivedInvitationsKey }), queryClient.invalidateQueries({ queryKey: meQueryOptions.queryKey })]),
  });
}

export function useDeclineInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest('POST', `${invitationPath(id)}/decline`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: receivedInvitationsKey }),
  });
}
