import { execFile } from 'node:child_process';

export interface RunOptions {
  cwd?: string;
  /** Allowed exit codes besides 0; callers that probe state (pg_ctl status) need them. */
  okExitCodes?: number[];
}

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Runs a program without a shell, so paths with spaces or quotes cannot be misread. */
export function runCommand(file: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { cwd: options.cwd, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const exitCode = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      if (exitCode === 0 || options.okExitCodes?.includes(exitCode)) {
        resolve({ exitCode, stdout, stderr });
        return;
      }
      const detail = stderr.trim() || stdout.trim() || (error?.message ?? '');
      reject(new Error(`${file} ${args.join(' ')} failed (exit ${exitCode}): ${detail}`));
    });
  });
}
