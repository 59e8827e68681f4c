import { propertyAreaM2, type ActionInput, type PlanInput } from '../../../shared/cost-model/index.ts';
import type { Action } from '../../../shared/schemas/action.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import type { Property } from '../../../shared/schemas/property.ts';

/**
 * The plan as the cost model takes it. `property` gives the area, which only the per-m² figures of
 * the analysis use; without it the area is 0.
 */
export function planCostInputOf(plan: Plan, property?: Pick<Property, 'boa' | 'loa'>): PlanInput {
  return {
    startYear: plan.startYear,
    lengthYears: plan.lengthYears,
    clientCostPercent: plan.clientCostPercent,
    vatPercent: plan.vatPercent,
    indexation: plan.indexation,
    fund: plan.fund,
    areaM2: property ? propertyAreaM2(property.boa, property.loa) : 0,
  };
}

/**
 * An action of the list as the cost model takes it: the same values the server computes from
 * (the list's numbers are the nearest doubles of the stored decimals, as the server reads them),
 * so the browser's figures are the server's, bit for bit.
 */
export function actionCostInputOf(action: Action): ActionInput {
  return {
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
  };
}
