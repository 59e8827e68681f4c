import { useQuery } from '@tanstack/react-query';
import type { Language } from '../../../shared/i18n/language.ts';
import { sharedPlanSchema } from '../../../shared/schemas/share-link.ts';
import { apiRequest } from '../../lib/api/api-client.ts';

const sharePath = (token: string) => `/api/share/${encodeURIComponent(token)}`;

/** The plan a share link opens; 404 when the token is unknown, expired or revoked. */
export function useSharedPlan(token: string) {
  return useQuery({
    queryKey: ['share', token],
    queryFn: () => apiRequest('GET', sharePath(token), { schema: sharedPlanSchema }),
    // A 404 stays a 404, and the token routes are rate-limited: no retries.
    retry: false,
  });
}

/** The board report behind the link: a plain link, as the reader has no session to send. */
export function sharedReportPath(token: string, language: Language): string {
  return `${sharePath(token)}/report.pdf?${new URLSearchParams({ lang: language }).toString()}`;
}
