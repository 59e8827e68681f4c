import { useState } from 'react';
import type { CreatePlanRequest } from '../../../shared/schemas/plan.ts';
import { CheckboxField } from '../../components/ui/checkbox-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { formatNumber } from '../../lib/i18n/format-amount.ts';
import type { MessageKey } from '../../lib/i18n/translate.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { PortfolioForm, type PortfolioFormSubmit } from '../properties/portfolio-form.tsx';
import { fundFieldNames, planFormSchema, type PlanSettings } from './plan-form-schema.ts';

/** The fund's fields, row by row: the balances, then the rates. */
const fundRows: readonly (readonly { name: keyof PlanSettings['fund']; label: MessageKey }[])[] = [
  [
    { name: 'openingBalance', label: 'plans.fund.opening_balance' },
    { name: 'currentProvisionPerYear', label: 'plans.fund.current_provision' },
    { name: 'minimumBalance', label: 'plans.fund.minimum_balance' },
  ],
  [
    { name: 'provisionGrowthPercent', label: 'plans.fund.provision_growth' },
    { name: 'interestRatePercent', label: 'plans.fund.interest_rate' },
  ],
];

interface PlanFormProps {
  initial: PlanSettings;
  submitLabel: string;
  isPending: boolean;
  /** The failed request's error, shown above the fields. */
  error: unknown;
  onSubmit: (request: Required<CreatePlanRequest>, done: PortfolioFormSubmit) => void;
  onCancel?: () => void;
  /** When the form opens on request (not with the page), focus moves into its first field. */
  isFocusedOnOpen?: boolean;
}

/** Every setting of a plan, for creating one and for changing one. */
export function PlanForm({ initial, submitLabel, isPending, error, onSubmit, onCancel, isFocusedOnOpen = false }: PlanFormProps) {
  const { t, language } = useTranslation();
  const form = useValidatedForm(planFormSchema);
  const [isFundOpen, setIsFundOpen] = useState(false);
  // A field in error must be visible to receive focus, so the fund section opens by itself.
  const hasFundError = fundFieldNames.some((name) => form.errorFor(name) !== undefined);
  const number = (value: number) => formatNumber(value, language);

  return (
    <PortfolioForm
      className="form plan-form"
      submitLabel={submitLabel}
      isPending={isPending}
      error={error}
      onSubmit={form.handleSubmit((request, element) => onSubmit(request, { form: element, showApiError: form.showApiError }))}
      onCancel={onCancel}
      isFocusedOnOpen={isFocusedOnOpen}
    >
      <TextField
        label={t('plans.field.name')}
        hint={t('plans.field.name_hint')}
        name="name"
        defaultValue={initial.name}
        autoComplete="off"
        required
        error={form.errorFor('name')}
      />
      <div className="form__row">
        <TextField
          label={t('plans.field.start_year')}
          name="startYear"
          defaultValue={initial.startYear}
          inputMode="numeric"
          autoComplete="off"
          required
          error={form.errorFor('startYear')}
        />
        <TextField
          label={t('plans.field.length_years')}
          hint={t('plans.field.length_years_hint')}
          name="lengthYears"
          defaultValue={initial.lengthYears}
          inputMode="numeric"
          autoComplete="off"
          required
          error={form.errorFor('lengthYears')}
        />
      </div>
      <div className="form__row">
        <TextField
          label={t('plans.field.client_cost_percent')}
          hint={t('plans.field.client_cost_percent_hint')}
          name="clientCostPercent"
          defaultValue={number(initial.clientCostPercent)}
          inputMode="decimal"
          autoComplete="off"
          required
          error={form.errorFor('clientCostPercent')}
        />
        <TextField
          label={t('plans.field.vat_percent')}
          hint={t('plans.field.vat_percent_hint')}
          name="vatPercent"
          defaultValue={number(initial.vatPercent)}
          inputMode="decimal"
          autoComplete="off"
          required
          error={form.errorFor('vatPercent')}
        />
      </div>
      <fieldset className="plan-form__fieldset">
        <legend>{t('plans.indexation.legend')}</legend>
        <CheckboxField
          label={t('plans.indexation.enabled')}
          hint={t('plans.indexation.hint')}
          name="indexation.enabled"
          defaultChecked={initial.indexation.enabled}
        />
        <div className="form__row">
          <TextField
            label={t('plans.indexation.rate')}
            name="indexation.annualRatePercent"
            defaultValue={number(initial.indexation.annualRatePercent)}
            inputMode="decimal"
            autoComplete="off"
            required
            error={form.errorFor('indexation.annualRatePercent')}
          />
          <TextField
            label={t('plans.indexation.base_year')}
            hint={t('plans.indexation.base_year_hint')}
            name="indexation.defaultBaseYear"
            defaultValue={initial.indexation.defaultBaseYear ?? ''}
            inputMode="numeric"
            autoComplete="off"
            error={form.errorFor('indexation.defaultBaseYear')}
          />
        </div>
      </fieldset>
      <details className="plan-form__fund" open={isFundOpen || hasFundError} onToggle={(event) => setIsFundOpen(event.currentTarget.open)}>
        <summary>{t('plans.fund.summary')}</summary>
        <div className="plan-form__fund-fields">
          <p className="form__note">{t('plans.fund.hint')}</p>
          {fundRows.map((row, index) => (
            <div className="form__row" key={index}>
              {row.map((field) => (
                <TextField
                  key={field.name}
                  label={t(field.label)}
                  name={`fund.${field.name}`}
                  defaultValue={number(initial.fund[field.name])}
                  inputMode="decimal"
                  autoComplete="off"
                  required
                  error={form.errorFor(`fund.${field.name}`)}
                />
              ))}
            </div>
          ))}
        </div>
      </details>
    </PortfolioForm>
  );
}
