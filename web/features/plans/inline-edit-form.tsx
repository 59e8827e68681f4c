import { useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { planWindow } from '../../../shared/cost-model/index.ts';
import type { Action } from '../../../shared/schemas/action.ts';
import { statusSchema } from '../../../shared/schemas/status.ts';
import { yearSchema } from '../../../shared/schemas/common.ts';
import { translateValidationMessage } from '../../../shared/i18n/validation-messages.ts';
import { issuesToFieldCodes } from '../../../shared/validation-issues.ts';
import { statuses } from '../../../shared/statuses.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { ApiError } from '../../lib/api/api-error.ts';
import { describeActionError } from '../../lib/api/describe-api-error.ts';
import { numberField } from '../../lib/forms/form-values.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useUpdateAction } from '../actions/actions-api.ts';
import { YearOutsidePlanNotice } from '../actions/year-outside-plan-notice.tsx';
import { planCostInputOf } from '../plan-core/plan-cost-inputs.ts';
import { usePlan } from '../plan-core/plans-api.ts';

const inlineEditSchema = z.strictObject({ year: numberField(yearSchema), status: statusSchema });

interface InlineEditFormProps {
  planId: string;
  action: Action;
  /** `true` after a save, `false` when cancelled. */
  onClose: (isSaved: boolean) => void;
}

/**
 * Year and status of one action, edited in its row. Opens with focus on the year; Escape cancels.
 * "Done" is not offered (unless it is the current status): completing belongs to the action page,
 * where the actual cost is recorded.
 */
export function InlineEditForm({ planId, action, onClose }: InlineEditFormProps) {
  const { t, language } = useTranslation();
  const updateAction = useUpdateAction(planId);
  const [year, setYear] = useState(String(action.year));
  const [status, setStatus] = useState<string>(action.status);
  const [fieldCodes, setFieldCodes] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  // TextField takes no ref: its input is the form's first.
  const focusYear = () => {
    const input = form.current?.querySelector('input');
    input?.focus();
    input?.select();
  };
  const titleId = useId();
  // The plan page's layout has loaded the plan: this reads its cache.
  const plan = usePlan(planId).data;
  const window = useMemo(() => (plan ? planWindow(planCostInputOf(plan)) : null), [plan]);

  useEffect(focusYear, []);

  const statusOptions = statuses
    .filter((option) => option.code !== 'done' || action.status === 'done')
    .map((option) => ({ value: option.code, label: option[language] }));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const parsed = inlineEditSchema.safeParse({ year, status });
    if (!parsed.success) {
      setFieldCodes(issuesToFieldCodes(parsed.error.issues));
      focusYear();
      return;
    }
    setFieldCodes({});
    const changes = {
      ...(parsed.data.year === action.year ? {} : { year: parsed.data.year }),
      ...(parsed.data.status === action.status ? {} : { status: parsed.data.status }),
    };
    if (Object.keys(changes).length === 0) {
      onClose(false);
      return;
    }
    // mutateAsync rather than mutate's callbacks: the refetch after a change of year moves the row to
    // another year's section, which can unmount this form before mutate's onSuccess would run.
    updateAction.mutateAsync({ actionId: action.id, changes }).then(
      () => onClose(true),
      (error: unknown) => {
        if (error instanceof ApiError && ('year' in error.fieldCodes || 'status' in error.fieldCodes)) {
          setFieldCodes(error.fieldCodes);
        } else {
          setFormError(describeActionError(error, t, language));
        }
      },
    );
  }

  const errorFor = (name: string) => {
    const code = fieldCodes[name];
    return code === undefined ? undefined : translateValidationMessage(code, language);
  };

  return (
    <form
      ref={form}
      className="inline-edit"
      aria-labelledby={titleId}
      noValidate
      onSubmit={handleSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose(false);
        }
      }}
    >
      <p className="visually-hidden" id={titleId}>
        {t('plan_views.edit_title', { name: action.name })}
      </p>
      {formError && <Alert tone="error">{formError}</Alert>}
      <div className="inline-edit__fields">
        <TextField
          label={t('plan_views.edit_year')}
          hint={action.intervalYears === null ? undefined : t('plan_views.edit_year_hint')}
          inputMode="numeric"
          autoComplete="off"
          className="inline-edit__year"
          value={year}
          error={errorFor('year')}
          onChange={(event) => setYear(event.target.value)}
        />
        <SelectField
          label={t('plan_views.edit_status')}
          options={statusOptions}
          value={status}
          error={errorFor('status')}
          onChange={(event) => setStatus(event.target.value)}
        />
        <div className="inline-edit__buttons">
          <Button type="submit" variant="primary" isPending={updateAction.isPending}>
            {t('plan_views.save')}
          </Button>
          <Button onClick={() => onClose(false)}>{t('action.cancel')}</Button>
        </div>
      </div>
      {window && <YearOutsidePlanNotice window={window} year={year} status={status} />}
    </form>
  );
}
