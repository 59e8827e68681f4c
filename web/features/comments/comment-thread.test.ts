import { describe, expect, it } from 'vitest';
import type { Attachment } from '../../../shared/schemas/attachment.ts';
import type { Comment } from '../../../shared/schemas/comment.ts';
import { buildCommentThread } from './comment-thread.ts';

const comment = (id: string, createdAt: string): Comment => ({ id, actionId: 'a', authorId: 'u', authorName: 'Anna', body: id, createdAt });
const photo = (id: string, createdAt: string): Attachment => ({
  id,
  actionId: 'a',
  fileName: `${id}.jpg`,
  contentType: 'image/jpeg',
  sizeBytes: 1,
  uploadedBy: 'u',
  uploaderName: 'Anna',
  createdAt,
});

describe('buildCommentThread', () => {
  it('puts comments and photos in the order they were added, comments first at the same time', () => {
    const thread = buildCommentThread(
      [comment('c1', '2026-03-01T10:00:00.000Z'), comment('c2', '2026-03-01T12:00:00.000Z'), comment('c3', '2026-03-01T13:00:00.000Z')],
      [photo('p1', '2026-03-01T11:00:00.000Z'), photo('p2', '2026-03-01T13:00:00.000Z'), photo('p3', '2026-03-02T08:00:00.000Z')],
    );
    expect(thread.map((entry) => (entry.kind === 'comment' ? entry.comment.id : entry.photo.id))).toEqual(['c1', 'p1', 'c2', 'c3', 'p2', 'p3']);
  });

  it('is empty when there is neither', () => {
    expect(buildCommentThread([], [])).toEqual([]);
  });
});
