import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { markSignedOut } from '../features/auth/session.ts';
import { ApiError } from '../lib/api/api-error.ts';

/**
 * Any request answered "unauthenticated" ends the session in the UI, so RequireSession sends
 * the user to sign in. Only failures that may pass (network, 5xx) are retried.
 */
export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: handleError }),
    mutationCache: new MutationCache({ onError: handleError }),
    defaultOptions: {
      queries: { retry: (failureCount, error) => failureCount < 2 && isTransient(error) },
    },
  });

  function handleError(error: unknown) {
    if (error instanceof ApiError && error.code === 'unauthenticated') markSignedOut(queryClient);
  }

  return queryClient;
}

function isTransient(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'network' || error.status >= 500);
}
