import type { ActionInput, PlanInput } from '../../../shared/cost-model/index.ts';
import { updateActionRequestSchema, type Action, type UpdateActionRequest } from '../../../shared/schemas/action.ts';
import { planCostInputOf, type PlanSettings } from '../../plan-snapshot/plan-cost-input.ts';

/** An action's fields as a version keeps them: its id and every field a user can set, in the API's names. */
export type VersionAction = Pick<Action, 'id' | keyof UpdateActionRequest>;

/** The fields compared field by field: those a user can set, in the order of the action form. */
export const versionActionFields = Object.keys(updateActionRequestSchema.shape) as Array<keyof UpdateActionRequest>;

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
