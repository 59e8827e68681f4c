import { ActionViewTab } from '../features/plans/action-view-tab.tsx';
import { PlanByCategoryView } from '../features/plans/plan-by-category-view.tsx';
import { useTranslation } from '../lib/i18n/use-translation.ts';

/** Åtgärder per kategori: the plan's actions once each, by category. */
export function PlanByCategoryPage() {
  const { t } = useTranslation();
  return <ActionViewTab title={t('plan_views.tab.by_category')} View={PlanByCategoryView} />;
}
