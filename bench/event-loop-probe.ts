/**
 * Preloaded into the server process by bench/auth.bench.ts (`node --import tsx --import
 * ./bench/event-loop-probe.ts scripts/start.ts`), so the server's own event-loop delay can be
 * measured without touching server code. On SIGUSR2 it prints one line
 * `KVARTER_BENCH_EVENT_LOOP {"p50":…,"p99":…,"max":…,"mean":…}` (milliseconds, since the
 * previous SIGUSR2) and starts a new histogram. The histogram records the whole interval
 * between two ticks of a 10 ms timer; the figures printed are what exceeds those 10 ms, i.e.
 * how late the event loop came round to the timer.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';

const resolutionMs = 10;
const histogram = monitorEventLoopDelay({ resolution: resolutionMs });
histogram.enable();

process.on('SIGUSR2', () => {
  const toMs = (nanoseconds: number) => Math.max(0, Math.round(nanoseconds / 1e4) / 100 - resolutionMs);
  const summary = { p50: toMs(histogram.percentile(50)), p99: toMs(histogram.percentile(99)), max: toMs(histogram.max), mean: toMs(histogram.mean) };
  process.stdout.write(`KVARTER_BENCH_EVENT_LOOP ${JSON.stringify(summary)}\n`);
  histogram.reset();
});
