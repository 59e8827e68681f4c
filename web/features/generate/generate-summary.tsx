import { useId, useState } from 'react';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { Button } from '../../components/ui/button.tsx';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { formatAmount } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import type { DraftSummary } from './draft-summary.ts';

export type SummaryState =
  { kind: 'none' } | { kind: 'invalid' } | { kind: 'loading' } | { kind: 'failed' } | { kind: 'ready'; summary: DraftSummary; skippedCount: number };

interface GenerateSummaryProps {
  plan: Plan;
  state: SummaryState;
  /** Building id → name, for the list of drafts. */
  buildingNames: ReadonlyMap<string, string>;
}

/**
 * What the ticks will create, kept up to date as the inspector ticks: the count, their cost in the
 * plan period, and on request each draft's first year and cost. Read out politely as it changes.
 */
export function GenerateSummary({ plan, state, buildingNames }: GenerateSummaryProps) {
  const { t, language } = useTranslation();
  const { isRounded } = useDisplayPreferences();
  const [isListOpen, setIsListOpen] = useState(false);
  const listId = useId();
  const endYear = plan.startYear + plan.lengthYears - 1;
  return (
    <div className="generate-summary" data-testid="generate-summary">
      <div role="status" className="generate-summary__status">
        {state.kind === 'none' && <p>{t('generate.summary_none')}</p>}
        {state.kind === 'invalid' && <p>{t('generate.summary_fix')}</p>}
        {state.kind === 'loading' && <p>{t('generate.summary_loading')}</p>}
        {state.kind === 'failed' && <p>{t('generate.summary_failed')}</p>}
        {state.kind === 'ready' && (
          <>
            <p className="generate-summary__count">
              {state.summary.drafts.length === 1 ? t('generate.summary_count.one') : t('generate.summary_count.other', { count: state.summary.drafts.length })}
            </p>
            <p>{t('generate.summary_cost', { start: plan.startYear, end: endYear, amount: formatAmount(state.summary.total, language, isRounded) })}</p>
            {state.skippedCount > 0 && <p>{t('generate.summary_skipped', { count: state.skippedCount })}</p>}
          </>
        )}
      </div>
      {state.kind === 'ready' && state.summary.drafts.length > 0 && (
        <>
          <Button className="disclosure-toggle" aria-expanded={isListOpen} aria-controls={listId} onClick={() => setIsListOpen((isOpen) => !isOpen)}>
            {t('generate.show_drafts')}
          </Button>
          {/* It scrolls on its own: focusable, so a keyboard can scroll it too. */}
          <div id={listId} hidden={!isListOpen} className="generate-summary__drafts" role="region" aria-label={t('generate.summary_title')} tabIndex={0}>
            {isListOpen && (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('generate.draft_name')}</th>
                    <th scope="col">{t('generate.draft_building')}</th>
                    <th scope="col">{t('generate.draft_year')}</th>
                    <th scope="col" className="table__number">
                      {t('generate.draft_cost')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {state.summary.drafts.map(({ draft, firstYear, firstCost }, index) => (
                    <tr key={`${draft.componentId}/${draft.buildingId ?? 'none'}/${draft.libraryItemId}/${index}`}>
                      <td>{draft.name}</td>
                      <td>{draft.buildingId === null ? t('generate.no_building') : (buildingNames.get(draft.buildingId) ?? '')}</td>
                      <td>{firstYear ?? t('generate.draft_after_period')}</td>
                      <td className="table__number">{firstYear === null ? '' : formatAmount(firstCost, language, isRounded)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </>
      )}
    </div>
  );
}
