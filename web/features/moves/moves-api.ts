import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import type { Membership } from '../../../shared/schemas/auth.ts';
import type { MoveOrganisationRequest, MovePropertyRequest } from '../../../shared/schemas/move.ts';
import { organisationSchema, organisationsResponseSchema, type Organisation } from '../../../shared/schemas/organisation.ts';
import { propertySchema } from '../../../shared/schemas/property.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { useSession } from '../auth/session.ts';
import { organisationsQueryKey } from '../organisations/organisations-api.ts';

/**
 * The accounts the user may move data into: where they edit or administer every property (as a
 * member or through the manager account). A member limited to some properties cannot add to the account.
 */
export function useWritableAccounts(): Membership[] {
  return useSession().memberships.filter((membership) => membership.role !== 'viewer' && membership.propertyIds === null);
}

export interface OrganisationTarget {
  account: Membership;
  organisation: Organisation;
}

/** Every organisation of every writable account, read only while `isEnabled` (the dialog is open). */
export function useOrganisationTargets(isEnabled: boolean): { isPending: boolean; isError: boolean; targets: OrganisationTarget[] } {
  const accounts = useWritableAccounts();
  const results = useQueries({
    queries: accounts.map((account) => ({
      queryKey: organisationsQueryKey(account.accountId),
      queryFn: () => apiRequest('GET', `/api/accounts/${encodeURIComponent(account.accountId)}/organisations`, { schema: organisationsResponseSchema }),
      enabled: isEnabled,
    })),
  });
  return {
    isPending: results.some((result) => result.isPending),
    isError: results.some((result) => result.isError),
    targets: accounts.flatMap((account, index) => (results[index]?.data ?? []).map((organisation) => ({ account, organisation }))),
  };
}

/** A move changes what several accounts list, and the account of everything it took: every cached read is stale. */
function useInvalidateEverything() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}

export function useMoveProperty(propertyId: string) {
  const invalidate = useInvalidateEverything();
  return useMutation({
    mutationFn: (body: MovePropertyRequest) => apiRequest('POST', `/api/properties/${encodeURIComponent(propertyId)}/move`, { body, schema: propertySchema }),
    onSuccess: invalidate,
  });
}

export function useMoveOrganisation(organisationId: string) {
  const invalidate = useInvalidateEverything();
  return useMutation({
    mutationFn: (body: MoveOrganisationRequest) =>
      apiRequest('POST', `/api/organisations/${encodeURIComponent(organisationId)}/move`, { body, schema: organisationSchema }),
    onSuccess: invalidate,
  });
}
