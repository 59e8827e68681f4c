import { useMutation } from '@tanstack/react-query';
import type { PasswordResetConfirm, PasswordResetRequest } from '../../../shared/schemas/password-reset.ts';
import { apiRequest } from '../../lib/api/api-client.ts';

/** The server answers the same whether or not the address has an account. */
export function useRequestPasswordReset() {
  return useMutation({ mutationFn: (body: PasswordResetRequest) => apiRequest('POST', '/api/auth/password-reset', { body }) });
}

/** Sets the new password; the server ends every session of the user, this browser's too. */
export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: (body: PasswordResetConfirm) => apiRequest('POST', '/api/auth/password-reset/confirm', { body }) });
}
