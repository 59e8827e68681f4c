import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { meResponseSchema, type MeResponse } from '../../../shared/schemas/auth.ts';
import { apiRequest, forgetCsrfToken, rememberCsrfToken } from '../../lib/api/api-client.ts';
import { ApiError } from '../../lib/api/api-error.ts';
import { adoptDisplayPreferences, displayPreferencesVersion } from '../../lib/display-preferences.ts';

/**
 * The `me` query is the single source of the auth state: data `null` means signed out,
 * a value means signed in with those memberships.
 */
export const meQueryOptions = queryOptions({
  queryKey: ['me'],
  queryFn: fetchMe,
  staleTime: 60_000,
});

async function fetchMe(): Promise<MeResponse | null> {
  const version = displayPreferencesVersion();
  try {
    const me = await apiRequest('GET', '/api/auth/me', { schema: meResponseSchema });
    // The user's display choices come with them: every amount follows, on any device.
    adoptDisplayPreferences(me.displayPreferences, version);
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery(meQueryOptions);
}

/** For screens inside RequireSession, which renders them only once `me` holds a user. */
export function useSession(): MeResponse {
  const { data } = useMe();
  if (!data) throw new Error('useSession is only for screens inside RequireSession');
  return data;
}

/** After signup, sign-in or accepting an invitation: keep the new token and load the new user. */
export async function startSession(queryClient: QueryClient, csrfToken: string): Promise<void> {
  rememberCsrfToken(csrfToken);
  // This tab may have shown another user's data; none of it may survive the change of user.
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== meQueryOptions.queryKey[0] });
  await queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
}

/** The server said the session is gone (expired, or signed out elsewhere). */
export function markSignedOut(queryClient: QueryClient): void {
  forgetCsrfToken();
  queryClient.setQueryData(meQueryOptions.queryKey, null);
}
