import type { Plan } from '../../../shared/schemas/plan.ts';
import { Spinner } from '../../components/ui/spinner.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useDisplayPreferences } from '../../lib/display-preferences.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useCurrentMembership } from '../accounts/use-selected-membership.ts';
import { useFundAnalysis } from './analysis-api.ts';
import { DisplayNote } from './display-note.tsx';
import { FundAssumptions } from './fund-assumptions.tsx';
import { FundChartSection } from './fund-chart-section.tsx';
import { FundKeyFigures } from './fund-key-figures.tsx';

/** The fund analysis (avsättningsanalys) of one plan with its editable assumptions. */
export function FundAnalysis({ plan }: { plan: Plan }) {
  const { t } = useTranslation();
  const { vat } = useDisplayPreferences();
  const { role } = useCurrentMembership();
  const canEdit = role !== 'viewer';
  const fund = useFundAnalysis(plan.id, vat);

  return (
    <>
      <DisplayNote vatPercent={plan.vatPercent} />
      <p className="analysis-note">{t('analysis.fund.investments_excluded')}</p>
      {fund.isPending && <Spinner label={t('loading')} />}
      {fund.isError && <QueryLoadError query={fund} />}
      {fund.isSuccess && (
        <>
          <FundKeyFigures plan={plan} fund={fund.data} canEdit={canEdit} />
          <FundChartSection fund={fund.data} minimumBalance={plan.fund.minimumBalance} />
        </>
      )}
      <FundAssumptions plan={plan} canEdit={canEdit} />
    </>
  );
}
