import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { maintenanceDebtBenchmarkSchema } from '../../../shared/schemas/benchmark.ts';
import { portfolioResponseSchema } from '../../../shared/schemas/portfolio.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import type { VatChoice } from '../../lib/display-preferences.ts';

const accountPath = (accountId: string) => `/api/accounts/${encodeURIComponent(accountId)}`;

/** Every property with a plan, its figures as its plan's analysis and fund give them (docs/product/api.md § Portfolio). */
export function usePortfolio(accountId: string, { vat, asOfYear, includeCustomers }: { vat: VatChoice; asOfYear: number; includeCustomers: boolean }) {
  return useQuery({
    queryKey: ['accounts', accountId, 'portfolio', vat, asOfYear, includeCustomers],
    queryFn: () =>
      apiRequest('GET', `${accountPath(accountId)}/portfolio?vat=${vat}&asOfYear=${asOfYear}&includeCustomers=${includeCustomers}`, {
        schema: portfolioResponseSchema,
      }),
    // The table (its sort, the focused switch) stays while the other VAT choice or the customers load.
    placeholderData: keepPreviousData,
  });
}

/** The installation's quartiles of maintenance debt per m² (docs/product/api.md § Benchmarks). */
export function useMaintenanceDebtBenchmark() {
  return useQuery({
    queryKey: ['benchmarks', 'maintenance-debt-per-m2'],
    queryFn: () => apiRequest('GET', '/api/benchmarks/maintenance-debt-per-m2', { schema: maintenanceDebtBenchmarkSchema }),
  });
}
