import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OpsError } from '../ops-context.ts';
import { DECRYPT_FAILED_MESSAGE, DUMP_HEADER_BYTES, DUMP_MAGIC, DUMP_OVERHEAD_BYTES, decryptToFile, encryptToFile } from './dump-encryption.ts';

const passphrase = 'a test passphrase of decent length';

describe('dump encryption (AES-256-GCM, scrypt key)', () => {
  let directory: string;
  let plaintext: Buffer;
  let encrypted: string;

  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'kvarter-dump-crypto-'));
    // Several stream chunks' worth, with a readable marker to look for in the ciphertext.
    plaintext = Buffer.concat([Buffer.from('PGDMP secret-marker alice@example.com '), randomBytes(300_000), Buffer.from(' the end')]);
    encrypted = path.join(directory, 'sample.dump.enc');
    await encryptToFile(Readable.from([plaintext.subarray(0, 1000), plaintext.subarray(1000)]), passphrase, encrypted);
  });

  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  const decrypt = (source: Buffer | string, secret = passphrase) => {
    const target = path.join(directory, `out-${randomBytes(4).toString('hex')}`);
    const stream = typeof source === 'string' ? createReadStream(source) : Readable.from([source]);
    return decryptToFile(stream, secret, target).then(() => target);
  };

  it('writes magic, salt, IV, ciphertext and tag, private to its owner', async () => {
    const file = await readFile(encrypted);
    expect(file.subarray(0, 8).toString('ascii')).toBe('KVDUMP1\n');
    expect(file.length).toBe(plaintext.length + DUMP_OVERHEAD_BYTES);
    expect(DUMP_HEADER_BYTES).toBe(8 + 16 + 12);
    expect(file.includes(Buffer.from('secret-marker'))).toBe(false);
    expect(file.includes(Buffer.from('PGDMP'))).toBe(false);
    expect((await stat(encrypted)).mode & 0o777).toBe(0o600);
  });

  it('uses a fresh salt and IV for every file', async () => {
    const second = path.join(directory, 'second.dump.enc');
    await encryptToFile(Readable.from([plaintext]), passphrase, second);
    const [a, b] = await Promise.all([readFile(encrypted), readFile(second)]);
    expect(a.subarray(8, DUMP_HEADER_BYTES).equals(b.subarray(8, DUMP_HEADER_BYTES))).toBe(false);
    expect(a.subarray(DUMP_HEADER_BYTES, DUMP_HEADER_BYTES + 64).equals(b.subarray(DUMP_HEADER_BYTES, DUMP_HEADER_BYTES + 64))).toBe(false);
  });

  it('decrypts with the right passphrase', async () => {
    const target = await decrypt(encrypted);
    expect((await readFile(target)).equals(plaintext)).toBe(true);
    expect((await stat(target)).mode & 0o777).toBe(0o600);
  });

  it('round-trips an empty input', async () => {
    const empty = path.join(directory, 'empty.dump.enc');
    await encryptToFile(Readable.from([]), passphrase, empty);
    expect((await stat(empty)).size).toBe(DUMP_OVERHEAD_BYTES);
    expect((await readFile(await decrypt(empty))).length).toBe(0);
  });

  it('refuses a wrong passphrase with a clear error and leaves no plaintext behind', async () => {
    const before = new Set(await readdir(directory));
    const error = await decrypt(encrypted, 'another passphrase of decent length').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpsError);
    expect((error as Error).message).toBe(DECRYPT_FAILED_MESSAGE);
    expect((error as Error).message).toBe('The dump cannot be decrypted: wrong passphrase or damaged file');
    expect(new Set(await readdir(directory))).toEqual(before);
  });

  it('refuses a tampered, truncated or extended file', async () => {
    const file = await readFile(encrypted);
    const flipped = Buffer.from(file);
    flipped[DUMP_HEADER_BYTES + 12345] = flipped[DUMP_HEADER_BYTES + 12345]! ^ 0x01;
    const badTag = Buffer.from(file);
    badTag[badTag.length - 1] = badTag[badTag.length - 1]! ^ 0x80;
    const badSalt = Buffer.from(file);
    badSalt[DUMP_MAGIC.length] = badSalt[DUMP_MAGIC.length]! ^ 0x01;
    for (const damaged of [flipped, badTag, badSalt, file.subarray(0, file.length - 1), file.subarray(0, 20), Buffer.concat([file, Buffer.from('x')])]) {
      await expect(decrypt(damaged)).rejects.toThrow(DECRYPT_FAILED_MESSAGE);
    }
  });

  it('says so when the file is not an encrypted dump at all', async () => {
    const plain = path.join(directory, 'plain.dump');
    await writeFile(plain, Buffer.concat([Buffer.from('PGDMP'), randomBytes(100)]));
    await expect(decrypt(plain)).rejects.toThrow(/not an encrypted Kvarter dump/);
  });
});
