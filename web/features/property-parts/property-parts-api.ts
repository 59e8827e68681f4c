import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  propertyPartSchema as buildingSchema,
  propertyPartsResponseSchema as buildingsResponseSchema,
  propertyPartSchema as locationSchema,
  propertyPartsResponseSchema as locationsResponseSchema,
} from '../../../shared/schemas/property-part.ts';
import { apiRequest } from '../../lib/api/api-client.ts';

/**
 * Buildings and locations are the same kind of thing to the API and the screens: named parts of
 * one property that actions point at. One set of hooks serves both.
 */
export type PropertyPartKind = 'buildings' | 'locations';

const schemas = {
  buildings: { item: buildingSchema, list: buildingsResponseSchema },
  locations: { item: locationSchema, list: locationsResponseSchema },
} as const;

export const propertyPartsQueryKey = (kind: PropertyPartKind, propertyId: string) => ['properties', propertyId, kind] as const;

const listPath = (kind: PropertyPartKind, propertyId: string) => `/api/properties/${encodeURIComponent(propertyId)}/${kind}`;
const itemPath = (kind: PropertyPartKind, id: string) => `/api/${kind}/${encodeURIComponent(id)}`;

export function usePropertyParts(kind: PropertyPartKind, propertyId: string) {
  return useQuery({
    queryKey: propertyPartsQueryKey(kind, propertyId),
    queryFn: () => apiRequest('GET', listPath(kind, propertyId), { schema: schemas[kind].list }),
  });
}

export const useBuildings = (propertyId: string) => usePropertyParts('buildings', propertyId);
export const useLocations = (propertyId: string) => usePropertyParts('locations', propertyId);

/** After a change: the list, and every plan view that shows building or location names. */
function useRefreshParts(kind: PropertyPartKind, propertyId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([queryClient.invalidateQueries({ queryKey: propertyPartsQueryKey(kind, propertyId) }), queryClient.invalidateQueries({ queryKey: ['plans'] })]);
}

export function useCreatePropertyPart(kind: PropertyPartKind, propertyId: string) {
  const refresh = useRefreshParts(kind, propertyId);
  return useMutation({
    mutationFn: (body: { name: string }) => apiRequest('POST', listPath(kind, propertyId), { body, schema: schemas[kind].item }),
    onSuccess: refresh,
  });
}

export function useRenamePropertyPart(kind: PropertyPartKind, propertyId: string) {
  const refresh = useRefreshParts(kind, propertyId);
  return useMutation({
    mutationFn: ({ id, name }: { id: string; name: string }) => apiRequest('PATCH', itemPath(kind, id), { body: { name }, schema: schemas[kind].item }),
    onSuccess: refresh,
  });
}

/** Actions that pointed at the deleted part keep their place in the plan without it. */
export function useDeletePropertyPart(kind: PropertyPartKind, propertyId: string) {
  const refresh = useRefreshParts(kind, propertyId);
  return useMutation({
    mutationFn: (id: string) => apiRequest('DELETE', itemPath(kind, id)),
    onSuccess: refresh,
  });
}
