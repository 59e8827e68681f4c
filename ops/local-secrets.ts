import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './write-file-atomic.ts';

/**
 * Returns the secret stored in `$dataDir/secrets/<name>`, generating it on first use. Secrets are
 * generated rather than configured so that a fresh install is safe without any setup.
 */
export async function ensureSecret(dataDir: string, name: string, bytes = 32): Promise<string> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(name)) throw new Error(`Invalid secret name "${name}": use lowercase letters, digits and hyphens.`);
  const directory = path.join(path.resolve(dataDir), 'secrets');
  // Two steps, so that only our own directory (not dataDir or its parents) gets mode 700.
  await mkdir(path.dirname(directory), { recursive: true });
  await mkdir(directory, { recursive: true, mode: 0o700 });
  // mkdir leaves an existing directory's mode alone; tighten it in case it was created loosely.
  await chmod(directory, 0o700);
  const file = path.join(directory, name);

  const existing = await readSecret(file);
  if (existing !== undefined) return existing;

  await writeFileAtomic(file, randomBytes(bytes).toString('base64url'), { mode: 0o600, replace: false });
  // Read back rather than return our value: a concurrent first run may have won the race.
  const stored = await readSecret(file);
  if (stored === undefined) throw new Error(`Secret file ${file} is empty.`);
  return stored;
}

async function readSecret(file: string): Promise<string | undefined> {
  try {
    const value = (await readFile(file, 'utf8')).trim();
    if (value === '') throw new Error(`Secret file ${file} is empty; delete it to generate a new secret.`);
    await chmod(file, 0o600);
    return value;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
