import { useEffect, useId, useRef, useState } from 'react';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { formatNumber } from '../../lib/i18n/format-amount.ts';
import type { MessageKey } from '../../lib/i18n/translate.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useUpdatePlan } from '../plan-core/plans-api.ts';
import { fundFormSchema, numberInputValue } from './fund-form-schema.ts';
import { useAmountFormat } from './use-amount-format.ts';

type FundField = keyof Plan['fund'];

const fields: { name: FundField; label: MessageKey; hint?: MessageKey; isAmount: boolean }[] = [
  { name: 'openingBalance', label: 'analysis.fund.opening_balance', hint: 'analysis.fund.opening_balance_hint', isAmount: true },
  { name: 'currentProvisionPerYear', label: 'analysis.fund.current_provision', isAmount: true },
  { name: 'provisionGrowthPercent', label: 'analysis.fund.provision_growth', isAmount: false },
  { name: 'interestRatePercent', label: 'analysis.fund.interest', isAmount: false },
  { name: 'minimumBalance', label: 'analysis.fund.minimum_balance', hint: 'analysis.fund.minimum_balance_hint', isAmount: true },
];

/** The plan's fund assumptions: a form for editors, a list for viewers. */
export function FundAssumptions({ plan, canEdit }: { plan: Plan; canEdit: boolean }) {
  const { t, language } = useTranslation();
  const format = useAmountFormat();
  const headingId = useId();
  const [isSaved, setIsSaved] = useState(false);
  // Here, not in the form: the form remounts when the saved plan arrives, and a mutation's
  // callbacks die with the component that started it.
  const updatePlan = useUpdatePlan(plan.id);
  const savedNote = useRef<HTMLDivElement>(null);

  // Saving refills the form (a new plan version), which takes the focus away: it goes to the outcome.
  useEffect(() => {
    if (isSaved) savedNote.current?.focus();
  }, [isSaved]);

  return (
    <section className="analysis-card fund-assumptions" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('analysis.fund.assumptions')}</h3>
      {canEdit ? (
        <>
          {isSaved && (
            <div ref={savedNote} tabIndex={-1}>
              <Alert tone="success">{t('analysis.fund.saved')}</Alert>
            </div>
          )}
          {/* A new plan version (e.g. "Use this") refills the fields with the stored values. */}
          <FundAssumptionsForm key={plan.updatedAt} plan={plan} updatePlan={updatePlan} onSaved={() => setIsSaved(true)} onEdit={() => setIsSaved(false)} />
        </>
      ) : (
        <>
          <p className="analysis-card__hint">{t('analysis.fund.assumptions_read_only')}</p>
          <dl className="fund-assumptions__list">
            {fields.map((field) => (
              <div key={field.name}>
                <dt>{t(field.label)}</dt>
                <dd>{field.isAmount ? format.amount(plan.fund[field.name]) : `${formatNumber(plan.fund[field.name], language)} %`}</dd>
              </div>
            ))}
          </dl>
        </>
      )}
    </section>
  );
}

interface FundAssumptionsFormProps {
  plan: Plan;
  updatePlan: ReturnType<typeof useUpdatePlan>;
  onSaved: () => void;
  onEdit: () => void;
}

function FundAssumptionsForm({ plan, updatePlan, onSaved, onEdit }: FundAssumptionsFormProps) {
  const { t, language } = useTranslation();
  const form = useValidatedForm(fundFormSchema);

  return (
    <form
      className="form"
      noValidate
      onChange={onEdit}
      onSubmit={form.handleSubmit((body) => updatePlan.mutate(body, { onError: form.showApiError, onSuccess: onSaved }))}
    >
      {updatePlan.isError && <Alert tone="error">{describeApiError(updatePlan.error, t)}</Alert>}
      <div className="form__row">
        {fields.map((field) => (
          <TextField
            key={field.name}
            label={t(field.label)}
            hint={field.hint && t(field.hint)}
            name={`fund.${field.name}`}
            inputMode="decimal"
            autoComplete="off"
            defaultValue={numberInputValue(plan.fund[field.name], language)}
            error={form.errorFor(`fund.${field.name}`)}
          />
        ))}
      </div>
      <Button type="submit" variant="primary" isPending={updatePlan.isPending}>
        {t('analysis.fund.save')}
      </Button>
    </form>
  );
}
