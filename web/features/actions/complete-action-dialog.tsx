import { useId, useState } from 'react';
import type { ActionWithCompletions, CompleteActionResponse } from '../../../shared/schemas/action.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { useModalDialog } from '../../components/ui/use-modal-dialog.ts';
import { ApiError } from '../../lib/api/api-error.ts';
import { describeActionError, describeApiError } from '../../lib/api/describe-api-error.ts';
import { parseNumberInput } from '../../lib/forms/form-values.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useCompleteAction } from './actions-api.ts';
import { intervalText, statusName } from './action-labels.ts';
import { completeActionFormSchema, dueYearOf, outcomeOfCompletion } from './complete-action-form-schema.ts';
import { TextAreaField } from '../../components/ui/text-area-field.tsx';

interface CompleteActionDialogProps {
  action: ActionWithCompletions;
  isOpen: boolean;
  onClose: () => void;
  onCompleted: (result: CompleteActionResponse) => void;
}

const dialogFields = new Set(['year', 'actualCost', 'note']);

/**
 * "Mark done" as a modal form on the native <dialog> (focus trapped, Escape closes). Before the
 * person confirms, it says what will happen to the action for the year typed.
 */
export function CompleteActionDialog({ action, isOpen, onClose, onCompleted }: CompleteActionDialogProps) {
  const { t, language } = useTranslation();
  const dialog = useModalDialog(isOpen);
  const titleId = useId();
  const completeAction = useCompleteAction(action.planId);
  const form = useValidatedForm(completeActionFormSchema);
  const dueYear = dueYearOf(action);
  const [yearText, setYearText] = useState(String(dueYear));

  const typedYear = parseNumberInput(yearText);
  const outcome = typedYear !== undefined && Number.isInteger(typedYear) ? outcomeOfCompletion(action, typedYear) : null;

  return (
    <dialog
      ref={dialog}
      className="dialog complete-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
    >
      <h2 className="dialog__title" id={titleId}>
        {t('actions.complete.title', { name: action.name })}
      </h2>
      <form
        className="form"
        noValidate
        onSubmit={form.handleSubmit((completion) =>
          completeAction.mutate({ actionId: action.id, completion }, { onError: form.showApiError, onSuccess: onCompleted }),
        )}
      >
        {completeAction.isError && <Alert tone="error">{describeCompletionError(completeAction.error)}</Alert>}
        <TextField
          label={t('actions.complete.year')}
          name="year"
          inputMode="numeric"
          value={yearText}
          onChange={(event) => setYearText(event.target.value)}
          error={form.errorFor('year')}
        />
        <TextField
          label={t('actions.complete.actual_cost')}
          hint={t('actions.complete.actual_cost_hint')}
          name="actualCost"
          inputMode="decimal"
          error={form.errorFor('actualCost')}
        />
        <TextAreaField label={t('actions.complete.note')} name="note" rows={3} error={form.errorFor('note')} />
        <p className="complete-dialog__outcome" aria-live="polite">
          {outcome === null
            ? t('actions.complete.outcome_unknown')
            : outcome.status === 'planned'
              ? t('actions.complete.outcome_recurring', {
                  every: intervalText(action.intervalYears, t),
                  year: outcome.year,
                  status: statusName('planned', language),
                })
              : t('actions.complete.outcome_once', { year: outcome.year, status: statusName('done', language) })}
        </p>
        <div className="dialog__actions">
          <Button onClick={onClose}>{t('action.cancel')}</Button>
          <Button type="submit" variant="primary" isPending={completeAction.isPending}>
            {t('actions.complete.confirm')}
          </Button>
        </div>
      </form>
    </dialog>
  );

  /** Field messages sit beside the fields; anything else (409 already done) is said in full here. */
  function describeCompletionError(error: unknown): string {
    if (error instanceof ApiError && Object.keys(error.fieldCodes).every((field) => dialogFields.has(field)) && Object.keys(error.fieldCodes).length > 0) {
      return describeApiError(error, t);
    }
    return describeActionError(error, t, language);
  }
}
