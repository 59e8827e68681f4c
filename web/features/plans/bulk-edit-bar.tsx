import { useId, useState, type FormEvent } from 'react';
import { categories } from '../../../shared/categories.ts';
import { translateValidationMessage } from '../../../shared/i18n/validation-messages.ts';
import type { Action } from '../../../shared/schemas/action.ts';
import type { PropertyPart } from '../../../shared/schemas/property-part.ts';
import { statuses } from '../../../shared/statuses.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { ConfirmDialog } from '../../components/ui/confirm-dialog.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { ApiError } from '../../lib/api/api-error.ts';
import { describeActionError } from '../../lib/api/describe-api-error.ts';
import { formatNumber } from '../../lib/i18n/format-amount.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useBulkUpdateActions } from '../actions/actions-api.ts';
import { useBulkDeleteActions } from './bulk-delete-api.ts';
import {
  buildBulkUpdateRequest,
  bulkEditProblemsOf,
  clearPart,
  noBulkEdit,
  type BulkEditField,
  type BulkEditProblems,
  type BulkEditValues,
} from './bulk-edit-request.ts';

/** A bulk change the server made as one change set, reported with an undo. */
export interface BulkChange {
  changeSetId: string;
  /** In the reader's language: "12 åtgärder är ändrade." */
  message: string;
}

interface BulkEditBarProps {
  planId: string;
  data: { actionsById: ReadonlyMap<string, Action>; buildings: readonly PropertyPart[]; locations: readonly PropertyPart[] };
  selectedIds: ReadonlySet<string>;
  /** How many of the selected actions have no row in an open section. */
  hiddenCount: number;
  onClear: () => void;
  onChanged: (change: BulkChange) => void;
}

/**
 * One change to every selected action, in one request (all or none): move by years, a new year,
 * status, category, building, location, tags, investment, unit prices by a percentage; or delete
 * them (to the trash). "Done" is not offered: completing records an actual cost, which belongs to
 * the action page. The less common fields fold away so the bar does not cover the list.
 */
export function BulkEditBar({ planId, data, selectedIds, hiddenCount, onClear, onChanged }: BulkEditBarProps) {
  const { t, language } = useTranslation();
  const bulkUpdate = useBulkUpdateActions(planId);
  const bulkDelete = useBulkDeleteActions(planId);
  const moreId = useId();
  const [values, setValues] = useState<BulkEditValues>(noBulkEdit);
  const [isMoreShown, setIsMoreShown] = useState(false);
  const [problems, setProblems] = useState<BulkEditProblems>({});
  const [outsideYears, setOutsideYears] = useState<number | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [isConfirmingDelete, setIsConfirmingDelete] = useState(false);
  const count = selectedIds.size;
  const countText = formatNumber(count, language);

  const change = (field: BulkEditField) => (event: { target: { value: string } }) => setValues((current) => ({ ...current, [field]: event.target.value }));

  function showProblems(next: BulkEditProblems, outside: number | null = null) {
    const { form, ...fields } = next;
    setProblems(fields);
    setOutsideYears(outside);
    setFormError(form === undefined ? null : translateValidationMessage(form, language));
    // A problem in a folded field must be seen.
    if (Object.keys(fields).some((field) => !primaryFields.has(field))) setIsMoreShown(true);
  }

  function showError(error: unknown) {
    if (error instanceof ApiError && Object.keys(error.fieldCodes).length > 0) showProblems(bulkEditProblemsOf(error.fieldCodes));
    else {
      showProblems({});
      setFormError(describeActionError(error, t, language));
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const selected = [...selectedIds].flatMap((id) => data.actionsById.get(id) ?? []);
    const built = buildBulkUpdateRequest(values, selected);
    if ('problems' in built) {
      showProblems(built.problems, built.outsideYears ?? null);
      return;
    }
    bulkUpdate.mutate(built.request, {
      onSuccess: ({ updated, changeSetId }) => {
        setValues(noBulkEdit);
        showProblems({});
        onChanged({
          changeSetId,
          message: updated === 1 ? t('plan_views.bulk_updated.one') : t('plan_views.bulk_updated.other', { count: formatNumber(updated, language) }),
        });
      },
      onError: showError,
    });
  }

  function handleDelete() {
    bulkDelete.mutate([...selectedIds], {
      onSuccess: ({ deleted, changeSetId }) => {
        setIsConfirmingDelete(false);
        showProblems({});
        onChanged({
          changeSetId,
          message: deleted === 1 ? t('plan_views.bulk_deleted.one') : t('plan_views.bulk_deleted.other', { count: formatNumber(deleted, language) }),
        });
      },
      onError: (error) => {
        setIsConfirmingDelete(false);
        showError(error);
      },
    });
  }

  const errorFor = (field: BulkEditField) => {
    if (field === 'shiftYears' && outsideYears !== null) {
      return t('plan_views.bulk_outside_years', { count: formatNumber(outsideYears, language), selected: countText });
    }
    const code = problems[field];
    return code === undefined ? undefined : translateValidationMessage(code, language);
  };
  const unchangedOption = { value: '', label: t('plan_views.bulk_unchanged') };
  const partOptions = (parts: readonly PropertyPart[], noneLabel: string) => [
    unchangedOption,
    { value: clearPart, label: noneLabel },
    ...parts.map((part) => ({ value: part.id, label: part.name })),
  ];

  if (count === 0) return null;
  return (
    <section className="bulk-bar" aria-label={t('plan_views.bulk_label')}>
      <form className="bulk-bar__form" noValidate onSubmit={handleSubmit}>
        <div className="bulk-bar__counts">
          <p className="bulk-bar__count">{count === 1 ? t('plan_views.bulk_selected.one') : t('plan_views.bulk_selected.other', { count: countText })}</p>
          {hiddenCount > 0 && (
            <p className="bulk-bar__hidden" data-testid="bulk-hidden-count">
              {t('plan_views.bulk_hidden', { count: formatNumber(hiddenCount, language) })}
            </p>
          )}
        </div>
        <TextField
          label={t('plan_views.bulk_shift_years')}
          inputMode="numeric"
          autoComplete="off"
          className="bulk-bar__year"
          value={values.shiftYears}
          error={errorFor('shiftYears')}
          onChange={change('shiftYears')}
        />
        <TextField
          label={t('plan_views.bulk_year')}
          inputMode="numeric"
          autoComplete="off"
          className="bulk-bar__year"
          value={values.year}
          error={errorFor('year')}
          onChange={change('year')}
        />
        <SelectField
          label={t('plan_views.bulk_status')}
          options={[unchangedOption, ...statuses.filter((option) => option.code !== 'done').map((option) => ({ value: option.code, label: option[language] }))]}
          value={values.status}
          error={errorFor('status')}
          onChange={change('status')}
        />
        <Button variant="quiet" aria-expanded={isMoreShown} aria-controls={moreId} onClick={() => setIsMoreShown((shown) => !shown)}>
          {t(isMoreShown ? 'plan_views.bulk_fewer' : 'plan_views.bulk_more')}
        </Button>
        <div id={moreId} className="bulk-bar__more" hidden={!isMoreShown}>
          <SelectField
            label={t('plan_views.bulk_category')}
            options={[unchangedOption, ...categories.map((category) => ({ value: category.code, label: category[language] }))]}
            value={values.category}
            error={errorFor('category')}
            onChange={change('category')}
          />
          <SelectField
            label={t('plan_views.bulk_building')}
            options={partOptions(data.buildings, t('plan_views.bulk_no_building'))}
            value={values.buildingId}
            error={errorFor('buildingId')}
            onChange={change('buildingId')}
          />
          <SelectField
            label={t('plan_views.bulk_location')}
            options={partOptions(data.locations, t('plan_views.bulk_no_location'))}
            value={values.locationId}
            error={errorFor('locationId')}
            onChange={change('locationId')}
          />
          <TextField
            label={t('plan_views.bulk_tags')}
            hint={t('plan_views.bulk_tags_hint')}
            autoComplete="off"
            value={values.tags}
            error={errorFor('tags')}
            onChange={change('tags')}
          />
          <SelectField
            label={t('plan_views.bulk_investment')}
            options={[
              unchangedOption,
              { value: 'yes', label: t('plan_views.bulk_investment_yes') },
              { value: 'no', label: t('plan_views.bulk_investment_no') },
            ]}
            value={values.isInvestment}
            error={errorFor('isInvestment')}
            onChange={change('isInvestment')}
          />
          <TextField
            label={t('plan_views.bulk_unit_price_percent')}
            hint={t('plan_views.bulk_unit_price_percent_hint')}
            inputMode="decimal"
            autoComplete="off"
            className="bulk-bar__year"
            value={values.scaleUnitPricePercent}
            error={errorFor('scaleUnitPricePercent')}
            onChange={change('scaleUnitPricePercent')}
          />
        </div>
        <div className="bulk-bar__buttons">
          <Button type="submit" variant="primary" isPending={bulkUpdate.isPending}>
            {t('plan_views.bulk_apply')}
          </Button>
          <Button variant="danger" onClick={() => setIsConfirmingDelete(true)}>
            {t('plan_views.bulk_delete')}
          </Button>
          <Button variant="quiet" onClick={onClear}>
            {t('plan_views.bulk_clear')}
          </Button>
        </div>
      </form>
      {formError && <Alert tone="error">{formError}</Alert>}
      <p className="bulk-bar__hint">{t('plan_views.bulk_done_hint')}</p>
      <ConfirmDialog
        isOpen={isConfirmingDelete}
        title={count === 1 ? t('plan_views.bulk_delete_title.one') : t('plan_views.bulk_delete_title.other', { count: countText })}
        confirmLabel={t('plan_views.bulk_delete_confirm')}
        cancelLabel={t('action.cancel')}
        isPending={bulkDelete.isPending}
        onConfirm={handleDelete}
        onCancel={() => setIsConfirmingDelete(false)}
      >
        <p>{t('plan_views.bulk_delete_text')}</p>
      </ConfirmDialog>
    </section>
  );
}

/** Always in view; the others fold away behind "more changes". */
const primaryFields = new Set<string>(['shiftYears', 'year', 'status']);
