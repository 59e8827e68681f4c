import type { ActionInput, PlanInput } from '../../../shared/cost-model/index.ts';
import type { PlanSnapshot } from '../../plan-snapshot/plan-snapshots.ts';
import type { ReportBranding } from './report-branding.ts';

/** What the board report shows of an action besides its cost-model input. */
export interface ReportActionText {
  name: string;
  unit: string;
  quantity: number;
}

export interface ReportData {
  plan: { name: string; lengthYears: number; vatPercent: number };
  planInput: PlanInput;
  property: {
    name: string;
    designation: string | null;
    address: string | null;
    municipality: string | null;
    buildYear: number | null;
    boa: number | null;
    loa: number | null;
  };
  /** The property's buildings in name order. */
  buildings: { id: string; name: string }[];
  /** Cost-model inputs in the order of the action lists (year, category, name, id). */
  actions: ActionInput[];
  /** Action id → its name, unit and quantity. */
  actionTexts: Map<string, ReportActionText>;
  /** The account's own or its manager's branding; null: none, the cover starts with the title. */
  branding: ReportBranding | null;
}

/** What the report reads of a plan: one snapshot, so its figures never mix two states of the plan. */
export const reportSnapshotRequest = { costInputs: 'list', property: true, actionRows: true } as const;

export function reportDataOf(snapshot: PlanSnapshot<typeof reportSnapshotRequest>, branding: ReportBranding | null): ReportData {
  return {
    plan: { name: snapshot.plan.name, lengthYears: snapshot.plan.lengthYears, vatPercent: snapshot.plan.vatPercent },
    planInput: snapshot.planInput,
    property: snapshot.property,
    buildings: snapshot.buildings,
    actions: snapshot.costInputs,
    actionTexts: new Map(snapshot.actionRows.map((row) => [row.id, { name: row.name, unit: row.unit, quantity: row.quantity }])),
    branding,
  };
}
