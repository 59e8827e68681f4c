import type { FastifyBaseLogger } from 'fastify';

/**
 * Runs `run` every `intervalMs` (an hour by default) until the returned function is called, for
 * the server's housekeeping jobs (the trash purge, the account lifecycle). A run still going when
 * the next is due is not overlapped; a failed run is logged and tried again at the next interval.
 * The jobs are idempotent and safe across instances, so every instance runs its own timer.
 */
export function scheduleRepeatingJob(job: { name: string; run: () => Promise<void>; log: FastifyBaseLogger; intervalMs?: number }): () => void {
  let running = false;
  const timer = setInterval(
    () => {
      if (running) return;
      running = true;
      job
        .run()
        .catch((error: unknown) => job.log.warn({ err: error }, `the ${job.name} failed; it runs again later`))
        .finally(() => {
          running = false;
        });
    },
    job.intervalMs ?? 60 * 60 * 1000,
  );
  // A housekeeping job must not keep a stopping process alive.
  timer.unref();
  return () => clearInterval(timer);
}
