import { useMemo } from 'react';
import { categories, isCategoryCode } from '../../../shared/categories.ts';
import type { Action } from '../../../shared/schemas/action.ts';
import type { PropertyPart as Building, PropertyPart as Location } from '../../../shared/schemas/property-part.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { isStatusCode, statuses } from '../../../shared/statuses.ts';
import { Button } from '../../components/ui/button.tsx';
import { SelectField, type SelectOption } from '../../components/ui/select-field.tsx';
import { formatNumber } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { hasActiveFilters, noPart, tagsOfActions, type InvestmentChoice, type PlanFilters } from './plan-filters.ts';

interface PlanFiltersBarProps {
  plan: Plan;
  actions: readonly Action[];
  buildings: readonly Building[];
  locations: readonly Location[];
  filters: PlanFilters;
  onChange: (changes: Partial<PlanFilters>) => void;
  onClear: () => void;
  shownCount: number;
}

const any = '';
const investmentChoices: InvestmentChoice[] = ['all', 'only', 'exclude'];

/** The filters both action views share, with the count of what they let through. */
export function PlanFiltersBar({ plan, actions, buildings, locations, filters, onChange, onClear, shownCount }: PlanFiltersBarProps) {
  const { t, language } = useTranslation();
  const anyOption: SelectOption = { value: any, label: t('plan_views.filter.any') };
  const years = useMemo(() => Array.from({ length: plan.lengthYears }, (_, index) => String(plan.startYear + index)), [plan.startYear, plan.lengthYears]);
  const tags = useMemo(() => tagsOfActions(actions), [actions]);
  const yearOptions = [anyOption, ...years.map((year) => ({ value: year, label: year }))];

  return (
    <section className="plan-filters" aria-labelledby="plan-filters-title">
      <h2 className="visually-hidden" id="plan-filters-title">
        {t('plan_views.filters_title')}
      </h2>
      <div className="plan-filters__fields">
        <SelectField
          label={t('plan_views.filter.from_year')}
          options={yearOptions}
          value={filters.fromYear === null ? any : String(filters.fromYear)}
          onChange={(event) => onChange({ fromYear: yearOrNull(event.target.value) })}
        />
        <SelectField
          label={t('plan_views.filter.to_year')}
          options={yearOptions}
          value={filters.toYear === null ? any : String(filters.toYear)}
          onChange={(event) => onChange({ toYear: yearOrNull(event.target.value) })}
        />
        <SelectField
          label={t('plan_views.filter.category')}
          options={[anyOption, ...categories.map((category) => ({ value: category.code, label: category[language] }))]}
          value={filters.category ?? any}
          onChange={(event) => onChange({ category: isCategoryCode(event.target.value) ? event.target.value : null })}
        />
        <SelectField
          label={t('plan_views.filter.building')}
          options={[
            anyOption,
            ...buildings.map((building) => ({ value: building.id, label: building.name })),
            { value: noPart, label: t('plan_views.filter.no_building') },
          ]}
          value={filters.building ?? any}
          onChange={(event) => onChange({ building: event.target.value || null })}
        />
        <SelectField
          label={t('plan_views.filter.location')}
          options={[
            anyOption,
            ...locations.map((location) => ({ value: location.id, label: location.name })),
            { value: noPart, label: t('plan_views.filter.no_location') },
          ]}
          value={filters.location ?? any}
          onChange={(event) => onChange({ location: event.target.value || null })}
        />
        <SelectField
          label={t('plan_views.filter.status')}
          options={[anyOption, ...statuses.map((status) => ({ value: status.code, label: status[language] }))]}
          value={filters.status ?? any}
          onChange={(event) => onChange({ status: isStatusCode(event.target.value) ? event.target.value : null })}
        />
        {tags.length > 0 && (
          <SelectField
            label={t('plan_views.filter.tag')}
            options={[anyOption, ...tags.map((tag) => ({ value: tag, label: tag }))]}
            value={filters.tag ?? any}
            onChange={(event) => onChange({ tag: event.target.value || null })}
          />
        )}
        <SelectField
          label={t('plan_views.filter.investment')}
          options={investmentChoices.map((choice) => ({ value: choice, label: t(`plan_views.filter.investment_${choice}`) }))}
          value={filters.investment}
          onChange={(event) => onChange({ investment: investmentChoiceOf(event.target.value) })}
        />
      </div>
      <div className="plan-filters__summary">
        <p className="plan-filters__count" role="status">
          {t('plan_views.count', { shown: formatNumber(shownCount, language), total: formatNumber(actions.length, language) })}
        </p>
        {hasActiveFilters(filters) && (
          <Button variant="quiet" onClick={onClear}>
            {t('plan_views.filter.clear')}
          </Button>
        )}
      </div>
    </section>
  );
}

function yearOrNull(value: string): number | null {
  return value === any ? null : Number(value);
}

function investmentChoiceOf(value: string): InvestmentChoice {
  return value === 'only' || value === 'exclude' ? value : 'all';
}
