import { startTransition, useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { formatAmount, formatNumber } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

/**
 * Rows rendered per section before "show all": a year or category can hold thousands of rows, and
 * a table of 12 000 rows takes seconds to lay out on a tablet. Typical plans (a few hundred
 * actions over 30 years) never reach it.
 */
export const rowLimit = 50;

interface ToolbarProps {
  canSelect: boolean;
  shownCount: number;
  isAllSelected: boolean;
  onSelectAll: (isSelected: boolean) => void;
  onExpandAll: () => void;
  onCollapseAll: () => void;
  total: number;
}

/** Above the sections: select all shown, open or close every section, and the total shown. */
export function ActionTableToolbar({ canSelect, shownCount, isAllSelected, onSelectAll, onExpandAll, onCollapseAll, total }: ToolbarProps) {
  const { t, language } = useTranslation();
  const { vat, isRounded } = useDisplayPreferences();
  return (
    <div className="action-toolbar">
      {canSelect && (
        <label className="action-toolbar__select-all">
          <input type="checkbox" className="checkbox" checked={isAllSelected} onChange={(event) => onSelectAll(event.target.checked)} />
          <span>{t('plan_views.select_all_shown', { count: formatNumber(shownCount, language) })}</span>
        </label>
      )}
      <div className="action-toolbar__sections">
        <Button variant="quiet" onClick={onExpandAll}>
          {t('plan_views.expand_all')}
        </Button>
        <Button variant="quiet" onClick={onCollapseAll}>
          {t('plan_views.collapse_all')}
        </Button>
      </div>
      <p className="action-toolbar__total">
        <span>{t('plan_views.grand_total')}: </span>
        <strong data-testid="grand-total">{formatAmount(total, language, isRounded)}</strong>
        <span className="action-toolbar__vat">
          {' '}
          {t(vat === 'incl' ? 'plan_views.amounts_incl' : 'plan_views.amounts_excl')}
          {isRounded && ` ${t('plan_views.amounts_rounded')}`}
        </span>
      </p>
    </div>
  );
}

interface CollapsibleSectionProps {
  /** Stable across renders: names the section for tests and the heading's button. */
  sectionKey: string;
  title: ReactNode;
  summary: ReactNode;
  isOpen: boolean;
  onToggle: (sectionKey: string) => void;
  /** A checkbox beside the heading that selects the section's actions, also while it is closed. */
  select?: ReactNode;
  children: ReactNode;
}

/**
 * A year or a category: a heading whose button opens and closes the rows. Closed sections render
 * no rows at all, and `content-visibility: auto` (plan.css) lets the browser skip laying out open
 * ones that are off screen.
 */
export function CollapsibleSection({ sectionKey, title, summary, isOpen, onToggle, select, children }: CollapsibleSectionProps) {
  const contentId = useId();
  const heading = (
    <h3 className="table-section__heading">
      <button type="button" className="table-section__toggle" aria-expanded={isOpen} aria-controls={contentId} onClick={() => onToggle(sectionKey)}>
        <span className="table-section__title">{title}</span>
        <span className="table-section__summary">{summary}</span>
      </button>
    </h3>
  );
  return (
    <section className="table-section" data-section={sectionKey}>
      {select ? (
        <div className="table-section__header">
          {select}
          {heading}
        </div>
      ) : (
        heading
      )}
      <div id={contentId} hidden={!isOpen}>
        {isOpen && children}
      </div>
    </section>
  );
}

export function ShowAllRowsButton({ count, onShowAll }: { count: number; onShowAll: () => void }) {
  const { t, language } = useTranslation();
  return (
    <p className="table-section__more">
      <Button onClick={onShowAll}>{t('plan_views.show_all_rows', { count: formatNumber(count, language) })}</Button>
    </p>
  );
}

/**
 * Which sections are open. A base rule (the first `initiallyOpen`, all, or none) and the sections
 * the person turned against it, so sections that appear later (a filter change, an action moved
 * to a new year) follow the rule: after "expand all" they open too.
 */
export function useOpenSections(keys: readonly string[], initiallyOpen: number) {
  const [state, setState] = useState<{ rule: 'first' | 'all' | 'none'; turned: ReadonlySet<string> }>({
    rule: 'first',
    turned: new Set(),
  });
  const firstKeys = useMemo(() => new Set(keys.slice(0, initiallyOpen)), [keys, initiallyOpen]);
  const isOpenByRule = (key: string) => state.rule === 'all' || (state.rule === 'first' && firstKeys.has(key));
  const toggle = useCallback(
    (key: string) =>
      setState((current) => {
        const turned = new Set(current.turned);
        if (turned.has(key)) turned.delete(key);
        else turned.add(key);
        return { rule: current.rule, turned };
      }),
    [],
  );
  return {
    isOpen: (key: string) => isOpenByRule(key) !== state.turned.has(key),
    toggle,
    // A transition: opening every section of a large plan renders many rows, and the page should
    // stay responsive (the button's press, scrolling) while it does.
    expandAll: () => startTransition(() => setState({ rule: 'all', turned: new Set() })),
    collapseAll: () => setState({ rule: 'none', turned: new Set() }),
  };
}

/**
 * One row in inline edit at a time, and where focus goes afterwards: back to the row's edit
 * button when it is still on screen (the action may have moved to a closed year), else to the
 * confirmation, so keyboard and screen-reader users are never left on a removed element.
 */
export function useRowEditing(dataVersion: unknown) {
  const container = useRef<HTMLDivElement>(null);
  const feedbackElement = useRef<HTMLDivElement>(null);
  const [editingKey, setEditingKey] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<string | null>(null);
  const [focusTarget, setFocusTarget] = useState<{ rowKey: string } | null>(null);

  useEffect(() => {
    if (!focusTarget) return;
    const button = container.current?.querySelector<HTMLElement>(`[data-edit-row="${CSS.escape(focusTarget.rowKey)}"]`);
    (button ?? feedbackElement.current)?.focus();
    setFocusTarget(null);
  }, [focusTarget, dataVersion]);

  const startEdit = useCallback((rowKey: string) => {
    setFeedback(null);
    setEditingKey((current) => (current === rowKey ? null : rowKey));
  }, []);

  const finishEdit = useCallback((rowKey: string, message: string | null) => {
    setEditingKey(null);
    if (message !== null) setFeedback(message);
    setFocusTarget({ rowKey });
  }, []);

  const feedbackView = (
    <div ref={feedbackElement} tabIndex={-1} className="action-feedback">
      {feedback && <Alert tone="success">{feedback}</Alert>}
    </div>
  );
  return { container, editingKey, startEdit, finishEdit, feedbackView };
}
