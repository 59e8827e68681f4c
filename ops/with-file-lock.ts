import { spawn } from 'node:child_process';
import { once } from 'node:events';

/**
 * Takes an exclusive flock(2) on `lockFile` and resolves with the function that releases it. The
 * lock is held by a small `flock` child process rather than a pid file: the kernel releases it when
 * that process ends, so a crashed or interrupted run never leaves a stale lock behind (and reused
 * pids after a container restart cannot fool it).
 */
export async function acquireFileLock(lockFile: string, timeoutSeconds = 120): Promise<() => Promise<void>> {
  const holder = spawn('flock', ['--exclusive', '--timeout', String(timeoutSeconds), lockFile, 'sh', '-c', 'echo locked && exec cat'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  holder.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  await new Promise<void>((resolve, reject) => {
    holder.stdout.once('data', () => resolve());
    holder.once('error', (error) => reject(new Error(`Could not run flock for ${lockFile}: ${error.message}`)));
    holder.once('exit', (code) =>
      reject(new Error(`Could not lock ${lockFile} within ${timeoutSeconds} s (flock exit ${code}): ${stderr.trim() || 'another Kvarter process holds it'}`)),
    );
  });
  return async () => {
    // Closing stdin ends `cat`, which closes the locked descriptor.
    const exited = holder.exitCode === null ? once(holder, 'exit') : Promise.resolve();
    holder.stdin.end();
    await exited;
  };
}

/**
 * Runs `action` while holding the lock of `lockFile`, so that parallel test workers or a second
 * `npm start` do not initialise or start the same cluster twice.
 */
export async function withFileLock<T>(lockFile: string, action: () => Promise<T>, timeoutSeconds = 120): Promise<T> {
  const release = await acquireFileLock(lockFile, timeoutSeconds);
  try {
    return await action();
  } finally {
    await release();
  }
}
