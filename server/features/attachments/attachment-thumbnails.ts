import { randomUUID } from 'node:crypto';
import { mkdir, open, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { FastifyBaseLogger } from 'fastify';
import type { PhotoContentType } from '../../../shared/schemas/attachment.ts';
import { StoredFileMissingError, thumbnailKeyOf, type AttachmentStorage } from './attachment-storage.ts';
import { makeThumbnail } from './make-thumbnail.ts';

/**
 * Thumbnails of photo attachments (decision 0023): made from the photo on the first request, kept
 * in the attachment storage beside the photo (`thumbnailKeyOf`), and read from there ever after.
 */
export interface AttachmentThumbnails {
  /**
   * The thumbnail of the photo stored under `storageKey`, made now if it has not been; undefined
   * when the photo cannot be decoded (damaged, or too many pixels). Throws StoredFileMissingError
   * when the photo itself is missing.
   */
  open(storageKey: string, contentType: PhotoContentType): Promise<Buffer | Readable | undefined>;
}

/**
 * At most `maxMaking` thumbnails are made at once by this process (each holds the photo and its
 * decoded pixels in memory, and sharp's work occupies libuv's threads, which file and crypto
 * work share); a photo requested again while its thumbnail is being made waits for that one.
 */
export function createAttachmentThumbnails(storage: AttachmentStorage, log: FastifyBaseLogger, maxMaking = 2): AttachmentThumbnails {
  const making = new Map<string, Promise<Buffer | undefined>>();
  const inTurn = createTurns(maxMaking);

  async function make(storageKey: string, contentType: PhotoContentType): Promise<Buffer | undefined> {
    const photo = await buffer(await storage.open(storageKey));
    let thumbnail: Buffer;
    try {
      thumbnail = await makeThumbnail(photo, contentType);
    } catch (error) {
      // The photo's fault, not ours: it is answered with a 404 and tried again on the next request.
      log.warn({ err: error, storageKey }, 'no thumbnail can be made of this photo');
      return undefined;
    }
    try {
      await storage.store(thumbnailKeyOf(storageKey), await writeReceivedFile(storage.incomingDirectory, thumbnail), thumbnail.length);
    } catch (error) {
      // A thumbnail can always be made again, so a full disk or an unreachable bucket costs only that.
      log.warn({ err: error, storageKey }, 'a thumbnail could not be kept; it is made again on the next request');
    }
    return thumbnail;
  }

  return {
    async open(storageKey, contentType) {
      try {
        return await storage.open(thumbnailKeyOf(storageKey));
      } catch (error) {
        if (!(error instanceof StoredFileMissingError)) throw error;
      }
      let pending = making.get(storageKey);
      if (!pending) {
        pending = inTurn(() => make(storageKey, contentType)).finally(() => making.delete(storageKey));
        making.set(storageKey, pending);
      }
      return pending;
    },
  };
}

/**
 * Writes bytes to a new file in the incoming directory, flushed to disk, for `storage.store` to
 * move into place. Named like a received upload, so the orphan sweep removes it if a crash leaves it.
 */
async function writeReceivedFile(directory: string, bytes: Buffer): Promise<string> {
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const file = path.join(directory, `${randomUUID()}.upload`);
  const handle = await open(file, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await unlink(file).catch(() => {});
    throw error;
  } finally {
    await handle.close();
  }
  return file;
}

/** Runs tasks with at most `limit` of them at once; the others wait for their turn, first come first served. */
function createTurns(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}
