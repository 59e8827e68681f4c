import { analyseFund, analysePlan, type FundAnalysis, type PlanAnalysis, type VatMode } from '../../../shared/cost-model/index.ts';
import type { FieldChanges, VersionDiff, VersionDiffInput } from '../../../shared/schemas/version.ts';
import { costInputsOf, versionActionFields, type PlanData, type VersionAction } from './version-data.ts';

/**
 * `from` (a version) compared with `to` (the plan today or another version): actions added,
 * removed and changed field by field, the analysis total and cost per year over both windows, and
 * the fund's required provision and first shortfall year, each computed as GET /api/plans/:id/analysis
 * (investments included) and /fund compute them.
 */
export function diffPlanData(from: SideOfDiff, to: SideOfDiff): VersionDiffInput {
  return { actions: diffActions(from.data.actions, to.data.actions), ...diffFigures(from.figures, to.figures) };
}

/** A plan's data and its two analyses (the plan today's may come from the plan snapshot's cache). */
export interface SideOfDiff {
  data: PlanData;
  figures: Figures;
}

export interface Figures {
  analysis: PlanAnalysis;
  fund: FundAnalysis;
}

/** The analysis (investments included) and the fund analysis of `data`, with the options GET …/analysis and …/fund take. */
export function figuresOf(data: PlanData, vat: VatMode, asOfYear: number): Figures {
  const inputs = costInputsOf(data);
  return {
    analysis: analysePlan(inputs.plan, inputs.actions, { vat, includeInvestments: true, asOfYear }),
    fund: analyseFund(inputs.plan, inputs.actions, { vat }),
  };
}

function diffActions(from: readonly VersionAction[], to: readonly VersionAction[]): VersionDiff['actions'] {
  const before = new Map(from.map((action) => [action.id, action]));
  const after = new Map(to.map((action) => [action.id, action]));
  const added = to.filter((action) => !before.has(action.id)).map(({ id, name }) => ({ id, name }));
  const removed = from.filter((action) => !after.has(action.id)).map(({ id, name }) => ({ id, name }));
  const changed: VersionDiff['actions']['changed'] = [];
  for (const action of to) {
    const old = before.get(action.id);
    if (old === undefined) continue;
    const changes = fieldChangesOf(old, action);
    if (Object.keys(changes).length > 0) changed.push({ id: action.id, name: action.name, changes });
  }
  return { added, removed, changed };
}

function fieldChangesOf(from: VersionAction, to: VersionAction): FieldChanges {
  const changes: FieldChanges = {};
  for (const field of versionActionFields) {
    // A version saved before a field existed (libraryItemId) lacks it: it had none.
    const [before, after] = [from[field] ?? null, to[field] ?? null];
    if (!isSameValue(before, after)) changes[field] = { from: before, to: after };
  }
  return changes;
}

/** Tags are compared as lists (order and all); every other field is a plain value. */
function isSameValue(from: unknown, to: unknown): boolean {
  return Array.isArray(from) && Array.isArray(to) ? from.length === to.length && from.every((tag, index) => tag === to[index]) : from === to;
}

function diffFigures(before: Figures, after: Figures): Omit<VersionDiffInput, 'actions'> {
  const beforeByYear = new Map(before.analysis.years.map((year) => [year.year, year.total]));
  const afterByYear = new Map(after.analysis.years.map((year) => [year.year, year.total]));
  const firstYear = Math.min(before.analysis.window.startYear, after.analysis.window.startYear);
  const lastYear = Math.max(before.analysis.window.endYear, after.analysis.window.endYear);
  return {
    analysis: {
      total: { from: before.analysis.total, to: after.analysis.total },
      years: Array.from({ length: lastYear - firstYear + 1 }, (_, index) => {
        const year = firstYear + index;
        return { year, from: beforeByYear.get(year) ?? null, to: afterByYear.get(year) ?? null };
      }),
    },
    fund: {
      requiredProvisionPerYear: { from: before.fund.requiredProvisionPerYear, to: after.fund.requiredProvisionPerYear },
      firstShortfallYear: { from: before.fund.firstShortfallYear, to: after.fund.firstShortfallYear },
    },
  };
}
