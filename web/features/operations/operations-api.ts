import { useQuery } from '@tanstack/react-query';
import { backupStatusSchema } from '../../../shared/schemas/operations.ts';
import { apiRequest } from '../../lib/api/api-client.ts';
import { ApiError } from '../../lib/api/api-error.ts';

/** The status changes with every backup, archived WAL file and drill, so the page polls it. */
export const backupStatusRefreshMs = 60_000;
/** A new installation's first runs take minutes: show each as it finishes. */
export const pendingBackupStatusRefreshMs = 10_000;

/** The installation's backup status (operators only; anyone else gets 403). */
export function useBackupStatus() {
  return useQuery({
    queryKey: ['ops', 'status'],
    queryFn: () => apiRequest('GET', '/api/ops/status', { schema: backupStatusSchema }),
    // A refusal will not change by asking again every minute; anything else may pass.
    refetchInterval: (query) => {
      if (isForbidden(query.state.error)) return false;
      return query.state.data?.overall === 'pending' ? pendingBackupStatusRefreshMs : backupStatusRefreshMs;
    },
  });
}

export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'forbidden';
}
