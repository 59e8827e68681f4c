import { useMutation, useQueryClient } from '@tanstack/react-query';
import { accountSettingsSchema, type UpdateAccountRequest } from '../../../shared/schemas/account.ts';
import { signedInResponseSchema } from '../../../shared/schemas/auth.ts';
import {
  enableTotpResponseSchema,
  totpSetupResponseSchema,
  type DisableTotpRequest,
  type EnableTotpRequest,
  type SecondFactorRequest,
} from '../../../shared/schemas/two-factor.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { meQueryOptions, startSession } from '../auth/session.ts';
import { accountSettingsKey } from '../accounts/accounts-api.ts';

const refreshMe = (queryClient: ReturnType<typeof useQueryClient>) => queryClient.invalidateQueries({ queryKey: meQueryOptions.queryKey });

export function useStartTotpSetup() {
  return useMutation({ mutationFn: () => apiRequest('POST', '/api/auth/totp/setup', { schema: totpSetupResponseSchema }) });
}

export function useEnableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EnableTotpRequest) => apiRequest('POST', '/api/auth/totp/enable', { body, schema: enableTotpResponseSchema }),
    onSuccess: () => refreshMe(queryClient),
  });
}

export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DisableTotpRequest) => apiRequest('POST', '/api/auth/totp/disable', { body }),
    onSuccess: () => refreshMe(queryClient),
  });
}

/** The sign-in's second step; on success the session starts as after a password alone. */
export function useFinishSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SecondFactorRequest) => apiRequest('POST', '/api/auth/login/second-factor', { body, schema: signedInResponseSchema }),
    onSuccess: (response) => startSession(queryClient, response.csrfToken),
  });
}

export function useUpdateAccountSettings(accountId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateAccountRequest) => apiRequest('PATCH', `/api/accounts/${accountId}`, { body, schema: accountSettingsSchema }),
    onSuccess: (settings) => queryClient.setQueryData(accountSettingsKey(accountId), settings),
  });
}
