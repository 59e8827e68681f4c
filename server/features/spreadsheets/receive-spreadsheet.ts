import type { FastifyRequest } from 'fastify';
import { importFileField } from '../../../shared/schemas/spreadsheet.ts';
import { AppError, validationError } from '../../http/app-error.ts';

/**
 * 10 MB: a plan of 20 000 rows is about 3 MB as CSV and less as .xlsx, so this is three times the
 * largest legitimate file while keeping a request's memory (the file is held in memory to be
 * parsed) small. A constant, not a setting: the row limit bounds the work anyway.
 */
export const maxImportBytes = 10 * 1024 * 1024;

const fileRequired = () =>
  validationError({ [importFileField]: 'spreadsheet.file_required' }, 'Send the file as multipart/form-data, in one part named "file"');
const tooLarge = () => validationError({ [importFileField]: 'spreadsheet.too_large' }, 'The file is larger than 10 MB');

/**
 * Reads a multipart/form-data body with exactly one part, a file named `file`, into memory. No
 * file, another part, an empty or an oversized file is a 400 on `file`; an oversized file is still
 * read to its end (busboy stops storing at `maxBytes + 1`), so the client gets the answer instead
 * of a reset connection.
 */
export async function receiveSpreadsheet(request: FastifyRequest, maxBytes = maxImportBytes): Promise<Buffer> {
  if (!request.isMultipart()) throw new AppError('unsupported_media_type', 'Send the file as multipart/form-data, in one part named "file".');
  let received: Buffer | undefined;
  try {
    for await (const part of request.parts({ limits: { files: 1, fields: 0, fileSize: maxBytes + 1 } })) {
      if (part.type !== 'file' || part.fieldname !== importFileField) {
        if (part.type === 'file') for await (const _chunk of part.file) void _chunk;
        throw fileRequired();
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size <= maxBytes) chunks.push(chunk);
      }
      if (size > maxBytes || part.file.truncated) throw tooLarge();
      if (size === 0) throw fileRequired();
      received = Buffer.concat(chunks);
    }
  } catch (error) {
    throw toImportUploadError(error);
  }
  if (!received) throw fileRequired();
  return received;
}

/** The multipart plugin's limit errors and busboy's parse errors are the client's: a 400 on `file`. */
function toImportUploadError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge();
  return fileRequired();
}
