import { useMemo } from 'react';
import { planOccurrences, type CostedOccurrence } from '../../../shared/cost-model/index.ts';
import type { Action } from '../../../shared/schemas/action.ts';
import type { PropertyPart as Building, PropertyPart as Location } from '../../../shared/schemas/property-part.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { useActions } from '../actions/actions-api.ts';
import { actionCostInputOf, planCostInputOf } from '../plan-core/plan-cost-inputs.ts';
import { usePlan } from '../plan-core/plans-api.ts';
import { useBuildings, useLocations } from '../property-parts/property-parts-api.ts';
import type { PartNames } from './plan-by-category.ts';
import { indexActions } from './plan-by-year.ts';

export interface ActionTableData {
  plan: Plan;
  actions: Action[];
  actionsById: Map<string, Action>;
  /** Every occurrence in the window, investments included, its cost unrounded. */
  occurrences: CostedOccurrence[];
  buildings: Building[];
  locations: Location[];
  names: PartNames;
}

type Loading = { state: 'pending' } | { state: 'error'; error: unknown; retry: () => void; isRetrying: boolean };

/**
 * Everything the two action views need, loaded side by side: the plan (cached by the layout), its
 * actions, and the names of the property's buildings and locations; and the actions' occurrences
 * in the chosen VAT, computed here with the shared cost model, unrounded, so every sum the views
 * show is an exact sum (docs/decisions/0024-sums-from-exact-amounts.md). The derived values are
 * memoised: a plan can have 10 000 actions.
 */
export function useActionTableData(planId: string): Loading | ({ state: 'ready' } & ActionTableData) {
  const { vat } = useDisplayPreferences();
  const plan = usePlan(planId);
  const actions = useActions(planId);
  const propertyId = plan.data?.propertyId ?? '';
  const buildings = useBuildings(propertyId);
  const locations = useLocations(propertyId);

  const actionsById = useMemo(() => indexActions(actions.data ?? []), [actions.data]);
  const occurrences = useMemo(
    () =>
      plan.data && actions.data
        ? planOccurrences(planCostInputOf(plan.data), actions.data.map(actionCostInputOf), { vat, includeInvestments: true })
        : undefined,
    [plan.data, actions.data, vat],
  );
  const names = useMemo<PartNames>(
    () => ({
      buildings: new Map((buildings.data ?? []).map((building) => [building.id, building.name])),
      locations: new Map((locations.data ?? []).map((location) => [location.id, location.name])),
    }),
    [buildings.data, locations.data],
  );

  // The building and location queries wait for the plan: with no property id yet they would fail.
  const queries = plan.data ? [plan, actions, buildings, locations] : [plan, actions];
  const failed = queries.find((query) => query.isError);
  if (failed) {
    return {
      state: 'error',
      error: failed.error,
      isRetrying: queries.some((query) => query.isFetching),
      retry: () => {
        for (const query of queries) if (query.isError) void query.refetch();
      },
    };
  }
  if (!plan.data || !actions.data || !occurrences || !buildings.data || !locations.data) return { state: 'pending' };
  return {
    state: 'ready',
    plan: plan.data,
    actions: actions.data,
    actionsById,
    occurrences,
    buildings: buildings.data,
    locations: locations.data,
    names,
  };
}
