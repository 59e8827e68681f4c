import { useId, useState, type KeyboardEvent } from 'react';
import type { Attachment } from '../../../shared/schemas/attachment.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { useModalDialog } from '../../components/ui/use-modal-dialog.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { attachmentContentPath, attachmentThumbnailPath } from './attachments-api.ts';

interface PhotoViewerProps {
  /** The photos one can move between, in the order the page lists them. */
  photos: Attachment[];
  /** The photo shown; null (or a photo no longer listed) closes the viewer. */
  shownId: string | null;
  onShow: (photoId: string) => void;
  onClose: () => void;
}

const arrowSteps: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1 };

/**
 * The photos of an action, one at a time, in a modal dialog on the native <dialog>: the browser
 * moves the focus into it (to the close button, the first thing in it), traps it there, closes on
 * Escape and puts the focus back on the thumbnail that opened it. The arrow keys move between the
 * photos, round from the last to the first. The photo is the file itself, shown as an image
 * (never opened as a page on our origin); HEIC, which browsers other than Safari cannot show,
 * shows its thumbnail instead. The download stays one press away.
 */
export function PhotoViewer({ photos, shownId, onShow, onClose }: PhotoViewerProps) {
  const { t } = useTranslation();
  const index = photos.findIndex((photo) => photo.id === shownId);
  const photo = photos[index];
  const dialog = useModalDialog(photo !== undefined);
  const keysId = useId();
  const [failedId, setFailedId] = useState<string | null>(null);

  function move(step: number) {
    const next = photos[(index + step + photos.length) % photos.length];
    if (next && next.id !== shownId) onShow(next.id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    const step = arrowSteps[event.key];
    if (step === undefined || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    move(step);
  }

  const isHeic = photo?.contentType === 'image/heic';
  return (
    <dialog
      ref={dialog}
      className="dialog photo-viewer"
      aria-label={t('attachments.viewer.label')}
      aria-describedby={keysId}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        // Escape: let React state decide whether the dialog is open.
        event.preventDefault();
        onClose();
      }}
    >
      {photo && (
        <>
          <div className="photo-viewer__bar">
            <Button onClick={onClose}>{t('attachments.viewer.close')}</Button>
          </div>
          <figure className="photo-viewer__figure">
            {failedId === photo.id ? (
              <Alert tone="info">{t('attachments.viewer.failed')}</Alert>
            ) : (
              <img
                key={photo.id}
                className="photo-viewer__image"
                src={isHeic ? attachmentThumbnailPath(photo.id) : attachmentContentPath(photo.id)}
                alt={t('attachments.viewer.photo_alt', { name: photo.fileName })}
                onError={() => setFailedId(photo.id)}
              />
            )}
            {/* Announced when the arrow keys change the photo. */}
            <figcaption className="photo-viewer__caption" aria-live="polite">
              <span className="photo-viewer__name">{photo.fileName}</span>{' '}
              <span className="photo-viewer__position">{t('attachments.viewer.position', { index: index + 1, count: photos.length })}</span>
            </figcaption>
          </figure>
          {isHeic && <p className="photo-viewer__note">{t('attachments.viewer.preview_only')}</p>}
          <div className="photo-viewer__actions">
            {photos.length > 1 && <Button onClick={() => move(-1)}>{t('attachments.viewer.previous')}</Button>}
            <a className="button button--secondary" href={attachmentContentPath(photo.id)} download={photo.fileName}>
              {t('attachments.download_named', { name: photo.fileName })}
            </a>
            {photos.length > 1 && <Button onClick={() => move(1)}>{t('attachments.viewer.next')}</Button>}
          </div>
          <p id={keysId} className="photo-viewer__keys">
            {t('attachments.viewer.keys')}
          </p>
        </>
      )}
    </dialog>
  );
}
