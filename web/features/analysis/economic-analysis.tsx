import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { CheckboxField } from '../../components/ui/checkbox-field.tsx';
import { EmptyState } from '../../components/ui/empty-state.tsx';
import { Spinner } from '../../components/ui/spinner.tsx';
import { useCurrentMembership } from '../accounts/use-selected-membership.ts';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useActions } from '../actions/actions-api.ts';
import { planPath } from '../plan-core/plan-route-params.ts';
import { useProperty } from '../properties/properties-api.ts';
import { useBuildings } from '../property-parts/property-parts-api.ts';
import { analysisFiguresOf } from './analysis-figures.ts';
import { AnalysisKeyFigures } from './analysis-key-figures.tsx';
import { AnalysisShares } from './analysis-shares.tsx';
import { CostPerYearSection } from './cost-per-year-section.tsx';
import { DisplayNote } from './display-note.tsx';

/**
 * The economic analysis of one plan: key figures, cost per year by category, and three splits of the
 * total, computed here from the plan's actions (analysis-figures.ts), so every sum it shows is exact
 * however the legends narrow it.
 */
export function EconomicAnalysis({ accountId, plan }: { accountId: string; plan: Plan }) {
  const { t } = useTranslation();
  const { vat } = useDisplayPreferences();
  const { role } = useCurrentMembership();
  const [includeInvestments, setIncludeInvestments] = useState(true);
  const actions = useActions(plan.id);
  const property = useProperty(plan.propertyId);
  const buildings = useBuildings(plan.propertyId);
  // "Now" for the maintenance debt is this calendar year (UTC), as the API's default.
  const asOfYear = new Date().getUTCFullYear();
  const figures = useMemo(
    () => (actions.data && property.data ? analysisFiguresOf(plan, property.data, actions.data, { vat, includeInvestments, asOfYear }) : undefined),
    [plan, property.data, actions.data, vat, includeInvestments, asOfYear],
  );
  const failed = [actions, property].find((query) => query.isError);
  const period = { start: plan.startYear, end: plan.startYear + plan.lengthYears - 1 };

  return (
    <>
      <DisplayNote vatPercent={plan.vatPercent} />
      <CheckboxField
        label={t('analysis.include_investments')}
        hint={t('analysis.include_investments_hint')}
        checked={includeInvestments}
        onChange={(event) => setIncludeInvestments(event.target.checked)}
      />
      {failed ? <QueryLoadError query={failed} /> : figures === undefined && <Spinner label={t('loading')} />}
      {figures && figures.analysis.total === 0 && (
        <EmptyState
          title={t('analysis.empty_title')}
          action={
            role === 'viewer' ? (
              <Link to={planPath(accountId, plan.id)}>{t('analysis.to_actions')}</Link>
            ) : (
              <Link className="button button--primary" to={`${planPath(accountId, plan.id)}/actions/new`}>
                {t('analysis.add_action')}
              </Link>
            )
          }
        >
          <p>{t(includeInvestments ? 'analysis.empty_text' : 'analysis.empty_text_without_investments', period)}</p>
        </EmptyState>
      )}
      {figures && figures.analysis.total !== 0 && (
        <>
          <AnalysisKeyFigures accountId={accountId} plan={plan} analysis={figures.analysis} vat={vat} />
          <CostPerYearSection analysis={figures.analysis} />
          <AnalysisShares shares={figures.shares} buildings={buildings.data} areBuildingsLoading={buildings.isPending} />
        </>
      )}
    </>
  );
}
