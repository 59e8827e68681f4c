import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { accountSettingsSchema, createdAccountSchema, type CreateAccountRequest } from '../../../shared/schemas/account.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { meQueryOptions } from '../auth/session.ts';

/** Another account of the signed-in user; the memberships (the account switcher) are read again. */
export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateAccountRequest) => apiRequest('POST', '/api/accounts', { body, schema: createdAccountSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryOptions.queryKey }),
  });
}

export const accountSettingsKey = (accountId: string) => ['accounts', accountId, 'settings'] as const;

/** The account's settings, its status and its manager: any member may read them, also one refused its data. */
export function useAccountSettings(accountId: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({
    enabled,
    queryKey: accountSettingsKey(accountId),
    queryFn: () => apiRequest('GET', `/api/accounts/${encodeURIComponent(accountId)}`, { schema: accountSettingsSchema }),
  });
}
