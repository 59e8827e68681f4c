import type { Plan } from '../../../shared/schemas/plan.ts';
import { Breadcrumb } from '../../components/ui/breadcrumb.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { planPath } from '../plan-core/plan-route-params.ts';
import { useProperty } from '../properties/properties-api.ts';
import { propertyPath } from './plan-paths.ts';

/** Start › property › plan › this screen: the way back to the plan is always one click. */
export function ActionBreadcrumb({ accountId, plan, current }: { accountId: string; plan: Plan; current: string }) {
  const { t } = useTranslation();
  // The property only names a crumb: the screen works without it.
  const property = useProperty(plan.propertyId);
  return (
    <Breadcrumb
      label={t('breadcrumb.label')}
      crumbs={[
        { label: t('nav.start'), to: `/accounts/${encodeURIComponent(accountId)}` },
        { label: property.data?.name ?? t('actions.breadcrumb_property'), to: propertyPath(accountId, plan.propertyId) },
        { label: plan.name, to: planPath(accountId, plan.id) },
      ]}
      current={current}
    />
  );
}
