import { open } from 'node:fs/promises';

/**
 * Flushes a directory to disk after a rename into it (an attachment stored on disk, a dump in a
 * local directory): without it a power cut can undo the rename on some file systems.
 */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems do not support fsync on directories; the rename is still atomic.
  } finally {
    await handle.close();
  }
}
