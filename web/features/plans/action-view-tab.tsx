import type { ComponentType } from 'react';
import { Spinner } from '../../components/ui/spinner.tsx';
import { QueryLoadError } from '../../lib/api/query-load-error.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';
import { useCurrentMembership } from '../accounts/use-selected-membership.ts';
import { usePlanRouteParams } from '../plan-core/plan-route-params.ts';
import { useActionTableData, type ActionTableData } from './action-table-data.ts';

interface ActionViewTabProps {
  /** The tab's name: its hidden heading and the first part of the page title. */
  title: string;
  View: ComponentType<{ accountId: string; canEdit: boolean; data: ActionTableData }>;
}

/** A plan tab that lists the plan's actions: loads what the views need, then shows one of them. */
export function ActionViewTab({ title, View }: ActionViewTabProps) {
  const { t } = useTranslation();
  const { accountId, planId } = usePlanRouteParams();
  const { role } = useCurrentMembership();
  const data = useActionTableData(planId);
  usePageTitle(data.state === 'ready' ? `${title} · ${data.plan.name}` : title);

  return (
    <section className="plan-tab" aria-labelledby="plan-tab-title">
      <h2 className="visually-hidden" id="plan-tab-title">
        {title}
      </h2>
      {data.state === 'pending' && <Spinner label={t('loading')} />}
      {data.state === 'error' && <QueryLoadError query={{ error: data.error, refetch: data.retry, isFetching: data.isRetrying }} />}
      {data.state === 'ready' && <View accountId={accountId} canEdit={role !== 'viewer'} data={data} />}
    </section>
  );
}
