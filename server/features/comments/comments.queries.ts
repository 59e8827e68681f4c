import type { Db } from '../../db/database.ts';
import type { AccountId } from '../../db/account-id.ts';

/** A comment row as the API names it, with the author's name (null once the user is deleted). */
export interface CommentRow {
  id: string;
  actionId: string;
  authorId: string | null;
  authorName: string | null;
  body: string;
  createdAt: Date;
}

function selectComments(db: Db, accountId: AccountId) {
  return db
    .selectFrom('action_comments')
    .leftJoin('users', 'users.id', 'action_comments.author_id')
    .select([
      'action_comments.id',
      'action_comments.action_id as actionId',
      'action_comments.author_id as authorId',
      'users.name as authorName',
      'action_comments.body',
      'action_comments.created_at as createdAt',
    ])
    .where('action_comments.account_id', '=', accountId);
}

/** Oldest first; the id breaks ties between comments written in the same transaction time. */
export async function listComments(db: Db, accountId: AccountId, actionId: string): Promise<CommentRow[]> {
  return selectComments(db, accountId)
    .where('action_comments.action_id', '=', actionId)
    .orderBy('action_comments.created_at')
    .orderBy('action_comments.id')
    .execute();
}

export async function findComment(db: Db, accountId: AccountId, commentId: string): Promise<CommentRow | undefined> {
  return selectComments(db, accountId).where('action_comments.id', '=', commentId).executeTakeFirst();
}

export async function insertComment(db: Db, accountId: AccountId, values: { actionId: string; authorId: string; body: string }): Promise<CommentRow> {
  const { id } = await db
    .insertInto('action_comments')
    .values({ account_id: accountId, action_id: values.actionId, author_id: values.authorId, body: values.body })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await findComment(db, accountId, id);
  if (!row) throw new Error(`The comment ${id} just inserted is missing`);
  return row;
}

export async function deleteComment(db: Db, accountId: AccountId, commentId: string): Promise<boolean> {
  const result = await db.deleteFrom('action_comments').where('account_id', '=', accountId).where('id', '=', commentId).executeTakeFirst();
  return result.numDeletedRows > 0n;
}
