/**
 * `npm run build:web` prints no warnings: a warning (a chunk over 500 kB, an unresolved import, a
 * CSS problem) is either fixed or is a decision, and a decision goes into the config, not into
 * output everyone learns to skip. The test builds the app with vite's own API and the project's
 * config into a temporary folder, and collects every warning and error vite or rolldown reports.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, createLogger, type Logger } from 'vite';
import { expect, it, vi } from 'vitest';

const configFile = path.resolve(import.meta.dirname, '..', 'web', 'vite.config.ts');

it('builds the web app without a warning', async () => {
  const outDir = await mkdtemp(path.join(tmpdir(), 'kvarter-web-build-'));
  const reported: string[] = [];
  const quiet = createLogger('silent');
  const collecting: Logger = {
    ...quiet,
    warn: (message) => reported.push(`warning: ${message}`),
    warnOnce: (message) => reported.push(`warning: ${message}`),
    error: (message) => reported.push(`error: ${message}`),
  };
  // A plugin may also write to the console directly.
  const consoleWarn = vi.spyOn(console, 'warn').mockImplementation((...parts: unknown[]) => void reported.push(`console: ${parts.join(' ')}`));
  const consoleError = vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => void reported.push(`console: ${parts.join(' ')}`));
  try {
    await build({ configFile, customLogger: collecting, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    consoleWarn.mockRestore();
    consoleError.mockRestore();
    await rm(outDir, { recursive: true, force: true });
  }
  expect(reported).toEqual([]);
}, 120_000);
