import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { S3Config } from '../server/config.ts';
import { startS3TestServer, type S3TestServer } from '../server/test-support/s3-test-server.ts';
import { createLocalStorage, createS3Storage, ObjectNotFoundError, type ObjectStorage } from './object-storage.ts';

const MIB = 1024 * 1024;

/** The same behaviour is expected of both implementations. */
function storageContract(name: string, makeStorage: () => ObjectStorage, scratch: () => string) {
  describe(`${name}: the ObjectStorage contract`, () => {
    it('puts a file and a stream, gets them back, lists and deletes', async () => {
      const storage = makeStorage();
      const file = path.join(scratch(), `source-${randomBytes(4).toString('hex')}`);
      await writeFile(file, 'contents of a file');
      await storage.put('a.dump.enc', file);
      await storage.put('b.dump.enc', Readable.from([Buffer.from('from a '), Buffer.from('stream')]), 13);
      await storage.put('other/c.txt', Readable.from([Buffer.from('nested')]), 6);

      expect(await text(await storage.get('a.dump.enc'))).toBe('contents of a file');
      expect(await text(await storage.get('b.dump.enc'))).toBe('from a stream');

      const listed = (await storage.list()).sort((x, y) => x.key.localeCompare(y.key));
      expect(listed.map(({ key, size }) => ({ key, size }))).toEqual([
        { key: 'a.dump.enc', size: 18 },
        { key: 'b.dump.enc', size: 13 },
        { key: 'other/c.txt', size: 6 },
      ]);
      for (const object of listed) expect(Math.abs(object.lastModified.getTime() - Date.now())).toBeLessThan(120_000);
      expect((await storage.list('other/')).map((object) => object.key)).toEqual(['other/c.txt']);
      expect((await storage.list('b')).map((object) => object.key)).toEqual(['b.dump.enc']);

      await storage.put('a.dump.enc', Readable.from([Buffer.from('replaced')]), 8);
      expect(await text(await storage.get('a.dump.enc'))).toBe('replaced');

      await storage.delete('a.dump.enc');
      await storage.delete('a.dump.enc'); // deleting what is gone is fine
      await storage.delete('other/c.txt');
      expect((await storage.list()).map((object) => object.key)).toEqual(['b.dump.enc']);
      await expect(storage.get('a.dump.enc')).rejects.toBeInstanceOf(ObjectNotFoundError);
    });

    it('refuses keys that could escape the storage', async () => {
      const storage = makeStorage();
      for (const key of ['../x', '/etc/passwd', 'a/../../x', '.hidden', 'a//b', '']) {
        await expect(storage.put(key, Readable.from([Buffer.from('x')]), 1)).rejects.toThrow(/Invalid storage key/);
      }
    });
  });
}

describe('object storage', () => {
  let scratchDirectory: string;
  let server: S3TestServer;
  let s3Config: S3Config;

  beforeAll(async () => {
    scratchDirectory = await mkdtemp(path.join(tmpdir(), 'kvarter-storage-test-'));
    server = await startS3TestServer();
    s3Config = {
      endpoint: server.endpoint,
      bucket: server.bucket,
      region: 'us-east-1',
      accessKeyId: server.accessKeyId,
      secretAccessKey: server.secretAccessKey,
      caFile: server.caFile,
    };
  });

  afterAll(async () => {
    await server?.stop();
    if (scratchDirectory) await rm(scratchDirectory, { recursive: true, force: true });
  });

  storageContract(
    'local directory',
    () => createLocalStorage(path.join(scratchDirectory, `local-${randomBytes(4).toString('hex')}`)),
    () => scratchDirectory,
  );
  storageContract(
    'S3 over TLS',
    () => createS3Storage(s3Config, { prefix: `test-${randomBytes(4).toString('hex')}/` }),
    () => scratchDirectory,
  );

  describe('local directory', () => {
    it('keeps its directory private and leaves no temporary files', async () => {
      const root = path.join(scratchDirectory, 'backups', 'dumps');
      const storage = createLocalStorage(root);
      await storage.put('x.dump.enc', Readable.from([Buffer.from('secret')]), 6);
      expect((await stat(root)).mode & 0o777).toBe(0o700);
      expect((await stat(path.join(root, 'x.dump.enc'))).mode & 0o777).toBe(0o600);
      expect(await readdir(root)).toEqual(['x.dump.enc']);
      expect(storage.where('x.dump.enc')).toBe(path.join(root, 'x.dump.enc'));
    });

    it('keeps the old object when a put fails halfway', async () => {
      const root = path.join(scratchDirectory, 'failing');
      const storage = createLocalStorage(root);
      await storage.put('x.dump.enc', Readable.from([Buffer.from('old')]), 3);
      const broken = new Readable({
        read() {
          this.push(Buffer.from('partial new content'));
          this.destroy(new Error('connection lost'));
        },
      });
      await expect(storage.put('x.dump.enc', broken)).rejects.toThrow('connection lost');
      await expect(storage.put('x.dump.enc', Readable.from([Buffer.from('short')]), 99)).rejects.toThrow(/expected 99/);
      expect(await readFile(path.join(root, 'x.dump.enc'), 'utf8')).toBe('old');
      expect(await readdir(root)).toEqual(['x.dump.enc']);
    });

    it('lists nothing before the first put', async () => {
      expect(await createLocalStorage(path.join(scratchDirectory, 'never-used')).list()).toEqual([]);
    });
  });

  describe('S3', () => {
    it('keeps keys under its prefix and describes where objects are', async () => {
      const storage = createS3Storage(s3Config, { prefix: 'dumps/' });
      const root = createS3Storage(s3Config);
      await storage.put('k.dump.enc', Readable.from([Buffer.from('k')]), 1);
      expect((await root.list('dumps/')).map((object) => object.key)).toContain('dumps/k.dump.enc');
      expect(storage.where('k.dump.enc')).toBe(`s3://${server.bucket}/dumps/k.dump.enc (${server.endpoint})`);
    });

    it('pages through long listings', async () => {
      const storage = createS3Storage(s3Config, { prefix: 'paged/', listPageSize: 2 });
      for (const name of ['1', '2', '3', '4', '5']) await storage.put(name, Readable.from([Buffer.from(name)]), 1);
      expect((await storage.list()).map((object) => object.key).sort()).toEqual(['1', '2', '3', '4', '5']);
    });

    it('uploads large files in parts', async () => {
      const storage = createS3Storage(s3Config, { prefix: 'multipart/', multipartThresholdBytes: 6 * MIB, partSizeBytes: 5 * MIB });
      const file = path.join(scratchDirectory, 'large');
      const contents = randomBytes(12 * MIB + 3);
      await writeFile(file, contents);
      await storage.put('large.dump.enc', file);
      const back = Buffer.concat(await (await storage.get('large.dump.enc')).toArray());
      expect(back.equals(contents)).toBe(true);
      expect(await storage.list()).toMatchObject([{ key: 'large.dump.enc', size: contents.length }]);
    });

    it('verifies the server certificate: an unknown CA is refused', async () => {
      const untrusting = createS3Storage({ ...s3Config, caFile: undefined });
      await expect(untrusting.list()).rejects.toThrow(/certificate|UNABLE_TO_VERIFY/i);
    });

    it('refuses an endpoint with a scheme (always HTTPS)', () => {
      expect(() => createS3Storage({ ...s3Config, endpoint: `http://${server.endpoint}` })).toThrow(/HTTPS is always used/);
    });

    it('says which object is missing', async () => {
      const storage = createS3Storage(s3Config, { prefix: 'dumps/' });
      await expect(storage.get('missing.dump.enc')).rejects.toThrow(/There is no object "missing\.dump\.enc" in s3:\/\//);
    });
  });
});
