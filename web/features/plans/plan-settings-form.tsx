import { useId, useState } from 'react';
import type { CreatePlanRequest, Plan } from '../../../shared/schemas/plan.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { ChangeSetNotice } from '../change-sets/change-set-notice.tsx';
import { useUpdatePlan } from '../plan-core/plans-api.ts';
import { PlanForm } from './plan-form.tsx';
import { RollPlanForwardDialog } from './roll-plan-forward-dialog.tsx';

interface PlanSettingsFormProps {
  accountId: string;
  plan: Plan;
}

type PlanRequest = Required<CreatePlanRequest>;

/**
 * Every setting of the plan. A later start year typed here has the same consequences as rolling
 * the plan forward, so it gets the same warning before it is saved.
 */
export function PlanSettingsForm({ accountId, plan }: PlanSettingsFormProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const updatePlan = useUpdatePlan(plan.id);
  const [requestToConfirm, setRequestToConfirm] = useState<{ request: PlanRequest; showApiError: (error: unknown) => void } | null>(null);
  /** Saved; a later start year rolled the plan forward as a change set the notice can undo. */
  const [saved, setSaved] = useState<{ changeSetId?: string } | null>(null);

  function save(request: PlanRequest, showApiError: (error: unknown) => void) {
    setSaved(null);
    updatePlan.mutate(request, {
      onError: showApiError,
      onSuccess: ({ changeSetId }) => setSaved({ changeSetId }),
      onSettled: () => setRequestToConfirm(null),
    });
  }

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('plans.settings.form_title')}</h2>
      {saved?.changeSetId !== undefined ? (
        <ChangeSetNotice
          key={saved.changeSetId}
          planId={plan.id}
          changeSetId={saved.changeSetId}
          message={t('plans.settings.saved')}
          onDismiss={() => setSaved(null)}
        />
      ) : (
        saved !== null && <Alert tone="success">{t('plans.settings.saved')}</Alert>
      )}
      <PlanForm
        // Saved values come back from the server; a new key shows them in the uncontrolled fields.
        key={plan.updatedAt}
        initial={plan}
        submitLabel={t('plans.settings.save')}
        isPending={updatePlan.isPending && requestToConfirm === null}
        error={requestToConfirm === null ? updatePlan.error : null}
        onSubmit={(request, { showApiError }) => {
          if (request.startYear > plan.startYear) setRequestToConfirm({ request, showApiError });
          else save(request, showApiError);
        }}
      />
      <RollPlanForwardDialog
        accountId={accountId}
        planId={plan.id}
        toYear={requestToConfirm?.request.startYear ?? null}
        lengthYears={requestToConfirm?.request.lengthYears ?? plan.lengthYears}
        isPending={updatePlan.isPending}
        error={updatePlan.error}
        onCancel={() => {
          updatePlan.reset();
          setRequestToConfirm(null);
        }}
        onConfirm={() => requestToConfirm && save(requestToConfirm.request, requestToConfirm.showApiError)}
      />
    </section>
  );
}
