import { memo, useCallback, useState } from 'react';
import { categoryNames } from '../../../shared/categories.ts';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { formatAmount, formatNumber } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { intervalText } from '../actions/action-labels.ts';
import { countActions, describePlace } from './action-row-labels.ts';
import { ActionRowFrame, type ActionRowFrameProps } from './action-row-frame.tsx';
import { NameCell, QuantityCell, StatusCell } from './action-row.tsx';
import type { ActionTableData } from './action-table-data.ts';
import { CollapsibleSection, rowLimit, ShowAllRowsButton } from './action-table.tsx';
import { ActionView, type ActionRowsProps } from './action-view.tsx';
import { groupByCategory, type CategoryEntry, type CategoryGroup, type PartNames, type PlaceGroup, type PlanByCategory } from './plan-by-category.ts';
import type { PlanFilters } from './plan-filters.ts';

const initiallyOpenCategories = 3;

const categoryKeysOf = (byCategory: PlanByCategory): string[] => byCategory.categories.map((group) => group.category);
const hasNoCategories = (byCategory: PlanByCategory) => byCategory.categories.length === 0;
const actionIdsOfCategory = (byCategory: PlanByCategory, category: string) =>
  byCategory.categories.find((group) => group.category === category)?.places.flatMap((place) => place.entries.map((entry) => entry.action.id)) ?? [];

interface PlanByCategoryViewProps {
  accountId: string;
  canEdit: boolean;
  data: ActionTableData;
}

/** Åtgärder per kategori: each action once, by category, then location and building. */
export function PlanByCategoryView({ accountId, canEdit, data }: PlanByCategoryViewProps) {
  const { t, language } = useTranslation();
  const { isRounded } = useDisplayPreferences();
  const groupActions = useCallback(
    (filters: PlanFilters) => groupByCategory(data.actions, data.occurrences, filters, data.names),
    [data.actions, data.occurrences, data.names],
  );

  return (
    <ActionView
      accountId={accountId}
      canEdit={canEdit}
      data={data}
      group={groupActions}
      sectionKeysOf={categoryKeysOf}
      actionIdsOf={actionIdsOfCategory}
      initiallyOpen={initiallyOpenCategories}
      isEmpty={hasNoCategories}
      note={<p className="action-view__note">{t('plan_views.category_note')}</p>}
    >
      {(byCategory, sections) =>
        byCategory.categories.map((group) => (
          <CollapsibleSection
            key={group.category}
            sectionKey={group.category}
            title={categoryNames[group.category][language]}
            summary={
              <>
                <span>{countActions(group.actionCount, t, language)}</span>
                <span className="table-section__sum" data-testid="category-total">
                  {formatAmount(group.total, language, isRounded)}
                </span>
              </>
            }
            isOpen={sections.isOpen(group.category)}
            onToggle={sections.onToggle}
            select={sections.selectBox(group.category, categoryNames[group.category][language])}
          >
            <CategoryTable group={group} {...sections.rowProps} />
          </CollapsibleSection>
        ))
      }
    </ActionView>
  );
}

function CategoryTable({ group, ...rowProps }: ActionRowsProps & { group: CategoryGroup }) {
  const { t, language } = useTranslation();
  const columnCount = rowProps.canEdit ? 9 : 7;
  return (
    <div className="table-scroll">
      <table className="table action-table">
        <caption className="visually-hidden">{categoryNames[group.category][language]}</caption>
        <thead>
          <tr>
            {rowProps.canEdit && (
              <th scope="col" className="action-table__select">
                <span className="visually-hidden">{t('plan_views.column.select')}</span>
              </th>
            )}
            <th scope="col">{t('plan_views.column.action')}</th>
            <th scope="col" className="action-table__number action-table__wide">
              {t('plan_views.column.quantity')}
            </th>
            <th scope="col" className="action-table__number">
              {t('plan_views.column.next_year')}
            </th>
            <th scope="col" className="action-table__wide">
              {t('plan_views.column.interval')}
            </th>
            <th scope="col" className="action-table__number">
              {t('plan_views.column.cost_per_occurrence')}
            </th>
            <th scope="col" className="action-table__number">
              {t('plan_views.column.total')}
            </th>
            <th scope="col">{t('plan_views.column.status')}</th>
            {rowProps.canEdit && (
              <th scope="col">
                <span className="visually-hidden">{t('plan_views.column.edit')}</span>
              </th>
            )}
          </tr>
        </thead>
        {group.places.map((place) => (
          <PlaceRows key={place.key} place={place} columnCount={columnCount} {...rowProps} />
        ))}
      </table>
    </div>
  );
}

function PlaceRows({ place, columnCount, selected, editingKey, ...rowProps }: ActionRowsProps & { place: PlaceGroup; columnCount: number }) {
  const { t, language } = useTranslation();
  const { isRounded } = useDisplayPreferences();
  const [isComplete, setIsComplete] = useState(false);
  const entries = isComplete ? place.entries : place.entries.slice(0, rowLimit);
  const location = place.locationId === null ? null : (rowProps.names.locations.get(place.locationId) ?? null);
  const building = place.buildingId === null ? null : (rowProps.names.buildings.get(place.buildingId) ?? null);
  return (
    <tbody data-place={place.key}>
      <tr className="action-table__place">
        {/* One cell across the row, its total at the end as in the category's heading: a total in a
            column of its own would widen that column (the edit buttons') past the page at 1280 px. */}
        <th scope="colgroup" colSpan={columnCount}>
          <span className="action-table__place-heading">
            <span className="action-table__place-name">{describePlace(location, building, t)}</span>
            <span className="action-table__place-total" data-testid="place-total">
              {formatAmount(place.total, language, isRounded)}
            </span>
          </span>
        </th>
      </tr>
      {entries.map((entry) => (
        <CategoryRow
          key={entry.action.id}
          entry={entry}
          columnCount={columnCount}
          {...rowProps}
          isSelected={selected.has(entry.action.id)}
          isEditing={editingKey === entry.action.id}
        />
      ))}
      {!isComplete && place.entries.length > rowLimit && (
        <tr>
          <td colSpan={columnCount}>
            <ShowAllRowsButton count={place.entries.length} onShowAll={() => setIsComplete(true)} />
          </td>
        </tr>
      )}
    </tbody>
  );
}

/** The row key is the action's id: each action has one row in this view. */
type CategoryRowProps = Omit<ActionRowFrameProps, 'rowKey' | 'action' | 'children'> & { accountId: string; entry: CategoryEntry; names: PartNames };

/** Memoised: selecting one row must not re-render thousands. */
const CategoryRow = memo(function CategoryRow({ accountId, entry, names, ...frame }: CategoryRowProps) {
  const { t, language } = useTranslation();
  const { isRounded } = useDisplayPreferences();
  const { action } = entry;
  const none = <span className="action-table__none">{t('plan_views.no_occurrence')}</span>;
  const interval = intervalText(action.intervalYears, t);
  return (
    <ActionRowFrame rowKey={action.id} action={action} {...frame}>
      <NameCell
        accountId={accountId}
        action={action}
        names={names}
        hasPlace={false}
        isOverdue={entry.isOverdue}
        hasInterval={false}
        narrowDetails={`${formatNumber(action.quantity, language)} ${action.unit} · ${interval}`}
      />
      <QuantityCell action={action} className="action-table__wide" />
      <td className="action-table__number">{entry.nextYear ?? '–'}</td>
      <td className="action-table__wide">{interval}</td>
      <td className="action-table__number">{entry.costPerOccurrence === null ? none : formatAmount(entry.costPerOccurrence, language, isRounded)}</td>
      <td className="action-table__number">{formatAmount(entry.total, language, isRounded)}</td>
      <StatusCell status={action.status} />
    </ActionRowFrame>
  );
});
