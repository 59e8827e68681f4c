import type { ReactNode } from 'react';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { Spinner } from '../../components/ui/spinner.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { usePlan } from '../plan-core/plans-api.ts';

interface PlanScreenProps {
  planId: string;
  title: string;
  children: (plan: Plan) => ReactNode;
}

/**
 * An analysis tab: its heading, a page title with the plan's name, and its content once the plan
 * is loaded (the plan layout has usually cached it already). A missing plan is the layout's to
 * explain; here it is a load error like any other.
 */
export function PlanScreen({ planId, title, children }: PlanScreenProps) {
  const { t } = useTranslation();
  const plan = usePlan(planId);
  usePageTitle(plan.data ? `${title} · ${plan.data.name}` : title);
  return (
    <div className="analysis">
      <h2 className="analysis__title">{title}</h2>
      {plan.isPending && <Spinner label={t('loading')} />}
      {plan.isError && <QueryLoadError query={plan} />}
      {plan.isSuccess && children(plan.data)}
    </div>
  );
}
