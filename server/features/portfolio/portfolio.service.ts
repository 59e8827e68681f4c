import { ExactSum, type PlanAnalysisOptions } from '../../../shared/cost-model/index.ts';
import type { PortfolioProperty, PortfolioQuery, PortfolioResponse } from '../../../shared/schemas/portfolio.ts';
import type { Actor } from '../../auth/actor.ts';
import { requireAccountAccess } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { analysisOf, fundOf, readManyForAnalysis, type AnalysedSnapshot } from '../analysis/analysis.service.ts';
import { listCustomerAccountIds, listPortfolioEntries, type PortfolioEntry } from './portfolio.queries.ts';

/**
 * One row per property with a plan, across the account (and, asked, the customers it manages):
 * each figure is what that plan's own analysis and fund analysis answer with the same options,
 * from the same cached results, so the portfolio and the plan never disagree. A member limited to
 * some properties sees those, and no customer's.
 */
export async function getPortfolio(deps: Deps, actor: Actor, accountIdInPath: string, query: PortfolioQuery): Promise<PortfolioResponse> {
  const access = await requireAccountAccess(deps.db, actor, accountIdInPath, 'account:read');
  const accountIds =
    query.includeCustomers && access.propertyIds === null
      ? [access.accountId, ...(await listCustomerAccountIds(deps.db, access.accountId))]
      : [access.accountId];
  const entries = await listPortfolioEntries(deps.db, accountIds, access.propertyIds);
  // Investments count, as in the plan analysis's default: the portfolio shows what the plans show.
  const options: PlanAnalysisOptions = { vat: query.vat, includeInvestments: true, asOfYear: query.asOfYear ?? new Date().getUTCFullYear() };
  // A plan deleted between the list and its read is left out, as if it had gone a moment earlier.
  const snapshots = await readManyForAnalysis(deps, entries);
  const entryOf = new Map(entries.map((entry) => [entry.planId, entry]));
  const properties = snapshots.map((snapshot) => portfolioRowOf(deps, entryOf.get(snapshot.planId)!, snapshot, options));
  return { properties, totals: totalsOf(properties) };
}

function portfolioRowOf(deps: Deps, entry: PortfolioEntry, snapshot: AnalysedSnapshot, options: PlanAnalysisOptions): PortfolioProperty {
  const analysis = analysisOf(deps, snapshot, options);
  const fund = fundOf(deps, snapshot, { vat: options.vat });
  return {
    ...entry,
    areaM2: analysis.areaM2,
    averagePerYear: analysis.averagePerYear,
    averagePerYearPerM2: analysis.averagePerYearPerM2,
    maintenanceDebt: analysis.maintenanceDebt,
    maintenanceDebtPerM2: analysis.maintenanceDebtPerM2,
    nextYearCost: analysis.years.find((year) => year.year === options.asOfYear + 1)?.total ?? 0,
    currentProvisionPerYear: snapshot.planInput.fund.currentProvisionPerYear,
    requiredProvisionPerYear: fund.requiredProvisionPerYear,
    firstShortfallYear: fund.firstShortfallYear,
  };
}

/** Exact sums of the unrounded figures, so the totals are not sums of rounded rows. */
function totalsOf(properties: readonly PortfolioProperty[]): PortfolioResponse['totals'] {
  const sums = { areaM2: new ExactSum(), averagePerYear: new ExactSum(), maintenanceDebt: new ExactSum(), nextYearCost: new ExactSum() };
  for (const property of properties) {
    for (const key of Object.keys(sums) as (keyof typeof sums)[]) sums[key].add(property[key]);
  }
  return {
    areaM2: sums.areaM2.value(),
    averagePerYear: sums.averagePerYear.value(),
    maintenanceDebt: sums.maintenanceDebt.value(),
    nextYearCost: sums.nextYearCost.value(),
  };
}
