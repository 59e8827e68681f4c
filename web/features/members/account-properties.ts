import { useQueries } from '@tanstack/react-query';
import { useOrganisations } from '../organisations/organisations-api.ts';
import { propertiesQueryOptions } from '../properties/properties-api.ts';

export interface OrganisationProperties {
  organisationId: string;
  organisationName: string;
  properties: { id: string; name: string }[];
}

/**
 * The account's properties grouped by organisation, for choosing which of them a member reaches.
 * `isPending` until every organisation's list has come, so a choice is never offered half.
 */
export function useAccountProperties(accountId: string) {
  const organisations = useOrganisations(accountId);
  const lists = useQueries({ queries: (organisations.data ?? []).map((organisation) => propertiesQueryOptions(organisation.id)) });
  const failed = organisations.isError ? organisations : lists.find((list) => list.isError);
  const groups: OrganisationProperties[] = (organisations.data ?? []).map((organisation, index) => ({
    organisationId: organisation.id,
    organisationName: organisation.name,
    properties: (lists[index]?.data ?? []).map((property) => ({ id: property.id, name: property.name })),
  }));
  return {
    groups,
    isPending: organisations.isPending || lists.some((list) => list.isPending),
    failed,
  };
}

/** "Alla fastigheter", or the names of the chosen ones that still exist, in the account's order. */
export function propertyNames(groups: readonly OrganisationProperties[], propertyIds: readonly string[]): string[] {
  const chosen = new Set(propertyIds);
  return groups.flatMap((group) => group.properties.filter((property) => chosen.has(property.id)).map((property) => property.name));
}
