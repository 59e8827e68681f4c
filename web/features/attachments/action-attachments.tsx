import { useRef, useState } from 'react';
import { isPhotoContentType, type Attachment } from '../../../shared/schemas/attachment.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { classNames } from '../../components/ui/class-names.ts';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { describeActionError } from '../../lib/api/describe-api-error.ts';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { formatBytes, formatDateTime } from '../../lib/i18n/format-time.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useCurrentMembership } from '../accounts/use-selected-membership.ts';
import { useSession } from '../auth/session.ts';
import { AttachmentUpload } from './attachment-upload.tsx';
import { attachmentContentPath, useActionPhotos, useAttachments, useDeleteAttachment } from './attachments-api.ts';
import { PhotoThumbnail } from './photo-thumbnail.tsx';
import { PhotoViewer } from './photo-viewer.tsx';

/**
 * The action's files: photos and PDFs, each downloaded as a file (never shown inline, so nothing
 * in a file runs on our origin). Photos show their thumbnails, which open them in the viewer.
 * Every member may upload and delete their own files; editors and admins may delete anyone's (the
 * server decides the same).
 */
export function ActionAttachments({ actionId }: { planId: string; actionId: string }) {
  const { t, language } = useTranslation();
  const { role } = useCurrentMembership();
  const { user } = useSession();
  const attachments = useAttachments(actionId);
  const deleteAttachment = useDeleteAttachment(actionId);
  const [pendingDelete, setPendingDelete] = useState<Attachment | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [shownPhotoId, setShownPhotoId] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const photos = useActionPhotos(actionId);

  const mayDelete = (attachment: Attachment) => attachment.uploadedBy === user.id || role === 'editor' || role === 'admin';

  function closeDialog() {
    setPendingDelete(null);
    deleteAttachment.reset();
  }

  return (
    <section className="section discussion" aria-labelledby="action-attachments-title">
      <h2 id="action-attachments-title" ref={heading} tabIndex={-1}>
        {t('attachments.title')}
      </h2>
      {notice && <Alert tone="success">{notice}</Alert>}
      {attachments.isPending ? (
        <Spinner label={t('attachments.loading')} />
      ) : attachments.isError ? (
        <QueryLoadError query={attachments} context={t('attachments.load_failed')} />
      ) : attachments.data.length === 0 ? (
        <EmptyState title={t('attachments.none_title')}>
          <p>{t('attachments.none_text')}</p>
        </EmptyState>
      ) : (
        <ul className="attachment-list" aria-label={t('attachments.list_label')}>
          {attachments.data.map((attachment) => (
            <li key={attachment.id} className={classNames('attachment', isPhotoContentType(attachment.contentType) && 'attachment--photo')}>
              {isPhotoContentType(attachment.contentType) && <PhotoThumbnail photo={attachment} onOpen={() => setShownPhotoId(attachment.id)} />}
              <a
                className="attachment__name"
                href={attachmentContentPath(attachment.id)}
                download={attachment.fileName}
                aria-label={t('attachments.download_named', { name: attachment.fileName })}
              >
                {attachment.fileName}
              </a>
              <p className="attachment__meta">
                <span>{t(`attachments.type.${attachment.contentType}`)}</span>
                <span>{formatBytes(attachment.sizeBytes, language)}</span>
                <span>
                  {t('attachments.uploaded_by', {
                    name: attachment.uploaderName ?? t('attachments.unknown_uploader'),
                    date: formatDateTime(attachment.createdAt, language),
                  })}
                </span>
              </p>
              {mayDelete(attachment) && (
                <Button
                  variant="quiet"
                  className="attachment__delete"
                  aria-label={t('attachments.delete_named', { name: attachment.fileName })}
                  onClick={() => setPendingDelete(attachment)}
                >
                  {t('attachments.delete')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!attachments.isError && <AttachmentUpload actionId={actionId} />}
      <PhotoViewer photos={photos} shownId={shownPhotoId} onShow={setShownPhotoId} onClose={() => setShownPhotoId(null)} />

      <ConfirmDialog
        isOpen={pendingDelete !== null}
        title={t('attachments.confirm_delete_title')}
        confirmLabel={t('attachments.confirm_delete')}
        cancelLabel={t('action.cancel')}
        isPending={deleteAttachment.isPending}
        onCancel={closeDialog}
        onConfirm={() => {
          if (!pendingDelete) return;
          const { id, fileName } = pendingDelete;
          deleteAttachment.mutate(id, {
            onSuccess: () => {
              closeDialog();
              setNotice(t('attachments.deleted', { name: fileName }));
              // The deleted file's button is gone; the section heading is the nearest sensible place.
              // After the dialog has closed, which would otherwise put the focus back on that button.
              setTimeout(() => heading.current?.focus());
            },
          });
        }}
      >
        <p>{t('attachments.confirm_delete_text', { name: pendingDelete?.fileName ?? '' })}</p>
        {deleteAttachment.isError && <Alert tone="error">{describeActionError(deleteAttachment.error, t, language)}</Alert>}
      </ConfirmDialog>
    </section>
  );
}
