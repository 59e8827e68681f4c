import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { propertiesResponseSchema, propertySchema, type CreatePropertyRequest, type UpdatePropertyRequest } from '../../../shared/schemas/property.ts';
import { apiRequest } from '../../lib/api/api-client.ts';

export const propertiesQueryKey = (organisationId: string) => ['organisations', organisationId, 'properties'] as const;
export const propertyQueryKey = (propertyId: string) => ['properties', propertyId] as const;

const path = (propertyId: string) => `/api/properties/${encodeURIComponent(propertyId)}`;
const listPath = (organisationId: string) => `/api/organisations/${encodeURIComponent(organisationId)}/properties`;

/** An organisation's properties, for `useQueries` over several organisations (the members page's property choice). */
export const propertiesQueryOptions = (organisationId: string) =>
  queryOptions({
    queryKey: propertiesQueryKey(organisationId),
    queryFn: () => apiRequest('GET', listPath(organisationId), { schema: propertiesResponseSchema }),
  });

export function useProperties(organisationId: string) {
  return useQuery(propertiesQueryOptions(organisationId));
}

export function useProperty(propertyId: string) {
  return useQuery({
    queryKey: propertyQueryKey(propertyId),
    queryFn: () => apiRequest('GET', path(propertyId), { schema: propertySchema }),
  });
}

export function useCreateProperty(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePropertyRequest) => apiRequest('POST', listPath(organisationId), { body, schema: propertySchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: propertiesQueryKey(organisationId) }),
  });
}

export function useUpdateProperty(propertyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePropertyRequest) => apiRequest('PATCH', path(propertyId), { body, schema: propertySchema }),
    onSuccess: (property) => {
      queryClient.setQueryData(propertyQueryKey(propertyId), property);
      // The area feeds every analysis of the property's plans.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: propertiesQueryKey(property.organisationId) }),
        queryClient.invalidateQueries({ queryKey: ['plans'] }),
      ]);
    },
  });
}

/** Deletes the property with its buildings, locations and plans (the database cascades). */
export function useDeleteProperty(organisationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (propertyId: string) => apiRequest('DELETE', path(propertyId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: propertiesQueryKey(organisationId) }),
  });
}
