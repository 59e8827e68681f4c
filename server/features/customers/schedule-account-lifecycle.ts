import type { Deps } from '../../deps.ts';
import { runAccountLifecycle } from '../../infrastructure/account-lifecycle/run-account-lifecycle.ts';
import { scheduleRepeatingJob } from '../../infrastructure/schedule-repeating-job.ts';

/**
 * Runs the account-lifecycle job hourly in the server, beside the trash purge; `npm run ops --
 * run-job account-lifecycle` runs the same job at once (docs/decisions/0042-account-lifecycle.md).
 * Returns the function that stops it.
 */
export function scheduleAccountLifecycle(deps: Pick<Deps, 'db' | 'mailer' | 'config' | 'log'>, intervalMs?: number): () => void {
  return scheduleRepeatingJob({
    name: 'account lifecycle',
    log: deps.log,
    intervalMs,
    async run() {
      const report = await runAccountLifecycle(deps.db, deps.mailer, { retentionDays: deps.config.inactiveAccountRetentionDays, now: new Date() });
      for (const warning of report.warnings) {
        deps.log.info(
          { customerId: warning.customerId, deletesAt: warning.deletesAt, daysBefore: warning.daysBefore },
          'warned the manager of an inactive customer account',
        );
      }
      for (const deletion of report.deletions) {
        deps.log.info({ customerId: deletion.customerId, managerId: deletion.managerId }, 'deleted an inactive customer account');
      }
      for (const failure of report.failures) {
        deps.log.warn({ err: failure.error, customerId: failure.customerId }, 'the account lifecycle of a customer failed; it runs again later');
      }
    },
  });
}
