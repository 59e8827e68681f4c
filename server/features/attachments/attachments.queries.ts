import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { AttachmentContentType } from '../../../shared/schemas/attachment.ts';
import type { AccountId } from '../../db/account-id.ts';

/** An attachment row as the API names it, with the uploader's name (null once the user is deleted). */
export interface AttachmentRow {
  id: string;
  actionId: string;
  fileName: string;
  contentType: AttachmentContentType;
  sizeBytes: number;
  uploadedBy: string | null;
  uploaderName: string | null;
  createdAt: Date;
  storageKey: string;
}

function selectAttachments(db: Db, accountId: AccountId) {
  return db
    .selectFrom('action_attachments')
    .leftJoin('users', 'users.id', 'action_attachments.uploaded_by')
    .select([
      'action_attachments.id',
      'action_attachments.action_id as actionId',
      'action_attachments.file_name as fileName',
      'action_attachments.content_type as contentType',
      'action_attachments.size_bytes as sizeBytes',
      'action_attachments.uploaded_by as uploadedBy',
      'users.name as uploaderName',
      'action_attachments.created_at as createdAt',
      'action_attachments.storage_key as storageKey',
    ])
    .where('action_attachments.account_id', '=', accountId);
}

/** Oldest first; the id breaks ties between files uploaded in the same transaction time. */
export async function listAttachments(db: Db, accountId: AccountId, actionId: string): Promise<AttachmentRow[]> {
  const rows = await selectAttachments(db, accountId)
    .where('action_attachments.action_id', '=', actionId)
    .orderBy('action_attachments.created_at')
    .orderBy('action_attachments.id')
    .execute();
  return rows.map(toAttachmentRow);
}

export async function findAttachment(db: Db, accountId: AccountId, attachmentId: string): Promise<AttachmentRow | undefined> {
  const row = await selectAttachments(db, accountId).where('action_attachments.id', '=', attachmentId).executeTakeFirst();
  return row && toAttachmentRow(row);
}

export async function insertAttachment(
  db: Db,
  accountId: AccountId,
  values: { id: string; actionId: string; fileName: string; contentType: AttachmentContentType; sizeBytes: number; storageKey: string; uploadedBy: string },
): Promise<AttachmentRow> {
  await db
    .insertInto('action_attachments')
    .values({
      id: values.id,
      account_id: accountId,
      action_id: values.actionId,
      file_name: values.fileName,
      content_type: values.contentType,
      size_bytes: values.sizeBytes,
      storage_key: values.storageKey,
      uploaded_by: values.uploadedBy,
    })
    .execute();
  const row = await findAttachment(db, accountId, values.id);
  if (!row) throw new Error(`The attachment ${values.id} just inserted is missing`);
  return row;
}

/** Deletes the row; returns its storage key, or undefined when there was none. */
export async function deleteAttachment(db: Db, accountId: AccountId, attachmentId: string): Promise<string | undefined> {
  const row = await db
    .deleteFrom('action_attachments')
    .where('account_id', '=', accountId)
    .where('id', '=', attachmentId)
    .returning('storage_key')
    .executeTakeFirst();
  return row?.storage_key;
}

/** Which of `storageKeys` (all of this account) still have a row, or one kept in the account's trash until it is purged. */
export async function listExistingStorageKeys(db: Db, accountId: AccountId, storageKeys: string[]): Promise<Set<string>> {
  if (storageKeys.length === 0) return new Set();
  const rows = await db
    .selectFrom('action_attachments')
    .select('storage_key')
    .where('account_id', '=', accountId)
    .where('storage_key', 'in', storageKeys)
    .unionAll(
      db
        .selectFrom('trash_items')
        .select(sql<string>`unnest(storage_keys)`.as('storage_key'))
        .where('account_id', '=', accountId)
        .where('storage_keys', '&&', sql<string[]>`${storageKeys}::text[]`),
    )
    .execute();
  return new Set(rows.map((row) => row.storage_key));
}

function toAttachmentRow(row: Omit<AttachmentRow, 'contentType' | 'sizeBytes'> & { contentType: string; sizeBytes: number | string }): AttachmentRow {
  // bigint comes back from node-pg as a string; files are far below 2^53 bytes.
  return { ...row, contentType: row.contentType as AttachmentContentType, sizeBytes: Number(row.sizeBytes) };
}
