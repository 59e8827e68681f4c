import type { Comment, CreateCommentRequest } from '../../../shared/schemas/comment.ts';
import type { Actor } from '../../auth/actor.ts';
import { roleAllows } from '../../auth/permissions.ts';
import { requireRowMembership, requireRowPermission } from '../../auth/require-permission.ts';
import type { Deps } from '../../deps.ts';
import { forbidden, notFound } from '../../http/app-error.ts';
import * as queries from './comments.queries.ts';

/** An action's comments, oldest first: anyone who may read the action may read them. */
export async function listComments(deps: Deps, actor: Actor, actionId: string): Promise<Comment[]> {
  const accountId = await requireRowPermission(deps.db, actor, 'actions', actionId, 'account:read', 'Action');
  return (await queries.listComments(deps.db, accountId, actionId)).map(serialiseComment);
}

/**
 * Viewers may comment too (docs/product/domain.md § Roles); the action is held until the
 * comment is in.
 */
export async function createComment(deps: Deps, actor: Actor, actionId: string, input: CreateCommentRequest): Promise<Comment> {
  return deps.db.transaction().execute(async (transaction) => {
    const accountId = await requireRowPermission(transaction, actor, 'actions', actionId, 'comments:write', 'Action', { forKeyShare: true });
    return serialiseComment(await queries.insertComment(transaction, accountId, { actionId, authorId: actor.userId, body: input.body }));
  });
}

/** The author may delete their own comment; only an admin may delete someone else's. */
export async function deleteComment(deps: Deps, actor: Actor, commentId: string): Promise<void> {
  await deps.db.transaction().execute(async (transaction) => {
    const { accountId, role } = await requireRowMembership(transaction, actor, 'action_comments', commentId, 'Comment');
    const comment = await queries.findComment(transaction, accountId, commentId);
    if (!comment) throw notFound('Comment');
    const isOwn = comment.authorId === actor.userId;
    if (!roleAllows(role, isOwn ? 'comments:write' : 'comments:moderate')) {
      throw forbidden(isOwn ? undefined : 'Only the author or an admin may delete this comment');
    }
    if (!(await queries.deleteComment(transaction, accountId, commentId))) throw notFound('Comment');
  });
}

function serialiseComment(row: queries.CommentRow): Comment {
  return { ...row, createdAt: row.createdAt.toISOString() };
}
