import { EconomicAnalysis } from '../features/analysis/economic-analysis.tsx';
import { PlanScreen } from '../features/analysis/plan-screen.tsx';
import { usePlanRouteParams } from '../features/plan-core/plan-route-params.ts';
import { useTranslation } from '../lib/i18n/use-translation.ts';

export function EconomicAnalysisPage() {
  const { t } = useTranslation();
  const { accountId, planId } = usePlanRouteParams();
  return (
    <PlanScreen planId={planId} title={t('analysis.economic.title')}>
      {(plan) => <EconomicAnalysis accountId={accountId} plan={plan} />}
    </PlanScreen>
  );
}
