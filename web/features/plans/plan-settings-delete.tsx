import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useDeletePlan } from '../plan-core/plans-api.ts';

interface PlanSettingsDeleteProps {
  accountId: string;
  plan: Plan;
}

/** Deletes the plan with its actions and their history, then goes back to its property. */
export function PlanSettingsDelete({ accountId, plan }: PlanSettingsDeleteProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const navigate = useNavigate();
  const deletePlan = useDeletePlan(plan.propertyId);
  const [isConfirming, setIsConfirming] = useState(false);

  return (
    <section className="section portfolio-danger-zone" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('plans.delete_title')}</h2>
      <p>{t('plans.delete_intro')}</p>
      <Button variant="danger" onClick={() => setIsConfirming(true)}>
        {t('plans.delete')}
      </Button>
      <ConfirmDialog
        isOpen={isConfirming}
        title={t('plans.delete_confirm_title', { name: plan.name })}
        confirmLabel={t('plans.delete')}
        cancelLabel={t('action.cancel')}
        isPending={deletePlan.isPending}
        onConfirm={() =>
          deletePlan.mutate(plan.id, {
            onSuccess: () => void navigate(`/accounts/${accountId}/properties/${plan.propertyId}`, { state: { deletedPlan: plan.name } }),
          })
        }
        onCancel={() => {
          deletePlan.reset();
          setIsConfirming(false);
        }}
      >
        <p>{t('plans.delete_confirm_text')}</p>
        {deletePlan.isError && <Alert tone="error">{describeApiError(deletePlan.error, t)}</Alert>}
      </ConfirmDialog>
    </section>
  );
}
