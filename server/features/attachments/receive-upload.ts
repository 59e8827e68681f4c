import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { attachmentFileField, type AttachmentContentType } from '../../../shared/schemas/attachment.ts';
import type { ValidationMessageKey } from '../../../shared/i18n/validation-messages.ts';
import { AppError, validationError } from '../../http/app-error.ts';
import { sanitiseFileName } from './attachment-file-name.ts';
import { detectAttachmentType, sniffLength } from './detect-attachment-type.ts';

/** A file received in full into a local temporary file, checked, ready to be stored. */
export interface ReceivedFile {
  path: string;
  fileName: string;
  contentType: AttachmentContentType;
  sizeBytes: number;
}

const messages: Record<string, string> = {
  'attachment.required': 'Send the file in a multipart/form-data part named "file"',
  'attachment.too_many': 'Send one file per request',
  'attachment.unexpected_field': 'Send only the file, in a part named "file"',
  'attachment.empty': 'The file is empty',
  'attachment.too_large': 'The file is larger than allowed',
  'attachment.type_not_allowed': 'Only JPEG, PNG, WebP, HEIC and PDF files can be attached',
};

function fileError(key: ValidationMessageKey): AppError {
  return validationError({ [attachmentFileField]: key }, messages[key]);
}

/**
 * Reads a multipart/form-data body with exactly one part, a file named `file`, into a new file in
 * `directory`, counting its bytes and checking its type from its first bytes on the way. Anything
 * else — no file, a second file, another field, an empty, oversized or disallowed file — is a 400 on
 * `file`, with the temporary file removed. A refused file is still read to its end (busboy stops
 * at `maxBytes + 1`), so that the client gets the answer instead of a reset connection.
 */
export async function receiveUpload(request: FastifyRequest, directory: string, maxBytes: number): Promise<ReceivedFile> {
  if (!request.isMultipart()) {
    throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data, in one part named "file".');
  }
  await mkdir(directory, { recursive: true, mode: 0o700 });
  const temporary = path.join(directory, `${randomUUID()}.upload`);
  let received: ReceivedFile | undefined;
  try {
    const parts = request.parts({ limits: { files: 1, fields: 0, fileSize: maxBytes + 1 } });
    for await (const part of parts) {
      if (part.type !== 'file' || part.fieldname !== attachmentFileField) {
        if (part.type === 'file') await drain(part.file);
        throw fileError('attachment.unexpected_field');
      }
      const inspector = new UploadInspector(maxBytes);
      await pipeline(part.file, inspector, createWriteStream(temporary, { flags: 'wx', mode: 0o600 }));
      const failure = inspector.failure ?? (inspector.sizeBytes === 0 ? 'attachment.empty' : undefined);
      if (failure) throw fileError(failure);
      if (!inspector.contentType) throw fileError('attachment.type_not_allowed');
      received = { path: temporary, fileName: sanitiseFileName(part.filename), contentType: inspector.contentType, sizeBytes: inspector.sizeBytes };
    }
    if (!received) throw fileError('attachment.required');
    await flushToDisk(temporary);
    return received;
  } catch (error) {
    await unlink(temporary).catch(() => {});
    throw toUploadError(error);
  }
}

/** The plugin's limit errors (413/406 by default) become the 400 on `file` that the API promises. */
function toUploadError(error: unknown): unknown {
  const code = (error as { code?: string } | undefined)?.code;
  switch (code) {
    case 'FST_FILES_LIMIT':
    case 'FST_PARTS_LIMIT':
      return fileError('attachment.too_many');
    case 'FST_FIELDS_LIMIT':
    case 'FST_PROTO_VIOLATION':
    case 'FST_INVALID_JSON_FIELD_ERROR':
      return fileError('attachment.unexpected_field');
    case 'FST_REQ_FILE_TOO_LARGE':
      return fileError('attachment.too_large');
  }
  if (error instanceof AppError) return error;
  // The disk (full, no permission…) is our problem: logged as a 500.
  if (isSystemError(error)) return error;
  // Anything else comes from parsing what the client sent (no or a 300-character boundary, a part
  // cut short, a client that went away): busboy throws plain errors for all of them.
  return new AppError('validation', 'Malformed multipart/form-data body', { [attachmentFileField]: 'attachment.required' });
}

function isSystemError(error: unknown): boolean {
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  return typeof syscall === 'string' || (typeof code === 'string' && /^E[A-Z]+$/.test(code));
}

/**
 * Passes bytes through while counting them and detecting the type from the first `sniffLength`
 * bytes; once the file is known to be refused it swallows the rest, so nothing more is written.
 */
class UploadInspector extends Transform {
  sizeBytes = 0;
  contentType: AttachmentContentType | undefined;
  failure: ValidationMessageKey | undefined;
  private head: Buffer[] = [];
  private headLength = 0;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.sizeBytes += chunk.length;
    if (this.failure) return callback();
    if (this.sizeBytes > this.maxBytes) {
      this.failure = 'attachment.too_large';
      return callback();
    }
    if (this.contentType) return callback(null, chunk);
    this.head.push(chunk);
    this.headLength += chunk.length;
    if (this.headLength >= sniffLength) this.decide();
    callback();
  }

  override _flush(callback: TransformCallback): void {
    if (!this.failure && !this.contentType && this.headLength > 0) this.decide();
    callback();
  }

  /** Decides the type from what has arrived and releases the held-back bytes. */
  private decide(): void {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.contentType = detectAttachmentType(head.subarray(0, sniffLength));
    if (this.contentType) this.push(head);
    else this.failure = 'attachment.type_not_allowed';
  }
}

async function drain(stream: NodeJS.ReadableStream): Promise<void> {
  for await (const _chunk of stream) {
    // Discarded: the part is refused, but the request must be read to its end.
  }
}

async function flushToDisk(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
