import type { ActionInput, PlanInput } from '../../../shared/cost-model/index.ts';
import type { Db } from '../../db/database.ts';
import { costInputsInSnapshot, readOnlySnapshot } from '../actions/plan-actions-cache.ts';
import { planCostInputOf } from '../actions/plan-cost-input.ts';
import { findPropertyAreaM2 } from '../analysis/analysis.queries.ts';
import { findPlanWithRevision } from '../plans/plans.queries.ts';
import { findProperty } from '../properties/properties.queries.ts';
import { listBuildings } from '../property-parts/property-parts.queries.ts';

/** What the board report shows of an action besides its cost-model input. */
export interface ReportActionText {
  name: string;
  unit: string;
  quantity: number;
}

export interface ReportData {
  plan: { name: string; lengthYears: number; vatPercent: number };
  planInput: PlanInput;
  property: { name: string; designation: string | null; address: string | null; municipality: string | null; buildYear: number | null; boa: number | null; loa: number | null };
  /** The property's buildings in name order. */
  buildings: { id: string; name: string }[];
  /** Cost-model inputs in the order of the action lists (year, category, name, id). */
  actions: ActionInput[];
  /** Action id → its name, unit and quantity. */
  actionTexts: Map<string, ReportActionText>;
}

/**
 * Everything the report shows, read in one repeatable-read snapshot so its figures never mix two
 * states of the plan (the cost-model inputs from the plan revision cache when it holds them).
 * Undefined when the plan is not the account's.
 */
export async function loadReportData(db: Db, accountId: string, planId: string): Promise<ReportData | undefined> {
  return readOnlySnapshot(db, async (transaction) => {
    const plan = await findPlanWithRevision(transaction, accountId, planId);
    if (!plan) return undefined;
    const property = await findProperty(transaction, accountId, plan.propertyId);
    if (!property) return undefined;
    const areaM2 = await findPropertyAreaM2(transaction, accountId, plan.propertyId);
    const buildings = await listBuildings(transaction, accountId, plan.propertyId);
    const actions = await costInputsInSnapshot(transaction, accountId, planId, plan.revision);
    const texts = await transaction
      .selectFrom('actions')
      .select(['id', 'name', 'unit', 'quantity'])
      .where('account_id', '=', accountId)
      .where('plan_id', '=', planId)
      .execute();
    return {
      plan: { name: plan.name, lengthYears: plan.lengthYears, vatPercent: plan.vatPercent },
      planInput: planCostInputOf(plan, areaM2),
      property: {
        name: property.name,
        designation: property.designation,
        address: property.address,
        municipality: property.municipality,
        buildYear: property.buildYear,
        boa: property.boa,
        loa: property.loa,
      },
      buildings: buildings.map((building) => ({ id: building.id, name: building.name })),
      actions,
      actionTexts: new Map(texts.map((row) => [row.id, { name: row.name, unit: row.unit, quantity: Number(row.quantity) }])),
    };
  });
}
