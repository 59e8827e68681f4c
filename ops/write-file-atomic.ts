import { randomBytes } from 'node:crypto';
import { chmod, link, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';

export interface WriteFileAtomicOptions {
  mode: number;
  /** false: keep an existing file (create-once); true: replace it. */
  replace: boolean;
}

/**
 * Writes beside the target and then renames (or links) it into place, so readers never see a half
 * written file and a crash leaves either the old or the new content. Returns false when
 * `replace` is false and the file already existed.
 */
export async function writeFileAtomic(file: string, contents: string | Buffer, options: WriteFileAtomicOptions): Promise<boolean> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  await writeFile(temporary, contents, { mode: options.mode, flag: 'wx' });
  try {
    // The umask may have narrowed the mode given to open(); chmod sets it exactly.
    await chmod(temporary, options.mode);
    if (options.replace) {
      await rename(temporary, file);
      return true;
    }
    // link() fails when the target exists, which makes concurrent first runs agree on one value.
    await link(temporary, file);
    return true;
  } catch (error) {
    if (!options.replace && (error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temporary).catch(() => {});
  }
}
