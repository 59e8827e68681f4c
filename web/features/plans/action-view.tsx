import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import type { Action } from '../../../shared/schemas/action.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { ChangeSetNotice } from '../change-sets/change-set-notice.tsx';
import { countHiddenSelected, useActionSelection } from './action-row-selection.ts';
import type { ActionTableData } from './action-table-data.ts';
import { ActionTableToolbar, useOpenSections, useRowEditing } from './action-table.tsx';
import type { BulkChange } from './bulk-edit-bar.tsx';
import type { PartNames } from './plan-by-category.ts';
import { SectionSelectBox } from './section-select-box.tsx';
import { PlanEmptyStates } from './plan-filters-empty.tsx';
import { PlanFiltersBar } from './plan-filters-bar.tsx';
import { usePlanFilters } from './plan-filters-state.ts';
import type { PlanFilters } from './plan-filters.ts';

/**
 * Loaded when an editor first selects an action: the app's main chunk stays under the size at which
 * the build warns (e2e/web-build-warnings.test.ts), and readers never load it.
 */
const BulkEditBar = lazy(() => import('./bulk-edit-bar.tsx').then((module) => ({ default: module.BulkEditBar })));

/** What every grouping of the plan's actions tells the frame: which actions it shows, and their sum. */
interface ShownActions {
  actionIds: readonly string[];
  total: number;
}

/** What each section's table passes on to its rows: selection and inline editing work alike in both views. */
export interface ActionRowsProps {
  accountId: string;
  planId: string;
  names: PartNames;
  canEdit: boolean;
  selected: ReadonlySet<string>;
  onToggleSelected: (actionId: string, isSelected: boolean) => void;
  editingKey: string | null;
  onEdit: (rowKey: string) => void;
  onEditDone: (rowKey: string, action: Action, isSaved: boolean) => void;
}

export interface ActionViewSections {
  isOpen: (sectionKey: string) => boolean;
  onToggle: (sectionKey: string) => void;
  /** The heading's checkbox for the section's actions; undefined for readers who cannot edit. */
  selectBox: (sectionKey: string, title: string) => ReactNode;
  rowProps: ActionRowsProps;
}

interface ActionViewProps<G extends ShownActions> {
  accountId: string;
  canEdit: boolean;
  data: ActionTableData;
  /** Stable while the data is (a `useCallback`): the grouping of 10 000 actions runs only when the data or filters change. */
  group: (filters: PlanFilters) => G;
  /** Module-level, so stable: the keys of the grouping's sections, in order. */
  sectionKeysOf: (grouped: G) => string[];
  /** Module-level, so stable: the actions a section shows, for selecting a whole (closed) section. */
  actionIdsOf: (grouped: G, sectionKey: string) => readonly string[];
  initiallyOpen: number;
  isEmpty: (grouped: G) => boolean;
  /** Under the toolbar, above the sections. */
  note?: ReactNode;
  /** Returns the sections: only called when the grouping has some. */
  children: (grouped: G, sections: ActionViewSections) => ReactNode;
}

/**
 * What the per-year and per-category views share around their sections: the filters, the toolbar
 * (select all, open or close all, the total), the empty states, selection, inline editing with its
 * feedback, and the bulk edit bar.
 */
export function ActionView<G extends ShownActions>({
  accountId,
  canEdit,
  data,
  group,
  sectionKeysOf,
  actionIdsOf,
  initiallyOpen,
  isEmpty,
  note,
  children,
}: ActionViewProps<G>) {
  const { t } = useTranslation();
  const { filters, changeFilters, clearFilters } = usePlanFilters();
  const grouped = useMemo(() => group(filters), [group, filters]);
  const sectionKeys = useMemo(() => sectionKeysOf(grouped), [sectionKeysOf, grouped]);
  const sections = useOpenSections(sectionKeys, initiallyOpen);
  const selection = useActionSelection(grouped.actionIds);
  const sectionActionIds = useMemo(() => new Map(sectionKeys.map((key) => [key, actionIdsOf(grouped, key)])), [sectionKeys, actionIdsOf, grouped]);
  const hiddenCount = countHiddenSelected(
    selection.selected,
    sectionKeys.filter((key) => sections.isOpen(key)).map((key) => sectionActionIds.get(key) ?? []),
  );
  const [bulkChange, setBulkChange] = useState<BulkChange | null>(null);
  const selectBox = (sectionKey: string, title: string) =>
    canEdit ? (
      <SectionSelectBox title={title} actionIds={sectionActionIds.get(sectionKey) ?? []} selected={selection.selected} onSelectMany={selection.selectMany} />
    ) : undefined;
  const editing = useRowEditing(grouped);
  const { finishEdit } = editing;
  const handleEditDone = useCallback(
    (rowKey: string, action: Action, isSaved: boolean) => finishEdit(rowKey, isSaved ? t('plan_views.saved', { name: action.name }) : null),
    [finishEdit, t],
  );
  const rowProps: ActionRowsProps = {
    accountId,
    planId: data.plan.id,
    names: data.names,
    canEdit,
    selected: selection.selected,
    onToggleSelected: selection.toggle,
    editingKey: editing.editingKey,
    onEdit: editing.startEdit,
    onEditDone: handleEditDone,
  };

  return (
    <div className="action-view" ref={editing.container}>
      <PlanFiltersBar
        plan={data.plan}
        actions={data.actions}
        buildings={data.buildings}
        locations={data.locations}
        filters={filters}
        onChange={changeFilters}
        onClear={clearFilters}
        shownCount={grouped.actionIds.length}
      />
      {editing.feedbackView}
      {bulkChange && (
        <ChangeSetNotice
          key={bulkChange.changeSetId}
          planId={data.plan.id}
          changeSetId={bulkChange.changeSetId}
          message={bulkChange.message}
          onDismiss={() => setBulkChange(null)}
        />
      )}
      {isEmpty(grouped) ? (
        <PlanEmptyStates accountId={accountId} planId={data.plan.id} canEdit={canEdit} hasActions={data.actions.length > 0} onClear={clearFilters} />
      ) : (
        <>
          <ActionTableToolbar
            canSelect={canEdit}
            shownCount={grouped.actionIds.length}
            isAllSelected={selection.isAllSelected}
            onSelectAll={selection.selectAll}
            onExpandAll={sections.expandAll}
            onCollapseAll={sections.collapseAll}
            total={grouped.total}
          />
          {note}
          {children(grouped, { isOpen: sections.isOpen, onToggle: sections.toggle, selectBox, rowProps })}
        </>
      )}
      {canEdit && selection.selected.size > 0 && (
        <Suspense fallback={null}>
          <BulkEditBar
            planId={data.plan.id}
            data={data}
            selectedIds={selection.selected}
            hiddenCount={hiddenCount}
            onClear={selection.clear}
            onChanged={(change) => {
              selection.clear();
              setBulkChange(change);
            }}
          />
        </Suspense>
      )}
    </div>
  );
}
