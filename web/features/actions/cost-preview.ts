import { occurrenceCost, type ActionInput, type VatMode } from '../../../shared/cost-model/index.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { planCostInputOf } from '../plan-core/plan-cost-inputs.ts';

export interface CostInputs {
  quantity: number;
  /** SEK excluding VAT at the price level of the base year. */
  unitPrice: number;
  year: number;
  /** null: the plan's default base year. */
  baseYear: number | null;
}

export interface CostPreview {
  /** One occurrence at the base year's price level (not indexed), with client cost and the chosen VAT. */
  atPriceLevel: number;
  /** The price level year in effect, or null when the action is not indexed. */
  priceLevelYear: number | null;
  /** The same occurrence in the action's year, indexed; equals `atPriceLevel` when not indexed. */
  inYear: number;
}

/**
 * The cost of one occurrence by docs/product/cost-model.md § Cost of an occurrence, through the
 * shared cost model (never a second formula).
 */
export function costPreviewOf(inputs: CostInputs, plan: Plan, vat: VatMode): CostPreview {
  const planInput = planCostInputOf(plan);
  const action: ActionInput = {
    id: 'preview',
    category: 'preview',
    buildingId: null,
    locationId: null,
    quantity: inputs.quantity,
    unitPrice: inputs.unitPrice,
    year: inputs.year,
    intervalYears: null,
    status: 'planned',
    baseYear: inputs.baseYear,
    isInvestment: false,
  };
  const baseYear = inputs.baseYear ?? plan.indexation.defaultBaseYear;
  const priceLevelYear = plan.indexation.enabled ? baseYear : null;
  return {
    atPriceLevel: occurrenceCost(action, planInput, priceLevelYear ?? inputs.year, { vat }),
    priceLevelYear,
    inYear: occurrenceCost(action, planInput, inputs.year, { vat }),
  };
}
