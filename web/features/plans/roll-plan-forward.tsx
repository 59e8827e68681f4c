import { useId, useState, type FormEvent } from 'react';
import { yearSchema } from '../../../shared/schemas/common.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { translateValidationMessage } from '../../../shared/i18n/validation-messages.ts';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { numberField } from '../../lib/forms/form-values.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { ChangeSetNotice } from '../change-sets/change-set-notice.tsx';
import { useUpdatePlan } from '../plan-core/plans-api.ts';
import { RollPlanForwardDialog } from './roll-plan-forward-dialog.tsx';

const toYearSchema = numberField(yearSchema);

interface RollPlanForwardProps {
  accountId: string;
  plan: Plan;
}

/**
 * docs/product/screens.md § Plan settings: a new year has begun and the plan should start in it.
 * Moving the start year is one field, but what it does to unfinished actions is not obvious, so it
 * has its own control and a warning before anything is saved.
 */
export function RollPlanForward({ accountId, plan }: RollPlanForwardProps) {
  const { t, language } = useTranslation();
  const headingId = useId();
  const updatePlan = useUpdatePlan(plan.id);
  const [toYear, setToYear] = useState<number | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [rolled, setRolled] = useState<{ year: number; changeSetId: string } | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem('toYear') as HTMLInputElement;
    const result = toYearSchema.safeParse(input.value);
    if (!result.success) {
      setError(translateValidationMessage(result.error.issues[0]?.message ?? 'field.invalid', language));
    } else if (result.data <= plan.startYear) {
      setError(t('plans.roll.must_be_later', { year: plan.startYear }));
    } else {
      setError(undefined);
      updatePlan.reset();
      setToYear(result.data);
      return;
    }
    input.focus();
  }

  return (
    <section className="section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('plans.roll.title')}</h2>
      <p>{t('plans.roll.intro', { year: plan.startYear })}</p>
      {rolled !== null && (
        <ChangeSetNotice
          key={rolled.changeSetId}
          planId={plan.id}
          changeSetId={rolled.changeSetId}
          message={t('plans.roll.done', { year: rolled.year })}
          onDismiss={() => setRolled(null)}
        />
      )}
      <form className="form portfolio-inline-form" noValidate onSubmit={handleSubmit}>
        {/* The key resets the suggestion to the year after the (new) start year once saved. */}
        <TextField
          key={plan.startYear}
          label={t('plans.roll.to_year')}
          hint={t('plans.roll.to_year_hint')}
          name="toYear"
          defaultValue={plan.startYear + 1}
          inputMode="numeric"
          autoComplete="off"
          error={error}
        />
        <div className="portfolio-inline-form__buttons">
          <Button type="submit" variant="primary">
            {t('plans.roll.submit')}
          </Button>
        </div>
      </form>
      <RollPlanForwardDialog
        accountId={accountId}
        planId={plan.id}
        toYear={toYear}
        lengthYears={plan.lengthYears}
        isPending={updatePlan.isPending}
        error={updatePlan.error}
        onCancel={() => setToYear(null)}
        onConfirm={() => {
          if (toYear === null) return;
          updatePlan.mutate(
            { startYear: toYear },
            {
              onSuccess: ({ changeSetId }) => {
                setRolled(changeSetId === undefined ? null : { year: toYear, changeSetId });
                setToYear(null);
              },
            },
          );
        }}
      />
    </section>
  );
}
