import { Button } from '../../components/ui/button.tsx';
import { SelectField, type SelectOption } from '../../components/ui/select-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { hasHistoryFilters, type HistoryFilters } from './history-filters.ts';
import { historyFilterOptions } from './history-fields.ts';

interface HistoryFiltersBarProps {
  filters: HistoryFilters;
  /** The people to choose from: the account's members and whoever appears in the entries. */
  people: readonly { id: string; name: string }[];
  onChange: (changes: Partial<HistoryFilters>) => void;
  onClear: () => void;
}

const any = '';

/** Filters of the plan's history by person, period (days, inclusive) and field. */
export function HistoryFiltersBar({ filters, people, onChange, onClear }: HistoryFiltersBarProps) {
  const { t } = useTranslation();
  const anyOption: SelectOption = { value: any, label: t('history.filter.any') };
  const personOptions = people.map((person) => ({ value: person.id, label: person.name }));
  // A person from an edited or shared address whom this list does not know is still shown as chosen.
  if (filters.userId !== null && !people.some((person) => person.id === filters.userId)) {
    personOptions.push({ value: filters.userId, label: t('history.filter.other_person') });
  }
  return (
    <section className="plan-filters history-filters" aria-labelledby="history-filters-title">
      <h3 className="visually-hidden" id="history-filters-title">
        {t('history.filters_title')}
      </h3>
      <div className="plan-filters__fields">
        <SelectField
          label={t('history.filter.person')}
          options={[anyOption, ...personOptions]}
          value={filters.userId ?? any}
          onChange={(event) => onChange({ userId: event.target.value || null })}
        />
        <TextField
          type="date"
          label={t('history.filter.from')}
          value={filters.from ?? ''}
          onChange={(event) => onChange({ from: event.target.value || null })}
        />
        <TextField type="date" label={t('history.filter.to')} value={filters.to ?? ''} onChange={(event) => onChange({ to: event.target.value || null })} />
        <SelectField
          label={t('history.filter.field')}
          options={[anyOption, ...historyFilterOptions(t, t('history.filter.name'))]}
          value={filters.field ?? any}
          onChange={(event) => onChange({ field: event.target.value || null })}
        />
      </div>
      {hasHistoryFilters(filters) && (
        <div className="plan-filters__summary">
          <Button variant="quiet" onClick={onClear}>
            {t('history.filter.clear')}
          </Button>
        </div>
      )}
    </section>
  );
}
