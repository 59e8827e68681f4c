import { useMutation, useQueryClient } from '@tanstack/react-query';
import { createdAccountSchema, type CreateAccountRequest } from '../../../shared/schemas/account.ts';
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
