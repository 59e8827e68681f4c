import { memo, useCallback, useMemo, useState } from 'react';
import { planWindow } from '../../../shared/cost-model/index.ts';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { formatAmount } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { planCostInputOf } from '../plan-core/plan-cost-inputs.ts';
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

/**
 * The years first, so they are the ones open at first; the sections of actions outside the plan
 * window after them (shown before and after the years).
 */
const sectionKeysOf = (byYear: PlanByYear) => [
  ...byYear.years.map((group) => String(group.year)),
  ...(byYear.after.length > 0 ? [afterKey] : []),
  ...(byYear.before.length > 0 ? [beforeKey] : []),
];
const isEmpty = (byYear: PlanByYear) => byYear.years.length === 0 && byYear.before.length === 0 && byYear.after.length === 0;
const beforeKey = 'before';
const afterKey = 'after';
/** What a section's select box selects: every action of the year, or of the section outside the window. */
const actionIdsOfSection = (byYear: PlanByYear, sectionKey: string) => {
  const rows =
    sectionKey === beforeKey ? byYear.before : sectionKey === afterKey ? byYear.after : byYear.years.find((group) => String(group.year) === sectionKey)?.rows;
  return rows?.map((row) => row.action.id) ?? [];
};

interface PlanByYearViewProps {
  accountId: string;
  canEdit: boolean;
  data: ActionTableData;
}

/**
 * Åtgärder per år: every occurrence grouped by year, with the year's sum; done actions uncounted in
 * the year they were done, and the actions outside the plan window in sections of their own.
 */
export function PlanByYearView({ accountId, canEdit, data }: PlanByYearViewProps) {
  const { t } = useTranslation();
  const window = useMemo(() => planWindow(planCostInputOf(data.plan)), [data.plan]);
  const groupActions = useCallback(
    (filters: PlanFilters) => groupByYear(data.occurrences, data.actionsById, window, filters),
    [data.occurrences, data.actionsById, window],
  );
  const period = { start: window.startYear, end: window.endYear };
  return (
    <ActionView
      accountId={accountId}
      canEdit={canEdit}
      data={data}
      group={groupActions}
      sectionKeysOf={sectionKeysOf}
      actionIdsOf={actionIdsOfSection}
      initiallyOpen={initiallyOpenYears}
      isEmpty={isEmpty}
    >
      {(byYear, sections) => (
        <>
          {byYear.before.length > 0 && (
            <CollapsibleSection
              sectionKey={beforeKey}
              title={t('plan_views.period.before')}
              summary={<OutsideSummary count={byYear.before.length} />}
              isOpen={sections.isOpen(beforeKey)}
              onToggle={sections.onToggle}
              select={sections.selectBox(beforeKey, t('plan_views.period.before'))}
            >
              <p className="table-section__note">{t('plan_views.period.before_text', period)}</p>
              <YearTable sectionKey={beforeKey} caption={t('plan_views.period.before')} rows={byYear.before} isOutside {...sections.rowProps} />
            </CollapsibleSection>
          )}
          {byYear.years.map((group) => (
            <CollapsibleSection
              key={group.year}
              sectionKey={String(group.year)}
              title={group.year}
              summary={<YearSummary group={group} />}
              isOpen={sections.isOpen(String(group.year))}
              onToggle={sections.onToggle}
              select={sections.selectBox(String(group.year), String(group.year))}
            >
              <YearTable sectionKey={String(group.year)} caption={String(group.year)} rows={group.rows} isOutside={false} {...sections.rowProps} />
            </CollapsibleSection>
          ))}
          {byYear.after.length > 0 && (
            <CollapsibleSection
              sectionKey={afterKey}
              title={t('plan_views.period.after')}
              summary={<OutsideSummary count={byYear.after.length} />}
              isOpen={sections.isOpen(afterKey)}
              onToggle={sections.onToggle}
              select={sections.selectBox(afterKey, t('plan_views.period.after'))}
            >
              <p className="table-section__note">{t('plan_views.period.after_text', period)}</p>
              <YearTable sectionKey={afterKey} caption={t('plan_views.period.after')} rows={byYear.after} isOutside {...sections.rowProps} />
            </CollapsibleSection>
          )}
        </>
      )}
    </ActionView>
  );
}

function OutsideSummary({ count }: { count: number }) {
  const { t, language } = useTranslation();
  return <span data-testid="outside-count">{countActions(count, t, language)}</span>;
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

interface YearTableProps extends ActionRowsProps {
  sectionKey: string;
  caption: string;
  rows: YearRow[];
  /** Outside the plan window: each row's year instead of a cost. */
  isOutside: boolean;
}

function YearTable({
  accountId,
  planId,
  sectionKey,
  caption,
  rows: allRows,
  isOutside,
  names,
  canEdit,
  selected,
  onToggleSelected,
  editingKey,
  onEdit,
  onEditDone,
}: YearTableProps) {
  const { t } = useTranslation();
  const [isComplete, setIsComplete] = useState(false);
  const rows = isComplete ? allRows : allRows.slice(0, rowLimit);
  const columnCount = canEdit ? 6 : 4;
  return (
    <div className="table-scroll">
      <table className="table action-table action-table--by-year">
        <caption className="visually-hidden">{caption}</caption>
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
              {t(isOutside ? 'plan_views.period.year_column' : 'plan_views.column.cost')}
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
              rowKey={`${sectionKey}/${row.action.id}`}
              accountId={accountId}
              planId={planId}
              row={row}
              names={names}
              isOutside={isOutside}
              canEdit={canEdit}
              columnCount={columnCount}
              isSelected={selected.has(row.action.id)}
              onToggleSelected={onToggleSelected}
              isEditing={editingKey === `${sectionKey}/${row.action.id}`}
              onEdit={onEdit}
              onEditDone={onEditDone}
            />
          ))}
        </tbody>
      </table>
      {!isComplete && allRows.length > rowLimit && <ShowAllRowsButton count={allRows.length} onShowAll={() => setIsComplete(true)} />}
    </div>
  );
}

type YearTableRowProps = Omit<ActionRowFrameProps, 'action' | 'children'> & { accountId: string; row: YearRow; names: PartNames; isOutside: boolean };

/** Memoised: selecting one row must not re-render thousands. */
const YearTableRow = memo(function YearTableRow({ accountId, row, names, isOutside, ...frame }: YearTableRowProps) {
  const { t, language } = useTranslation();
  const { isRounded } = useDisplayPreferences();
  const { action, occurrence } = row;
  return (
    <ActionRowFrame action={action} {...frame}>
      <NameCell accountId={accountId} action={action} names={names} hasPlace isOverdue={occurrence?.overdue ?? false} hasInterval />
      <QuantityCell action={action} />
      <td className="action-table__number">
        {occurrence !== null ? (
          formatAmount(occurrence.cost, language, isRounded)
        ) : isOutside ? (
          action.year
        ) : (
          <span className="action-table__none">{t('plan_views.period.not_counted')}</span>
        )}
      </td>
      <StatusCell status={occurrence?.status ?? action.status} />
    </ActionRowFrame>
  );
});
