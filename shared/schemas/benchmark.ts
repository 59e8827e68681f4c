import { z } from 'zod';
import { roundToOre } from '../cost-model/rounding.ts';

const amount = z.number().transform(roundToOre);

/**
 * GET /api/benchmarks/maintenance-debt-per-m2: quartiles of the maintenance debt per m² over every
 * property of the installation with an area and a plan, or only the count below the minimum.
 */
export const maintenanceDebtBenchmarkSchema = z.union([
  z.object({ count: z.number().int(), p25: amount, median: amount, p75: amount }),
  z.object({ count: z.number().int(), insufficient: z.literal(true) }),
]);
export type MaintenanceDebtBenchmark = z.input<typeof maintenanceDebtBenchmarkSchema>;
