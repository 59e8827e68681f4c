import type { ActionInput, PlanInput } from '../../../shared/cost-model/index.ts';
import type { CategoryCode } from '../../../shared/categories.ts';
import type { StatusCode } from '../../../shared/statuses.ts';
import { planCostInputOf, type PlanSettings } from '../../plan-snapshot/plan-cost-input.ts';

/** An action's fields as a version keeps them: the API's names, every field a user can set. */
export interface VersionAction {
  id: string;
  name: string;
  category: CategoryCode;
  buildingId: string | null;
  locationId: string | null;
  quantity: number;
  unit: string;
  unitPrice: number;
  year: number;
  intervalYears: number | null;
  status: StatusCode;
  baseYear: number | null;
  isInvestment: boolean;
  tags: string[];
  note: string;
}

/** The fields compared field by field, in the order of the action form. */
export const versionActionFields = [
  'name',
  'category',
  'buildingId',
  'locationId',
  'quantity',
  'unit',
  'unitPrice',
  'year',
  'intervalYears',
  'status',
  'baseYear',
  'isInvestment',
  'tags',
  'note',
] as const satisfies ReadonlyArray<keyof VersionAction>;

/** A plan's data as a version keeps it, and as the plan has it today (read the same way). */
export interface PlanData {
  settings: PlanSettings & { name: string };
  actions: VersionAction[];
}

/**
 * The cost model's inputs of `data`, built as the plan snapshot builds them (plan-cost-input.ts
 * and the cost-input SQL of action-json-sql.ts), so a version and the plan today are computed
 * alike. The area does not enter the totals, the years or the fund, the only figures compared.
 */
export function costInputsOf(data: PlanData): { plan: PlanInput; actions: ActionInput[] } {
  return {
    plan: planCostInputOf(data.settings, 0),
    actions: data.actions.map((action) => ({
      id: action.id,
      category: action.category,
      buildingId: action.buildingId,
      locationId: action.locationId,
      quantity: action.quantity,
      unitPrice: action.unitPrice,
      year: action.year,
      intervalYears: action.intervalYears,
      status: action.status,
      baseYear: action.baseYear,
      isInvestment: action.isInvestment,
    })),
  };
}
