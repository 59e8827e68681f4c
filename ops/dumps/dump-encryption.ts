import { createCipheriv, createDecipheriv, randomBytes, scrypt, type BinaryLike, type DecipherGCM, type ScryptOptions } from 'node:crypto';
import { rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { writeStreamToNewFile } from '../object-storage.ts';
import { OpsError } from '../ops-context.ts';

/**
 * Encrypted dump file format (all lengths in bytes):
 *
 *   "KVDUMP1\n" (8) | scrypt salt (16) | AES-GCM IV (12) | ciphertext (= plaintext length) | GCM tag (16)
 *
 * The key is scrypt(passphrase, salt, 32 bytes, N = 2^15, r = 8, p = 1); a fresh salt and IV per
 * file, so no key/IV pair is ever reused. The tag at the end authenticates the whole ciphertext,
 * which is why decryption only hands over plaintext once the last byte has been checked.
 */
export const DUMP_MAGIC = Buffer.from('KVDUMP1\n', 'ascii');
const SALT_BYTES = 16;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_BYTES = 32;
export const DUMP_HEADER_BYTES = DUMP_MAGIC.length + SALT_BYTES + IV_BYTES;
/** Bytes an encrypted file has beyond its plaintext. */
export const DUMP_OVERHEAD_BYTES = DUMP_HEADER_BYTES + TAG_BYTES;

const SCRYPT: ScryptOptions = {
  N: 2 ** 15,
  r: 8,
  p: 1,
  // scrypt needs 128 * N * r bytes (32 MiB here); Node's default limit is exactly 32 MiB, too tight.
  maxmem: 64 * 1024 * 1024,
};

export const DECRYPT_FAILED_MESSAGE = 'The dump cannot be decrypted: wrong passphrase or damaged file';

function deriveKey(passphrase: string, salt: Buffer): Promise<Buffer> {
  if (passphrase.length === 0) throw new OpsError('The backup passphrase is empty.');
  return new Promise((resolve, reject) => {
    scrypt(passphrase as BinaryLike, salt, KEY_BYTES, SCRYPT, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** A stream that turns plaintext into the encrypted dump format above. */
export async function createEncryptStream(passphrase: string): Promise<Transform> {
  const salt = randomBytes(SALT_BYTES);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', await deriveKey(passphrase, salt), iv);
  let headerSent = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      if (!headerSent) {
        this.push(Buffer.concat([DUMP_MAGIC, salt, iv]));
        headerSent = true;
      }
      callback(null, cipher.update(chunk));
    },
    flush(callback: TransformCallback) {
      if (!headerSent) this.push(Buffer.concat([DUMP_MAGIC, salt, iv]));
      const rest = cipher.final();
      if (rest.length > 0) this.push(rest);
      callback(null, cipher.getAuthTag());
    },
  });
}

/**
 * A stream that decrypts the dump format. It necessarily emits plaintext before the tag at the
 * end has been checked, and fails at the end if the tag is wrong: write its output only to a
 * private temporary file and use it after the stream finished cleanly (see decryptToFile).
 */
function createUnverifiedDecryptStream(passphrase: string): Transform {
  let header = Buffer.alloc(0);
  let decipher: DecipherGCM | undefined;
  // The last TAG_BYTES seen so far may be the tag, so they are held back until more arrives.
  let tail = Buffer.alloc(0);

  const damaged = () => new OpsError(DECRYPT_FAILED_MESSAGE);

  return new Transform({
    transform(chunk: Buffer, _encoding, callback: TransformCallback) {
      (async () => {
        let data = chunk;
        if (!decipher) {
          header = Buffer.concat([header, data]);
          if (header.length < DUMP_HEADER_BYTES) return;
          if (!header.subarray(0, DUMP_MAGIC.length).equals(DUMP_MAGIC)) {
            throw new OpsError('This is not an encrypted Kvarter dump (it does not start with KVDUMP1).');
          }
          const salt = header.subarray(DUMP_MAGIC.length, DUMP_MAGIC.length + SALT_BYTES);
          const iv = header.subarray(DUMP_MAGIC.length + SALT_BYTES, DUMP_HEADER_BYTES);
          decipher = createDecipheriv('aes-256-gcm', await deriveKey(passphrase, Buffer.from(salt)), Buffer.from(iv));
          data = header.subarray(DUMP_HEADER_BYTES);
        }
        const buffered = Buffer.concat([tail, data]);
        const ready = Math.max(0, buffered.length - TAG_BYTES);
        tail = buffered.subarray(ready);
        if (ready > 0) this.push(decipher.update(buffered.subarray(0, ready)));
      })().then(
        () => callback(),
        (error: unknown) => callback(error as Error),
      );
    },
    flush(callback: TransformCallback) {
      if (!decipher || tail.length < TAG_BYTES) {
        callback(damaged());
        return;
      }
      try {
        decipher.setAuthTag(tail);
        callback(null, decipher.final());
      } catch {
        callback(damaged());
      }
    },
  });
}

/**
 * Encrypts `source` into `target` (mode 600, must not exist); returns the encrypted size.
 * Not for a child process's stdout: the key derivation takes a moment, and Node drops a child's
 * unread output when it exits; create the stream with createEncryptStream before the child.
 */
export async function encryptToFile(source: Readable, passphrase: string, target: string): Promise<number> {
  const encrypt = await createEncryptStream(passphrase);
  try {
    return await writeStreamToNewFile(target, source, encrypt);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await unlink(target).catch(() => {});
    throw error;
  }
}

/**
 * Decrypts `source` into `target` (mode 600). The plaintext goes to a temporary
 * file beside `target` and is renamed to `target` only after the authentication tag has been
 * verified, so `target` never holds unauthenticated data. Throws OpsError(DECRYPT_FAILED_MESSAGE)
 * for a wrong passphrase, a truncated or a tampered file.
 */
export async function decryptToFile(source: Readable, passphrase: string, target: string): Promise<void> {
  const temporary = path.join(path.dirname(target), `.${path.basename(target)}.${randomBytes(6).toString('hex')}.unverified`);
  try {
    await writeStreamToNewFile(temporary, source, createUnverifiedDecryptStream(passphrase));
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw error;
  }
}
