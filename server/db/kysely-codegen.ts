import { execFile } from 'node:child_process';
import path from 'node:path';

/**
 * Runs kysely-codegen (settings in .kysely-codegenrc.json) against a migrated database over TLS
 * verify-full; `verify` only compares with server/db/generated-types.ts instead of writing it.
 */
export function runKyselyCodegen(databaseUrl: string, caFile: string, mode: 'write' | 'verify'): Promise<{ exitCode: number; output: string }> {
  const url = new URL(databaseUrl);
  url.searchParams.set('sslmode', 'verify-full');
  url.searchParams.set('sslrootcert', caFile);
  const root = path.resolve(import.meta.dirname, '../..');
  const bin = path.join(root, 'node_modules', '.bin', 'kysely-codegen');
  const args = ['--url', url.toString(), ...(mode === 'verify' ? ['--verify'] : [])];
  return new Promise((resolve) => {
    // Under this process's Node.js, not whichever `node` its `#!/usr/bin/env node` line finds on PATH.
    execFile(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ exitCode: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}
