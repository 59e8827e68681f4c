import { execFile } from 'node:child_process';
import { statfs } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * A small tmpfs mounted over `directory`: a disk that fills up after `size` (e.g. "1m"). Needs
 * root (the test machine runs tests as root; elsewhere the test fails with mount's message).
 */
export async function mountSmallDisk(directory: string, size: string): Promise<void> {
  try {
    await run('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700`, 'tmpfs', directory]);
  } catch (error) {
    throw new Error(`could not mount a ${size} tmpfs at ${directory} (root is needed): ${(error as { stderr?: string }).stderr ?? String(error)}`);
  }
}

/** Unmounts `directory`; a busy mount is detached lazily so that nothing is left mounted. */
export async function unmountSmallDisk(directory: string): Promise<void> {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      await run('umount', [directory]);
      return;
    } catch (error) {
      if (/not mounted|no mount point/i.test((error as { stderr?: string }).stderr ?? '')) return;
      await sleep(200);
    }
  }
  await run('umount', ['-l', directory]);
}

/** Bytes still free for an unprivileged writer on the file system of `directory`. */
export async function freeBytes(directory: string): Promise<number> {
  const info = await statfs(directory);
  return info.bavail * info.bsize;
}
