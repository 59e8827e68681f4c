import { randomUUID } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { attachmentContentTypes, isPhotoContentType, type Attachment, type AttachmentLimits } from '../../../shared/schemas/attachment.ts';
import type { Actor } from '../../auth/actor.ts';
import { roleAllows } from '../../auth/permissions.ts';
import { requireRowMembership, requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { forbidden, notFound } from '../../http/app-error.ts';
import { StoredFileMissingError, storageKeyOf, thumbnailKeyOf, type AttachmentStorage } from './attachment-storage.ts';
import type { AttachmentThumbnails } from './attachment-thumbnails.ts';
import * as queries from './attachments.queries.ts';
import type { ReceivedFile } from './receive-upload.ts';

export interface AttachmentDeps extends Deps {
  storage: AttachmentStorage;
  thumbnails: AttachmentThumbnails;
}

/** What the client may send, so it can refuse a file before uploading it. */
export function getAttachmentLimits(deps: AttachmentDeps): AttachmentLimits {
  return { maxBytes: deps.config.attachments.maxBytes, contentTypes: [...attachmentContentTypes] };
}

/** An action's attachments, oldest first: anyone who may read the action may read them. */
export async function listAttachments(deps: AttachmentDeps, actor: Actor, actionId: string): Promise<Attachment[]> {
  const accountId = await requireRowPermission(deps.db, actor, 'actions', actionId, 'account:read', 'Action');
  return (await queries.listAttachments(deps.db, accountId, actionId)).map(serialiseAttachment);
}

/**
 * Viewers may upload too (docs/product/domain.md § Roles). The permission is checked before a byte
 * is read; `receive` then reads the upload into a checked local file. The file is stored first and
 * the row inserted after, in a transaction that holds the action: if the insert fails the stored
 * file is deleted, so a row never points at a missing file (a crash between the two leaves a file
 * without a row, which the orphan sweep removes).
 */
export async function createAttachment(
  deps: AttachmentDeps,
  actor: Actor,
  actionId: string,
  receive: (directory: string, maxBytes: number) => Promise<ReceivedFile>,
): Promise<Attachment> {
  const accountId = await requireRowPermission(deps.db, actor, 'actions', actionId, 'attachments:write', 'Action');
  const file = await receive(deps.storage.incomingDirectory, deps.config.attachments.maxBytes);
  const id = randomUUID();
  const storageKey = storageKeyOf(accountId, id);
  try {
    await deps.storage.store(storageKey, file.path, file.sizeBytes);
  } catch (error) {
    await unlink(file.path).catch(() => {});
    throw error;
  }
  try {
    const row = await deps.db.transaction().execute(async (transaction) => {
      // Again, holding the action: it may have been deleted, or the member removed, during the upload.
      const currentAccountId = await requireRowPermission(transaction, actor, 'actions', actionId, 'attachments:write', 'Action', { forKeyShare: true });
      if (currentAccountId !== accountId) throw notFound('Action');
      return queries.insertAttachment(transaction, accountId, { id, actionId, ...file, storageKey, uploadedBy: actor.userId });
    });
    return serialiseAttachment(row);
  } catch (error) {
    await deps.storage.delete(storageKey).catch((deleteError: unknown) => {
      deps.log.warn({ err: deleteError, storageKey }, 'could not delete the file of a refused attachment; the orphan sweep will');
    });
    throw error;
  }
}

/** The attachment's row and its bytes; a row whose file is gone (e.g. after a restore) is a 404, logged. */
export async function openAttachmentContent(deps: AttachmentDeps, actor: Actor, attachmentId: string): Promise<{ attachment: Attachment; content: Readable }> {
  const row = await findReadableAttachment(deps, actor, attachmentId);
  const content = await openStoredFile(deps, row, () => deps.storage.open(row.storageKey));
  return { attachment: serialiseAttachment(row), content };
}

/**
 * A photo's thumbnail, for anyone who may read the photo (decision 0023): made on the first request
 * and kept. A PDF has none, nor has a photo that cannot be decoded: both are a 404.
 */
export async function openAttachmentThumbnail(deps: AttachmentDeps, actor: Actor, attachmentId: string): Promise<Buffer | Readable> {
  const row = await findReadableAttachment(deps, actor, attachmentId);
  const { contentType } = row;
  if (!isPhotoContentType(contentType)) throw notFound('Attachment thumbnail');
  const thumbnail = await openStoredFile(deps, row, () => deps.thumbnails.open(row.storageKey, contentType));
  if (!thumbnail) throw notFound('Attachment thumbnail');
  return thumbnail;
}

async function findReadableAttachment(deps: AttachmentDeps, actor: Actor, attachmentId: string): Promise<queries.AttachmentRow> {
  const { accountId } = await requireAttachmentRole(deps, actor, attachmentId);
  const row = await queries.findAttachment(deps.db, accountId, attachmentId);
  if (!row) throw notFound('Attachment');
  return row;
}

/** Reads what is stored for an attachment; a stored file that has gone missing is a 404, logged. */
async function openStoredFile<T>(deps: AttachmentDeps, row: queries.AttachmentRow, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof StoredFileMissingError)) throw error;
    deps.log.warn({ attachmentId: row.id, storageKey: row.storageKey }, 'the stored file of an attachment is missing');
    throw notFound('Attachment file');
  }
}

/**
 * The uploader may delete their own attachment (a viewer only their own); editors and admins may
 * delete anyone's. The row goes in a transaction, the file and its thumbnail right after the
 * commit; a file that cannot be deleted then is left to the orphan sweep.
 */
export async function deleteAttachment(deps: AttachmentDeps, actor: Actor, attachmentId: string): Promise<void> {
  const storageKey = await deps.db.transaction().execute(async (transaction) => {
    const { accountId, role } = await requireAttachmentRole({ db: transaction }, actor, attachmentId);
    const row = await queries.findAttachment(transaction, accountId, attachmentId);
    if (!row) throw notFound('Attachment');
    const isOwn = row.uploadedBy === actor.userId;
    if (!roleAllows(role, isOwn ? 'attachments:write' : 'attachments:moderate')) {
      throw forbidden(isOwn ? undefined : 'Only the uploader, an editor or an admin may delete this attachment');
    }
    const key = await queries.deleteAttachment(transaction, accountId, attachmentId);
    if (!key) throw notFound('Attachment');
    return key;
  });
  for (const key of [storageKey, thumbnailKeyOf(storageKey)]) {
    await deps.storage.delete(key).catch((error: unknown) => {
      deps.log.warn({ err: error, storageKey: key }, 'could not delete the file of a deleted attachment; the orphan sweep will');
    });
  }
}

/** The attachment's account and the actor's role in it: unknown and foreign ids are the same 404. */
function requireAttachmentRole(deps: Pick<Deps, 'db'>, actor: Actor, attachmentId: string) {
  return requireRowMembership(deps.db, actor, 'action_attachments', attachmentId, 'Attachment');
}

function serialiseAttachment(row: queries.AttachmentRow): Attachment {
  return {
    id: row.id,
    actionId: row.actionId,
    fileName: row.fileName,
    contentType: row.contentType,
    sizeBytes: row.sizeBytes,
    uploadedBy: row.uploadedBy,
    uploaderName: row.uploaderName,
    createdAt: row.createdAt.toISOString(),
  };
}
