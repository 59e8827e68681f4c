import type { LibraryItem } from '../../../shared/schemas/library.ts';
import { Button } from '../../components/ui/button.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { formatAmount } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { libraryCategoryName, originOf } from './library-labels.ts';

interface LibraryTableProps {
  /** The items that pass the filter. */
  items: readonly LibraryItem[];
  /** Every item the account sees: none at all is an empty library, not a search without matches. */
  totalCount: number;
  canEdit: boolean;
  onClearFilter: () => void;
  onAdd: () => void;
  onEdit: (item: LibraryItem) => void;
  onReplace: (item: LibraryItem) => void;
  onDelete: (item: LibraryItem) => void;
}

/**
 * One row per item, its name in the page's language and the other language's beneath when it
 * differs. Prices are marked as indicative with their price year. Editors get "Use own price" on
 * built-in items and edit and delete on the account's own; viewers get no controls at all.
 */
export function LibraryTable({ items, totalCount, canEdit, onClearFilter, onAdd, onEdit, onReplace, onDelete }: LibraryTableProps) {
  const { t, language } = useTranslation();
  const otherLanguage = language === 'sv' ? 'en' : 'sv';

  if (totalCount === 0) {
    return (
      <EmptyState title={t('library.empty_title')} action={canEdit ? <Button onClick={onAdd}>{t('library.add')}</Button> : undefined}>
        <p>{t('library.empty_text')}</p>
      </EmptyState>
    );
  }
  if (items.length === 0) {
    return (
      <EmptyState title={t('library.no_match_title')} action={<Button onClick={onClearFilter}>{t('library.clear_filter')}</Button>}>
        <p>{t('library.no_match_text')}</p>
      </EmptyState>
    );
  }

  return (
    // Focusable, so a keyboard can scroll the columns a narrow window pushes past the edge (viewers have no buttons in it).
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('library.table_label')}>
      <table className="table library-table">
        <thead>
          <tr>
            <th scope="col">{t('library.column.name')}</th>
            <th scope="col">{t('library.column.category')}</th>
            <th scope="col">{t('library.column.lifetime')}</th>
            <th scope="col">{t('library.column.price')}</th>
            <th scope="col">{t('library.column.kind')}</th>
            <th scope="col">{t('library.column.source')}</th>
            <th scope="col">{t('library.column.origin')}</th>
            {canEdit && (
              <th scope="col">
                <span className="visually-hidden">{t('library.column.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const name = item.name[language];
            const origin = originOf(item);
            return (
              <tr key={item.id}>
                <th scope="row" className="table__name">
                  {name}
                  {item.name[otherLanguage] !== name && (
                    <span className="library-table__other-name" lang={otherLanguage}>
                      {item.name[otherLanguage]}
                    </span>
                  )}
                </th>
                <td>{libraryCategoryName(item.category, language)}</td>
                <td className="library-table__number">{t('library.lifetime_years', { count: item.lifetimeYears })}</td>
                <td className="library-table__number">
                  {t('library.price_per_unit', { price: formatAmount(item.unitPrice, language), unit: item.unit })}
                  <span className="library-table__indicative">{t('library.indicative', { year: item.priceYear })}</span>
                </td>
                <td>{t(`library.kind.${item.kind}`)}</td>
                <td className="library-table__source">{item.source === '' ? t('library.no_source') : item.source}</td>
                <td>
                  <span className={`library-origin library-origin--${origin}`}>{t(`library.origin.${origin}`)}</span>
                </td>
                {canEdit && (
                  <td className="table__actions">
                    {item.origin === 'builtin' ? (
                      <Button aria-label={t('library.own_price_named', { name })} onClick={() => onReplace(item)}>
                        {t('library.own_price')}
                      </Button>
                    ) : (
                      <>
                        <Button aria-label={t('library.edit_named', { name })} onClick={() => onEdit(item)}>
                          {t('library.edit')}
                        </Button>
                        <Button variant="danger" aria-label={t('library.delete_named', { name })} onClick={() => onDelete(item)}>
                          {t('library.delete')}
                        </Button>
                      </>
                    )}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
