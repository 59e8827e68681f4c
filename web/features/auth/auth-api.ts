import { useMutation, useQueryClient } from '@tanstack/react-query';
import { loginResponseSchema, signupResponseSchema, type ChangePasswordRequest, type LoginRequest, type SignupRequest } from '../../../shared/schemas/auth.ts';
import { apiRequest, rememberCsrfToken } from '../../lib/api/api-client.ts';
import { ApiError } from '../../lib/api/api-error.ts';
import { startSession } from './session.ts';

/** A user with a second factor is not signed in yet: the token is the pending sign-in's, for the second step. */
export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => apiRequest('POST', '/api/auth/login', { body, schema: loginResponseSchema }),
    onSuccess: (response) => ('twoFactorRequired' in response ? rememberCsrfToken(response.csrfToken) : startSession(queryClient, response.csrfToken)),
  });
}

export function useSignUp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SignupRequest) => apiRequest('POST', '/api/auth/signup', { body, schema: signupResponseSchema }),
    onSuccess: (response) => startSession(queryClient, response.csrfToken),
  });
}

export function useSignOut() {
  return useMutation({
    mutationFn: async () => {
      try {
        await apiRequest('POST', '/api/auth/logout');
      } catch (error) {
        // Already signed out (expired session): the goal is reached.
        if (!(error instanceof ApiError && error.status === 401)) throw error;
      }
    },
    onSuccess: () => {
      // A full page load drops every cached response and the CSRF token of the signed-out user,
      // so nothing of theirs stays in this tab's memory.
      window.location.assign('/signin');
    },
  });
}

/** The server keeps this session and signs out every other one. */
export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => apiRequest('POST', '/api/auth/password', { body }),
  });
}
