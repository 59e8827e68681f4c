import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { brandingLogoField, brandingSchema } from '../../../shared/schemas/branding.ts';
import { apiRequest } from '../../lib/api/api-client.ts';

export function brandingQueryKey(accountId: string) {
  return ['accounts', accountId, 'branding'] as const;
}

/** docs/product/api.md § Branding */
function brandingPath(accountId: string) {
  return `/api/accounts/${encodeURIComponent(accountId)}/branding`;
}

/** The account's effective branding: its own, else its manager's, else the default. Any member reads it (the header does). */
export function useBranding(accountId: string | undefined) {
  return useQuery({
    enabled: accountId !== undefined,
    queryKey: brandingQueryKey(accountId ?? ''),
    queryFn: () => apiRequest('GET', brandingPath(accountId ?? ''), { schema: brandingSchema }),
  });
}

export interface BrandingChange {
  displayName: string;
  colour: string;
  /** A new logo; null keeps the stored one unless `removeLogo`. */
  logo: File | null;
  removeLogo: boolean;
}

/**
 * A manager's branding shows in its customer accounts too, so every account's branding is read
 * anew after a change, not only this one's.
 */
function useRefreshBranding() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] === 'accounts' && query.queryKey[2] === 'branding' });
}

export function useSaveBranding(accountId: string) {
  const refresh = useRefreshBranding();
  return useMutation({
    mutationFn: ({ displayName, colour, logo, removeLogo }: BrandingChange) => {
      const form = new FormData();
      form.append('displayName', displayName);
      form.append('colour', colour);
      if (removeLogo) form.append('removeLogo', 'true');
      if (logo) form.append(brandingLogoField, logo, logo.name);
      return apiRequest('PUT', brandingPath(accountId), { body: form, schema: brandingSchema });
    },
    onSuccess: () => refresh(),
  });
}

/** The account's own branding goes; it inherits its manager's or the default again. */
export function useResetBranding(accountId: string) {
  const refresh = useRefreshBranding();
  return useMutation({
    mutationFn: () => apiRequest('DELETE', brandingPath(accountId)),
    onSuccess: () => refresh(),
  });
}
