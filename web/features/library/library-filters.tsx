import { useId } from 'react';
import { SelectField } from '../../components/ui/select-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import type { LibraryFilter } from './filter-library-items.ts';
import { libraryCategoryOptions } from './library-labels.ts';

interface LibraryFiltersProps {
  filter: LibraryFilter;
  shownCount: number;
  totalCount: number;
  onChange: (filter: LibraryFilter) => void;
}

/** Search and category, applied as typed; the count is a polite live region so the result is heard. */
export function LibraryFilters({ filter, shownCount, totalCount, onChange }: LibraryFiltersProps) {
  const { t, language } = useTranslation();
  const titleId = useId();
  return (
    <section className="library-filters" aria-labelledby={titleId}>
      <h2 className="visually-hidden" id={titleId}>
        {t('library.filter_label')}
      </h2>
      <div className="library-filters__fields">
        <TextField
          label={t('library.search')}
          hint={t('library.search_hint')}
          type="search"
          value={filter.query}
          onChange={(event) => onChange({ ...filter, query: event.currentTarget.value })}
        />
        <SelectField
          label={t('library.category')}
          value={filter.category}
          options={[{ value: '', label: t('library.all_categories') }, ...libraryCategoryOptions(language)]}
          onChange={(event) => onChange({ ...filter, category: event.currentTarget.value })}
        />
      </div>
      <p className="library-filters__count" role="status">
        {t('library.showing', { shown: shownCount, total: totalCount })}
      </p>
    </section>
  );
}
