import { quantile } from '../../../shared/cost-model/index.ts';
import type { MaintenanceDebtBenchmark } from '../../../shared/schemas/benchmark.ts';
import type { Deps } from '../../deps.ts';
import { analysisOf, readManyForAnalysis } from '../analysis/analysis.service.ts';
import { listBenchmarkPlans } from './benchmarks.queries.ts';

/** Below this many properties the quartiles would tell too much about too few (and too little). */
export const BENCHMARK_MINIMUM_COUNT = 10;

/**
 * The quartiles of the maintenance debt per m² (excluding VAT, as of the current year) over every
 * property of the installation with an area and a plan, each from its plan's cached analysis: the
 * figure its own analysis shows. Any signed-in user may read it; it names no property or account.
 */
export async function getMaintenanceDebtBenchmark(deps: Deps): Promise<MaintenanceDebtBenchmark> {
  const options = { vat: 'excl' as const, includeInvestments: true, asOfYear: new Date().getUTCFullYear() };
  const values: number[] = [];
  for (const snapshot of await readManyForAnalysis(deps, await listBenchmarkPlans(deps.db))) {
    const perM2 = analysisOf(deps, snapshot, options).maintenanceDebtPerM2;
    if (perM2 !== null) values.push(perM2);
  }
  if (values.length < BENCHMARK_MINIMUM_COUNT) return { count: values.length, insufficient: true };
  values.sort((a, b) => a - b);
  return { count: values.length, p25: quantile(values, 0.25), median: quantile(values, 0.5), p75: quantile(values, 0.75) };
}
