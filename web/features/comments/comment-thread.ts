import type { Attachment } from '../../../shared/schemas/attachment.ts';
import type { Comment } from '../../../shared/schemas/comment.ts';

/** One entry of an action's thread: a comment, or a photo added to the action. */
export type ThreadEntry = { kind: 'comment'; comment: Comment; createdAt: string } | { kind: 'photo'; photo: Attachment; createdAt: string };

/**
 * Comments and photos in the order they were added, oldest first, so that "see the photo" sits
 * next to the photo. Ties (the same millisecond) keep comments first, each kind in its API order.
 */
export function buildCommentThread(comments: Comment[], photos: Attachment[]): ThreadEntry[] {
  const entries: ThreadEntry[] = [
    ...comments.map((comment) => ({ kind: 'comment' as const, comment, createdAt: comment.createdAt })),
    ...photos.map((photo) => ({ kind: 'photo' as const, photo, createdAt: photo.createdAt })),
  ];
  // Array.prototype.sort is stable, so equal times keep the order above.
  return entries.sort((first, second) => Date.parse(first.createdAt) - Date.parse(second.createdAt));
}
