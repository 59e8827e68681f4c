import { useState } from 'react';
import type { Attachment } from '../../../shared/schemas/attachment.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { attachmentThumbnailPath } from './attachments-api.ts';

/**
 * A photo's thumbnail as a button that opens the photo in the viewer. The image's alternative
 * text names what the button does. A photo the server could make no thumbnail of shows a plain tile.
 */
export function PhotoThumbnail({ photo, onOpen }: { photo: Attachment; onOpen: () => void }) {
  const { t } = useTranslation();
  const [hasNoThumbnail, setHasNoThumbnail] = useState(false);
  const label = t('attachments.open_photo', { name: photo.fileName });

  return (
    <button type="button" className="photo-thumbnail" onClick={onOpen} aria-label={hasNoThumbnail ? label : undefined}>
      {hasNoThumbnail ? (
        <span className="photo-thumbnail__tile" aria-hidden="true">
          {t('attachments.no_thumbnail')}
        </span>
      ) : (
        <img
          className="photo-thumbnail__image"
          src={attachmentThumbnailPath(photo.id)}
          alt={label}
          loading="lazy"
          decoding="async"
          onError={() => setHasNoThumbnail(true)}
        />
      )}
    </button>
  );
}
