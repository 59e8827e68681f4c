import type { LibraryItem } from '../../../shared/schemas/library.ts';
import { Button } from '../../components/ui/button.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useLibraryItem } from './library-items-api.ts';

interface LibraryLinkProps {
  accountId: string;
  /** The linked item's id; null: not linked. */
  itemId: string | null;
  /** The item just picked from the suggestions, so its name shows without another request. */
  pickedItem: LibraryItem | null;
  /** The action was linked when the form opened: removing the link is then a change to save. */
  wasLinked: boolean;
  onUnlink: () => void;
}

/** The action form's line about its library item ("Från biblioteket: …", with its source) and "Ta bort koppling". */
export function LibraryLink({ accountId, itemId, pickedItem, wasLinked, onUnlink }: LibraryLinkProps) {
  const { t, language } = useTranslation();
  const isPicked = pickedItem !== null && pickedItem.id === itemId;
  const looked = useLibraryItem(accountId, isPicked ? null : itemId);
  const item = isPicked ? pickedItem : looked;

  if (itemId === null) {
    return wasLinked ? (
      <p className="form__note" role="status">
        {t('actions.library.unlinked')}
      </p>
    ) : null;
  }
  const origin =
    item === undefined
      ? []
      : [item.origin === 'account' ? t('actions.library.own_item') : null, item.source === '' ? null : t('actions.library.source', { source: item.source })];
  const about = origin.filter((part) => part !== null).join(' · ');
  return (
    <div className="library-link" data-testid="library-link">
      <p className="library-link__text">
        <span>{item === undefined ? t('actions.library.linked_unknown') : t('actions.library.linked', { name: item.name[language] })}</span>
        {about !== '' && <span className="library-link__source">{about}</span>}
      </p>
      <Button variant="quiet" onClick={onUnlink}>
        {t('actions.library.unlink')}
      </Button>
    </div>
  );
}
