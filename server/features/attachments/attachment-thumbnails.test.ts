import { randomUUID } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePhotos } from '../../test-support/sample-photos.ts';
import { storageKeyOf, thumbnailKeyOf, type AttachmentStorage } from './attachment-storage.ts';
import { createAttachmentThumbnails } from './attachment-thumbnails.ts';
import { createDiskAttachmentStorage } from './disk-attachment-storage.ts';
import { asAccountId } from '../../db/account-id.ts';

let root: string;
let storage: AttachmentStorage;
/** The keys `store` was called with, in order. */
let stored: string[];

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'kvarter-thumbnails-unit-'));
  const disk = createDiskAttachmentStorage(root, path.join(root, '.incoming'));
  stored = [];
  storage = {
    ...disk,
    async store(key, file, sizeBytes) {
      stored.push(key);
      await disk.store(key, file, sizeBytes);
    },
  };
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function storePhoto(photo: Buffer): Promise<string> {
  const key = storageKeyOf(asAccountId(randomUUID()), randomUUID());
  const file = path.join(root, `${randomUUID()}.photo`);
  await writeFile(file, photo);
  await storage.store(key, file, photo.length);
  return key;
}

describe('createAttachmentThumbnails', () => {
  it('makes a thumbnail once however many ask for it at the same time, then reads the kept one', async () => {
    const key = await storePhoto((await samplePhotos()).heic);
    const thumbnails = createAttachmentThumbnails(storage, pino({ level: 'silent' }));
    stored.length = 0;
    const answers = await Promise.all(Array.from({ length: 5 }, () => thumbnails.open(key, 'image/heic')));
    expect(stored).toEqual([thumbnailKeyOf(key)]);
    const bytes = await Promise.all(answers.map((answer) => (Buffer.isBuffer(answer) ? answer : buffer(answer!))));
    for (const each of bytes) expect(each).toEqual(bytes[0]);

    const later = await thumbnails.open(key, 'image/heic');
    expect(Buffer.isBuffer(later)).toBe(false);
    expect(await buffer(later as NodeJS.ReadableStream)).toEqual(bytes[0]);
    expect(stored).toEqual([thumbnailKeyOf(key)]);
  });

  it('keeps nothing, and answers undefined, for a photo that cannot be decoded', async () => {
    const key = await storePhoto(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(300, 7)]));
    stored.length = 0;
    expect(await createAttachmentThumbnails(storage, pino({ level: 'silent' })).open(key, 'image/jpeg')).toBeUndefined();
    expect(stored).toEqual([]);
  });
});
