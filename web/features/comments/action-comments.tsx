import { useMemo, useRef, useState } from 'react';
import type { Comment } from '../../../shared/schemas/comment.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { describeActionError } from '../../lib/api/describe-api-error.ts';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { formatDateTime } from '../../lib/i18n/format-time.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useCurrentMembership } from '../accounts/use-selected-membership.ts';
import { useSession } from '../auth/session.ts';
import { useActionPhotos } from '../attachments/attachments-api.ts';
import { PhotoThumbnail } from '../attachments/photo-thumbnail.tsx';
import { PhotoViewer } from '../attachments/photo-viewer.tsx';
import { AddCommentForm } from './add-comment-form.tsx';
import { buildCommentThread } from './comment-thread.ts';
import { useComments, useDeleteComment } from './comments-api.ts';

/**
 * The action's comment thread, oldest first, with the photos added to the action among the
 * comments (their thumbnails open the photo viewer), and the form to add a comment. Every member
 * may comment and delete their own comments; an admin may delete anyone's (the server decides the
 * same). Photos are deleted in the attachments section.
 */
export function ActionComments({ actionId }: { planId: string; actionId: string }) {
  const { t, language } = useTranslation();
  const { role } = useCurrentMembership();
  const { user } = useSession();
  const comments = useComments(actionId);
  const deleteComment = useDeleteComment(actionId);
  const [pendingDelete, setPendingDelete] = useState<Comment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [shownPhotoId, setShownPhotoId] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const photos = useActionPhotos(actionId);
  const thread = useMemo(() => buildCommentThread(comments.data ?? [], photos), [comments.data, photos]);

  const personOf = (userId: string | null, name: string | null) => {
    const shown = name ?? t('comments.unknown_author');
    return userId === user.id ? t('comments.you', { name: shown }) : shown;
  };
  const authorOf = (comment: Comment) => personOf(comment.authorId, comment.authorName);
  const mayDelete = (comment: Comment) => comment.authorId === user.id || role === 'admin';

  function closeDialog() {
    setPendingDelete(null);
    deleteComment.reset();
  }

  return (
    <section className="section discussion" aria-labelledby="action-comments-title">
      <h2 id="action-comments-title" ref={heading} tabIndex={-1}>
        {t('comments.title')}
      </h2>
      {notice && <Alert tone="success">{notice}</Alert>}
      {comments.isPending ? (
        <Spinner label={t('comments.loading')} />
      ) : comments.isError ? (
        <QueryLoadError query={comments} context={t('comments.load_failed')} />
      ) : thread.length === 0 ? (
        <EmptyState title={t('comments.none_title')} headingLevel={2}>
          <p>{t('comments.none_text')}</p>
        </EmptyState>
      ) : (
        <ol className="comment-list" aria-label={t('comments.list_label')}>
          {thread.map((entry) =>
            entry.kind === 'photo' ? (
              <li key={entry.photo.id} className="comment comment--photo">
                <p className="comment__meta">
                  <span className="comment__author">{t('comments.photo_added', { name: personOf(entry.photo.uploadedBy, entry.photo.uploaderName) })}</span>{' '}
                  <time className="comment__time" dateTime={entry.photo.createdAt}>
                    {formatDateTime(entry.photo.createdAt, language)}
                  </time>
                </p>
                <div className="comment__photo">
                  <PhotoThumbnail photo={entry.photo} onOpen={() => setShownPhotoId(entry.photo.id)} />
                  <span className="comment__file-name">{entry.photo.fileName}</span>
                </div>
              </li>
            ) : (
              <li key={entry.comment.id} className="comment">
                <p className="comment__meta">
                  <span className="comment__author">{authorOf(entry.comment)}</span>{' '}
                  <time className="comment__time" dateTime={entry.comment.createdAt}>
                    {formatDateTime(entry.comment.createdAt, language)}
                  </time>
                </p>
                <p className="comment__body">{entry.comment.body}</p>
                {mayDelete(entry.comment) && (
                  <Button
                    variant="quiet"
                    className="comment__delete"
                    aria-label={t('comments.delete_named', {
                      author: authorOf(entry.comment),
                      date: formatDateTime(entry.comment.createdAt, language),
                    })}
                    onClick={() => setPendingDelete(entry.comment)}
                  >
                    {t('comments.delete')}
                  </Button>
                )}
              </li>
            ),
          )}
        </ol>
      )}
      {!comments.isPending && !comments.isError && <AddCommentForm actionId={actionId} onAdded={() => setNotice(t('comments.added'))} />}
      <PhotoViewer photos={photos} shownId={shownPhotoId} onShow={setShownPhotoId} onClose={() => setShownPhotoId(null)} />

      <ConfirmDialog
        isOpen={pendingDelete !== null}
        title={t('comments.confirm_delete_title')}
        confirmLabel={t('comments.confirm_delete')}
        cancelLabel={t('action.cancel')}
        isPending={deleteComment.isPending}
        onCancel={closeDialog}
        onConfirm={() => {
          if (!pendingDelete) return;
          deleteComment.mutate(pendingDelete.id, {
            onSuccess: () => {
              closeDialog();
              setNotice(t('comments.deleted'));
              // The deleted comment's button is gone; the section heading is the nearest sensible place.
              // After the dialog has closed, which would otherwise put the focus back on that button.
              setTimeout(() => heading.current?.focus());
            },
          });
        }}
      >
        <p>{t('comments.confirm_delete_text')}</p>
        {pendingDelete && <blockquote className="comment-quote">{pendingDelete.body}</blockquote>}
        {deleteComment.isError && <Alert tone="error">{describeActionError(deleteComment.error, t, language)}</Alert>}
      </ConfirmDialog>
    </section>
  );
}
