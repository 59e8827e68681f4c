import { useQuery } from '@tanstack/react-query';
import { analysisResponseSchema, fundResponseSchema } from '../../../shared/schemas/analysis.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import type { VatChoice } from '../../lib/display-preferences.ts';
import { planQueryKey } from '../plan-core/plans-api.ts';

const planPath = (planId: string) => `/api/plans/${encodeURIComponent(planId)}`;

export interface AnalysisOptions {
  vat: VatChoice;
  includeInvestments: boolean;
}

/**
 * The economic analysis (docs/product/cost-model.md § Plan analysis) from the shared cost model, as
 * the server computes it.
 */
export function useAnalysis(planId: string, { vat, includeInvestments }: AnalysisOptions) {
  return useQuery({
    queryKey: [...planQueryKey(planId), 'analysis', vat, includeInvestments],
    queryFn: () =>
      apiRequest('GET', `${planPath(planId)}/analysis?vat=${vat}&includeInvestments=${includeInvestments}`, {
        schema: analysisResponseSchema,
      }),
  });
}

/** The fund analysis (avsättningsanalys) with the plan's stored assumptions; investments never count. */
export function useFundAnalysis(planId: string, vat: VatChoice) {
  return useQuery({
    queryKey: [...planQueryKey(planId), 'fund', vat],
    queryFn: () => apiRequest('GET', `${planPath(planId)}/fund?vat=${vat}`, { schema: fundResponseSchema }),
  });
}
