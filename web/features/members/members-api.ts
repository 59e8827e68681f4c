import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  invitationLinkResponseSchema,
  inviteMemberResponseSchema,
  memberSchema,
  membersResponseSchema,
  type InviteMemberRequest,
  type UpdateMemberRequest,
} from '../../../shared/schemas/member.ts';
import type { Role } from '../../../shared/schemas/role.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { meQueryOptions } from '../auth/session.ts';

function membersQueryKey(accountId: string) {
  return ['accounts', accountId, 'members'] as const;
}

function membersPath(accountId: string) {
  return `/api/accounts/${encodeURIComponent(accountId)}/members`;
}

/** Members and pending invitations of an account (admins only; others get 403, so they pass `enabled: false`). */
export function useMembers(accountId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    enabled,
    queryKey: membersQueryKey(accountId),
    queryFn: () => apiRequest('GET', membersPath(accountId), { schema: membersResponseSchema }),
  });
}

/** Refreshes the list, and `me` too when the change concerns the signed-in user's own membership. */
function useRefreshAfterMemberChange(accountId: string) {
  const queryClient = useQueryClient();
  return async (userId?: string) => {
    const isOwnMembership = userId !== undefined && userId === queryClient.getQueryData(meQueryOptions.queryKey)?.user.id;
    const refreshes = [queryClient.invalidateQueries({ queryKey: membersQueryKey(accountId) })];
    if (isOwnMembership) refreshes.push(queryClient.invalidateQueries({ queryKey: meQueryOptions.queryKey }));
    await Promise.all(refreshes);
  };
}

/** Every address gets an invitation; nobody is a member before accepting it. */
export function useInviteMember(accountId: string) {
  const refresh = useRefreshAfterMemberChange(accountId);
  return useMutation({
    mutationFn: (body: InviteMemberRequest) => apiRequest('POST', membersPath(accountId), { body, schema: inviteMemberResponseSchema }),
    onSuccess: () => refresh(),
  });
}

/** A new role, or new properties (null: every one), of a member: `change` as PATCH takes it. */
function useUpdateMember<Variables extends { userId: string }>(accountId: string, toChange: (variables: Variables) => UpdateMemberRequest) {
  const refresh = useRefreshAfterMemberChange(accountId);
  return useMutation({
    mutationFn: (variables: Variables) =>
      apiRequest('PATCH', `${membersPath(accountId)}/${encodeURIComponent(variables.userId)}`, { body: toChange(variables), schema: memberSchema }),
    onSuccess: (_member, { userId }) => refresh(userId),
  });
}

/** An admin reaches every property, so a member raised to admin loses any limit in the same change. */
export function useChangeRole(accountId: string) {
  return useUpdateMember(accountId, ({ role, isLimited }: { userId: string; role: Role; isLimited: boolean }) =>
    role === 'admin' && isLimited ? { role, propertyIds: null } : { role },
  );
}

export function useChangeMemberProperties(accountId: string) {
  return useUpdateMember(accountId, ({ propertyIds }: { userId: string; propertyIds: string[] | null }) => ({ propertyIds }));
}

export function useRemoveMember(accountId: string) {
  const refresh = useRefreshAfterMemberChange(accountId);
  return useMutation({
    mutationFn: (userId: string) => apiRequest('DELETE', `${membersPath(accountId)}/${encodeURIComponent(userId)}`),
    onSuccess: (_nothing, userId) => refresh(userId),
  });
}

export function useCancelInvitation(accountId: string) {
  const refresh = useRefreshAfterMemberChange(accountId);
  return useMutation({
    mutationFn: (invitationId: string) =>
      apiRequest('DELETE', `/api/accounts/${encodeURIComponent(accountId)}/invitations/${encodeURIComponent(invitationId)}`),
    onSuccess: () => refresh(),
  });
}

/** A fresh link for an installation without SMTP; the earlier link stops working. */
export function useCopyInvitationLink(accountId: string) {
  return useMutation({
    mutationFn: (invitationId: string) =>
      apiRequest('POST', `/api/accounts/${encodeURIComponent(accountId)}/invitations/${encodeURIComponent(invitationId)}/link`, {
        schema: invitationLinkResponseSchema,
      }),
  });
}
