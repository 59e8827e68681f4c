import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  organisationSchema,
  organisationsResponseSchema,
  type CreateOrganisationRequest,
  type UpdateOrganisationRequest,
} from '../../../shared/schemas/organisation.ts';
import { apiRequest } from '../../lib/api/api-client.ts';

/** Query keys of the plan structure, shared by every hook that reads or changes it. */
export const organisationsQueryKey = (accountId: string) => ['accounts', accountId, 'organisations'] as const;
export const organisationQueryKey = (organisationId: string) => ['organisations', organisationId] as const;

const path = (organisationId: string) => `/api/organisations/${encodeURIComponent(organisationId)}`;

export function useOrganisations(accountId: string) {
  return useQuery({
    queryKey: organisationsQueryKey(accountId),
    queryFn: () =>
      apiRequest('GET', `/api/accounts/${encodeURIComponent(accountId)}/organisations`, {
        schema: organisationsResponseSchema,
      }),
  });
}

export function useOrganisation(organisationId: string) {
  return useQuery({
    queryKey: organisationQueryKey(organisationId),
    queryFn: () => apiRequest('GET', path(organisationId), { schema: organisationSchema }),
  });
}

export function useCreateOrganisation(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganisationRequest) =>
      apiRequest('POST', `/api/accounts/${encodeURIComponent(accountId)}/organisations`, {
        body,
        schema: organisationSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationsQueryKey(accountId) }),
  });
}

export function useUpdateOrganisation(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateOrganisationRequest) => apiRequest('PATCH', path(organisationId), { body, schema: organisationSchema }),
    onSuccess: (organisation) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: organisationsQueryKey(organisation.accountId) }),
        queryClient.invalidateQueries({ queryKey: organisationQueryKey(organisationId) }),
      ]),
  });
}

/** Deletes the organisation with its properties and plans (the database cascades). */
export function useDeleteOrganisation(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (organisationId: string) => apiRequest('DELETE', path(organisationId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: organisationsQueryKey(accountId) }),
  });
}
