import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { maintenanceDebtBenchmarkSchema } from '../../../shared/schemas/benchmark.ts';
import { customersResponseSchema } from '../../../shared/schemas/customer.ts';
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

/**
 * The customer accounts the account manages: their names head the account column, and an account
 * without any has no "include customers" switch. A member limited to some properties sees no
 * customer's (the server refuses them the list), so it is not asked for.
 */
export function useCustomers(accountId: string, { isEnabled }: { isEnabled: boolean }) {
  return useQuery({
    queryKey: ['accounts', accountId, 'customers'],
    queryFn: () => apiRequest('GET', `${accountPath(accountId)}/customers`, { schema: customersResponseSchema }),
    enabled: isEnabled,
  });
}

/** The installation's quartiles of maintenance debt per m² (docs/product/api.md § Benchmarks). */
export function useMaintenanceDebtBenchmark() {
  return useQuery({
    queryKey: ['benchmarks', 'maintenance-debt-per-m2'],
    queryFn: () => apiRequest('GET', '/api/benchmarks/maintenance-debt-per-m2', { schema: maintenanceDebtBenchmarkSchema }),
  });
}
