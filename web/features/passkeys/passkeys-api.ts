import {
  startAuthentication,
  startRegistration,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/browser';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { signedInResponseSchema } from '../../../shared/schemas/auth.ts';
import { passkeyListSchema, passkeyOptionsResponseSchema, passkeySchema, passkeySignInOptionsResponseSchema } from '../../../shared/schemas/passkey.ts';
import { apiRequest, rememberCsrfToken } from '../../lib/api/api-client.ts';
import { meQueryOptions, startSession } from '../auth/session.ts';

const passkeysKey = ['passkeys'] as const;

// The server makes the options with @simplewebauthn/server for this library; the shared schema
// checks only their challenge and passes the rest through unchanged.
const asCreationOptions = (options: { challenge: string }) => options as unknown as PublicKeyCredentialCreationOptionsJSON;
const asRequestOptions = (options: { challenge: string }) => options as unknown as PublicKeyCredentialRequestOptionsJSON;

export function usePasskeys() {
  return useQuery({ queryKey: passkeysKey, queryFn: () => apiRequest('GET', '/api/auth/passkeys', { schema: passkeyListSchema }) });
}

/** Options from the server → the browser's prompt → the named credential stored. */
export function useAddPasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (name: string) => {
      const { options } = await apiRequest('POST', '/api/auth/passkeys/registration/options', { schema: passkeyOptionsResponseSchema });
      const response = await startRegistration({ optionsJSON: asCreationOptions(options) });
      return apiRequest('POST', '/api/auth/passkeys/registration/verify', { body: { name, response }, schema: passkeySchema });
    },
    onSuccess: () => refresh(queryClient),
  });
}

export function useRemovePasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiRequest('DELETE', `/api/auth/passkeys/${id}`),
    onSuccess: () => refresh(queryClient),
  });
}

/** Signing in without a password: any passkey the browser holds for this site. */
export function useSignInWithPasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const { options, csrfToken } = await apiRequest('POST', '/api/auth/passkeys/sign-in/options', { schema: passkeySignInOptionsResponseSchema });
      // The options may have started the session that holds the challenge; its token goes with the answer.
      rememberCsrfToken(csrfToken);
      const response = await startAuthentication({ optionsJSON: asRequestOptions(options) });
      return apiRequest('POST', '/api/auth/passkeys/sign-in/verify', { body: { response }, schema: signedInResponseSchema });
    },
    onSuccess: (signedIn) => startSession(queryClient, signedIn.csrfToken),
  });
}

/** The sign-in's second step answered with one of the user's passkeys. */
export function useFinishSignInWithPasskey() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async () => {
      const { options } = await apiRequest('POST', '/api/auth/passkeys/second-factor/options', { schema: passkeyOptionsResponseSchema });
      const response = await startAuthentication({ optionsJSON: asRequestOptions(options) });
      return apiRequest('POST', '/api/auth/passkeys/second-factor/verify', { body: { response }, schema: signedInResponseSchema });
    },
    onSuccess: (signedIn) => startSession(queryClient, signedIn.csrfToken),
  });
}

function refresh(queryClient: ReturnType<typeof useQueryClient>) {
  return Promise.all([queryClient.invalidateQueries({ queryKey: passkeysKey }), queryClient.invalidateQueries({ queryKey: meQueryOptions.queryKey })]);
}
