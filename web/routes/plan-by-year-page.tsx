import { ActionViewTab } from '../features/plans/action-view-tab.tsx';
import { PlanByYearView } from '../features/plans/plan-by-year-view.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';

/** Åtgärder per år, the plan page's first tab. */
export function PlanByYearPage() {
  const { t } = useTranslation();
  return <ActionViewTab title={t('plan_views.tab.by_year')} View={PlanByYearView} />;
}
