import { useState, type FormEvent } from 'react';
import { bulkUpdateActionsRequestSchema } from '../../../shared/schemas/action.ts';
import { translateValidationMessage } from '../../../shared/i18n/validation-messages.ts';
import { issuesToFieldCodes } from '../../../shared/validation-issues.ts';
import { statuses } from '../../../shared/statuses.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { ApiError } from '../../lib/api/api-error.ts';
import { describeActionError } from '../../lib/api/describe-api-error.ts';
import { parseNumberInput } from '../../lib/forms/form-values.ts';
import { formatNumber } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useBulkUpdateActions } from '../actions/actions-api.ts';

interface BulkEditBarProps {
  planId: string;
  selectedIds: ReadonlySet<string>;
  onClear: () => void;
  /** After the server changed `count` actions. */
  onUpdated: (count: number) => void;
}

const unchanged = '';

/**
 * The same new year and/or status for every selected action, in one request (all or none). "Done"
 * is not offered: completing records an actual cost, which belongs to the action page.
 */
export function BulkEditBar({ planId, selectedIds, onClear, onUpdated }: BulkEditBarProps) {
  const { t, language } = useTranslation();
  const bulkUpdate = useBulkUpdateActions(planId);
  const [year, setYear] = useState('');
  const [status, setStatus] = useState(unchanged);
  const [fieldCodes, setFieldCodes] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const count = selectedIds.size;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(null);
    const yearValue = parseNumberInput(year);
    const parsed = bulkUpdateActionsRequestSchema.safeParse({
      actionIds: [...selectedIds],
      changes: {
        ...(yearValue === undefined ? {} : { year: yearValue }),
        ...(status === unchanged ? {} : { status }),
      },
    });
    if (!parsed.success) {
      showCodes(issuesToFieldCodes(parsed.error.issues));
      return;
    }
    bulkUpdate.mutate(parsed.data, {
      onSuccess: ({ updated }) => {
        setYear('');
        setStatus(unchanged);
        setFieldCodes({});
        onUpdated(updated);
      },
      onError: (error) => {
        if (error instanceof ApiError && Object.keys(error.fieldCodes).length > 0) showCodes(error.fieldCodes);
        else setFormError(describeActionError(error, t, language));
      },
    });
  }

  /** Year and status messages go beside their fields; anything else (no change, no selection) above them. */
  function showCodes(codes: Record<string, string>) {
    const { 'changes.year': yearCode, 'changes.status': statusCode, ...rest } = codes;
    setFieldCodes({ ...(yearCode ? { year: yearCode } : {}), ...(statusCode ? { status: statusCode } : {}) });
    const [other] = Object.values(rest);
    setFormError(other === undefined ? null : translateValidationMessage(other, language));
  }

  const errorFor = (name: string) => {
    const code = fieldCodes[name];
    return code === undefined ? undefined : translateValidationMessage(code, language);
  };

  if (count === 0) return null;
  return (
    <section className="bulk-bar" aria-label={t('plan_views.bulk_label')}>
      <form className="bulk-bar__form" noValidate onSubmit={handleSubmit}>
        <p className="bulk-bar__count">
          {count === 1 ? t('plan_views.bulk_selected.one') : t('plan_views.bulk_selected.other', { count: formatNumber(count, language) })}
        </p>
        <TextField
          label={t('plan_views.bulk_year')}
          inputMode="numeric"
          autoComplete="off"
          className="bulk-bar__year"
          value={year}
          error={errorFor('year')}
          onChange={(event) => setYear(event.target.value)}
        />
        <SelectField
          label={t('plan_views.bulk_status')}
          options={[
            { value: unchanged, label: t('plan_views.bulk_unchanged') },
            ...statuses.filter((option) => option.code !== 'done').map((option) => ({ value: option.code, label: option[language] })),
          ]}
          value={status}
          error={errorFor('status')}
          onChange={(event) => setStatus(event.target.value)}
        />
        <div className="bulk-bar__buttons">
          <Button type="submit" variant="primary" isPending={bulkUpdate.isPending}>
            {t('plan_views.bulk_apply')}
          </Button>
          <Button variant="quiet" onClick={onClear}>
            {t('plan_views.bulk_clear')}
          </Button>
        </div>
      </form>
      {formError && <Alert tone="error">{formError}</Alert>}
      <p className="bulk-bar__hint">{t('plan_views.bulk_done_hint')}</p>
    </section>
  );
}
