import { useQuery } from '@tanstack/react-query';
import { fundResponseSchema } from '../../../shared/schemas/analysis.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import type { VatChoice } from '../../lib/display-preferences.ts';
import { planQueryKey } from '../plan-core/plans-api.ts';

const planPath = (planId: string) => `/api/plans/${encodeURIComponent(planId)}`;

/** The fund analysis (avsättningsanalys) with the plan's stored assumptions; investments never count. */
export function useFundAnalysis(planId: string, vat: VatChoice) {
  return useQuery({
    queryKey: [...planQueryKey(planId), 'fund', vat],
    queryFn: () => apiRequest('GET', `${planPath(planId)}/fund?vat=${vat}`, { schema: fundResponseSchema }),
  });
}
