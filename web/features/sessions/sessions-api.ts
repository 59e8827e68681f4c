import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { sessionListSchema } from '../../../shared/schemas/sessions.ts';
import { apiRequest } from '../../lib/api/api-client.ts';

const sessionsKey = ['auth', 'sessions'] as const;

export function useSessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: () => apiRequest('GET', '/api/auth/sessions', { schema: sessionListSchema }) });
}

/** Ends the given sessions (never this one: that is the user menu's sign-out), one request each. */
export function useEndSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (ids: string[]) => {
      for (const id of ids) await apiRequest('DELETE', `/api/auth/sessions/${encodeURIComponent(id)}`);
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: sessionsKey }),
  });
}
