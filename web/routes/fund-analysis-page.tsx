import { FundAnalysis } from '../features/analysis/fund-analysis.tsx';
import { PlanScreen } from '../features/analysis/plan-screen.tsx';
import { usePlanRouteParams } from '../features/plan-core/plan-route-params.ts';
import { useTranslation } from '../lib/i18n/use-translation.ts';

export function FundAnalysisPage() {
  const { t } = useTranslation();
  const { planId } = usePlanRouteParams();
  return (
    <PlanScreen planId={planId} title={t('analysis.fund.title')}>
      {(plan) => <FundAnalysis plan={plan} />}
    </PlanScreen>
  );
}
