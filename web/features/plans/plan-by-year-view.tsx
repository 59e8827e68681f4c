import { memo, useCallback, useState } from 'react';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { formatAmount } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { countActions } from './action-row-labels.ts';
import { ActionRowFrame, type ActionRowFrameProps } from './action-row-frame.tsx';
import { NameCell, QuantityCell, StatusCell } from './action-row.tsx';
import type { ActionTableData } from './action-table-data.ts';
import { CollapsibleSection, rowLimit, ShowAllRowsButton } from './action-table.tsx';
import { ActionView, type ActionRowsProps } from './action-view.tsx';
import type { PartNames } from './plan-by-category.ts';
import { groupByYear, type PlanByYear, type YearGroup, type YearRow } from './plan-by-year.ts';
import type { PlanFilters } from './plan-filters.ts';

/** The years open at first: enough to start work, few enough to render at once with 10 000 actions. */
const initiallyOpenYears = 3;

const yearKeysOf = (byYear: PlanByYear) => byYear.years.map((group) => String(group.year));
const hasNoYears = (byYear: PlanByYear) => byYear.years.length === 0;
const actionIdsOfYear = (byYear: PlanByYear, yearKey: string) =>
  byYear.years.find((group) => String(group.year) === yearKey)?.rows.map((row) => row.action.id) ?? [];

interface PlanByYearViewProps {
  accountId: string;
  canEdit: boolean;
  data: ActionTableData;
}

/** Åtgärder per år: every occurrence grouped by year, with the year's sum. */
export function PlanByYearView({ accountId, canEdit, data }: PlanByYearViewProps) {
  const groupActions = useCallback((filters: PlanFilters) => groupByYear(data.occurrences, data.actionsById, filters), [data.occurrences, data.actionsById]);
  return (
    <ActionView
      accountId={accountId}
      canEdit={canEdit}
      data={data}
      group={groupActions}
      sectionKeysOf={yearKeysOf}
      actionIdsOf={actionIdsOfYear}
      initiallyOpen={initiallyOpenYears}
      isEmpty={hasNoYears}
    >
      {(byYear, sections) =>
        byYear.years.map((group) => (
          <CollapsibleSection
            key={group.year}
            sectionKey={String(group.year)}
            title={group.year}
            summary={<YearSummary group={group} />}
            isOpen={sections.isOpen(String(group.year))}
            onToggle={sections.onToggle}
            select={sections.selectBox(String(group.year), String(group.year))}
          >
            <YearTable group={group} {...sections.rowProps} />
          </CollapsibleSection>
        ))
      }
    </ActionView>
  );
}

function YearSummary({ group }: { group: YearGroup }) {
  const { t, language } = useTranslation();
  const { isRounded } = useDisplayPreferences();
  return (
    <>
      <span>{countActions(group.rows.length, t, language)}</span>
      <span className="table-section__sum" data-testid="year-total">
        {formatAmount(group.total, language, isRounded)}
      </span>
    </>
  );
}

function YearTable({
  accountId,
  planId,
  group,
  names,
  canEdit,
  selected,
  onToggleSelected,
  editingKey,
  onEdit,
  onEditDone,
}: ActionRowsProps & { group: YearGroup }) {
  const { t } = useTranslation();
  const [isComplete, setIsComplete] = useState(false);
  const rows = isComplete ? group.rows : group.rows.slice(0, rowLimit);
  const columnCount = canEdit ? 6 : 4;
  return (
    <div className="table-scroll">
      <table className="table action-table action-table--by-year">
        <caption className="visually-hidden">{group.year}</caption>
        <thead>
          <tr>
            {canEdit && (
              <th scope="col" className="action-table__select">
                <span className="visually-hidden">{t('plan_views.column.select')}</span>
              </th>
            )}
            <th scope="col">{t('plan_views.column.action')}</th>
            <th scope="col" className="action-table__number action-table__quantity">
              {t('plan_views.column.quantity')}
            </th>
            <th scope="col" className="action-table__number action-table__cost">
              {t('plan_views.column.cost')}
            </th>
            <th scope="col" className="action-table__status">
              {t('plan_views.column.status')}
            </th>
            {canEdit && (
              <th scope="col" className="action-table__edit">
                <span className="visually-hidden">{t('plan_views.column.edit')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <YearTableRow
              key={row.action.id}
              rowKey={`${group.year}/${row.action.id}`}
              accountId={accountId}
              planId={planId}
              row={row}
              names={names}
              canEdit={canEdit}
              columnCount={columnCount}
              isSelected={selected.has(row.action.id)}
              onToggleSelected={onToggleSelected}
              isEditing={editingKey === `${group.year}/${row.action.id}`}
              onEdit={onEdit}
              onEditDone={onEditDone}
            />
          ))}
        </tbody>
      </table>
      {!isComplete && group.rows.length > rowLimit && <ShowAllRowsButton count={group.rows.length} onShowAll={() => setIsComplete(true)} />}
    </div>
  );
}

type YearTableRowProps = Omit<ActionRowFrameProps, 'action' | 'children'> & { accountId: string; row: YearRow; names: PartNames };

/** Memoised: selecting one row must not re-render thousands. */
const YearTableRow = memo(function YearTableRow({ accountId, row, names, ...frame }: YearTableRowProps) {
  const { language } = useTranslation();
  const { isRounded } = useDisplayPreferences();
  const { action, occurrence } = row;
  return (
    <ActionRowFrame action={action} {...frame}>
      <NameCell accountId={accountId} action={action} names={names} hasPlace isOverdue={occurrence.overdue} hasInterval />
      <QuantityCell action={action} />
      <td className="action-table__number">{formatAmount(occurrence.cost, language, isRounded)}</td>
      <StatusCell status={occurrence.status} />
    </ActionRowFrame>
  );
});
