import { useId, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { planWindow } from '../../../shared/cost-model/index.ts';
import { commonUnits } from '../../../shared/schemas/action.ts';
import type { LibraryItem } from '../../../shared/schemas/library.ts';
import type { Plan } from '../../../shared/schemas/plan.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { planCostInputOf } from '../plan-core/plan-cost-inputs.ts';
import { ActionCostPreview, type CostFieldTexts } from './action-cost-preview.tsx';
import { actionFormSchema, type ActionFormDefaults, type ActionFormValues } from './action-form-schema.ts';
import { CheckboxField } from '../../components/ui/checkbox-field.tsx';
import { categoryOptions, statusOptions } from './action-labels.ts';
import { PropertyPartField } from './property-part-field.tsx';
import { TagInput } from './tag-input.tsx';
import { YearOutsidePlanNotice } from './year-outside-plan-notice.tsx';
import { LibraryLink } from './library-link.tsx';
import { libraryItemFields } from './library-item-fields.ts';
import { LibraryNameField } from './library-name-field.tsx';
import { TextAreaField } from '../../components/ui/text-area-field.tsx';

/** Which submit button was used: "save" or "save and add another" (new actions only). */
export type SaveIntent = 'save' | 'save_and_add';

interface ActionFormProps {
  plan: Plan;
  defaults: ActionFormDefaults;
  submitLabel: string;
  /** Offers "save and add another" beside the submit button. */
  canAddAnother?: boolean;
  isPending: boolean;
  /** The last failed save, shown above the fields; field messages go beside the fields. */
  saveError: unknown;
  /** `showApiError` puts the server's field messages beside the fields: pass it as onError. */
  onSave: (values: ActionFormValues, intent: SaveIntent, showApiError: (error: unknown) => void) => void;
  onCancel: () => void;
}

/**
 * Create and edit an action (the fields of docs/product/domain.md § Actions), validated with the
 * API's own schemas.
 */
export function ActionForm({ plan, defaults, submitLabel, canAddAnother = false, isPending, saveError, onSave, onCancel }: ActionFormProps) {
  const { t, language } = useTranslation();
  const form = useValidatedForm(actionFormSchema);
  const [isRecurring, setIsRecurring] = useState(defaults.isRecurring);
  const [tags, setTags] = useState(defaults.tags);
  const [costTexts, setCostTexts] = useState<CostFieldTexts>(() => ({
    quantity: defaults.quantity,
    unitPrice: defaults.unitPrice,
    year: defaults.year,
    baseYear: defaults.baseYear,
  }));
  // The ref is read on submit (the click's state update is not rendered yet); the state shows the spinner.
  const intent = useRef<SaveIntent>('save');
  const [submittedIntent, setSubmittedIntent] = useState<SaveIntent>('save');
  const [status, setStatus] = useState<string>(defaults.status);
  const [libraryItemId, setLibraryItemId] = useState(defaults.libraryItemId);
  // The item just picked, shown at once; a link the action already had is looked up by its id.
  const [pickedItem, setPickedItem] = useState<LibraryItem | null>(null);
  const formElement = useRef<HTMLFormElement>(null);
  const unitListId = useId();
  const defaultBaseYear = plan.indexation.defaultBaseYear;
  const window = useMemo(() => planWindow(planCostInputOf(plan)), [plan]);

  function updatePreview(form: HTMLFormElement) {
    const data = new FormData(form);
    const text = (name: keyof CostFieldTexts) => String(data.get(name) ?? '');
    setCostTexts({ quantity: text('quantity'), unitPrice: text('unitPrice'), year: text('year'), baseYear: text('baseYear') });
    setStatus(String(data.get('status') ?? ''));
  }

  /** Fills the fields the item knows and links it; the name field has already taken its name. */
  function fillFromLibrary(item: LibraryItem) {
    const form = formElement.current;
    if (form === null) return;
    // The interval field exists only while "recurring" is ticked: render it before filling it in.
    flushSync(() => {
      setIsRecurring(true);
      setLibraryItemId(item.id);
      setPickedItem(item);
    });
    const { name: _name, ...fields } = libraryItemFields(item, language);
    for (const [name, value] of Object.entries(fields)) {
      const field = form.elements.namedItem(name);
      if (field instanceof HTMLInputElement || field instanceof HTMLSelectElement) field.value = value;
    }
    updatePreview(form);
  }

  return (
    <form
      ref={formElement}
      className="form action-form"
      noValidate
      onChange={(event) => updatePreview(event.currentTarget)}
      onSubmit={form.handleSubmit((values) => {
        setSubmittedIntent(intent.current);
        onSave(values, intent.current, form.showApiError);
      })}
    >
      {saveError !== null && saveError !== undefined && <Alert tone="error">{describeApiError(saveError, t)}</Alert>}

      <fieldset className="action-form__group">
        <legend>{t('actions.group.what')}</legend>
        <LibraryNameField
          accountId={plan.accountId}
          label={t('actions.field.name')}
          hint={t('actions.field.name_hint')}
          defaultValue={defaults.name}
          error={form.errorFor('name')}
          onPick={fillFromLibrary}
        />
        <LibraryLink
          accountId={plan.accountId}
          itemId={libraryItemId === '' ? null : libraryItemId}
          pickedItem={pickedItem}
          wasLinked={defaults.libraryItemId !== ''}
          onUnlink={() => {
            setLibraryItemId('');
            setPickedItem(null);
            // The button goes with the link: the name field is where the person goes on.
            const name = formElement.current?.elements.namedItem('name');
            if (name instanceof HTMLInputElement) name.focus();
          }}
        />
        <div className="form__row">
          <SelectField
            label={t('actions.field.category')}
            name="category"
            defaultValue={defaults.category}
            options={[{ value: '', label: t('actions.field.category_choose') }, ...categoryOptions(language)]}
            error={form.errorFor('category')}
          />
          <SelectField
            label={t('actions.field.status')}
            name="status"
            defaultValue={defaults.status}
            options={statusOptions(language)}
            error={form.errorFor('status')}
          />
        </div>
      </fieldset>

      <fieldset className="action-form__group">
        <legend>{t('actions.group.where')}</legend>
        <div className="form__row">
          <PropertyPartField
            kind="buildings"
            propertyId={plan.propertyId}
            name="buildingId"
            defaultValue={defaults.buildingId}
            error={form.errorFor('buildingId')}
          />
          <PropertyPartField
            kind="locations"
            propertyId={plan.propertyId}
            name="locationId"
            defaultValue={defaults.locationId}
            error={form.errorFor('locationId')}
          />
        </div>
      </fieldset>

      <fieldset className="action-form__group">
        <legend>{t('actions.group.cost')}</legend>
        <div className="form__row">
          <TextField
            label={t('actions.field.quantity')}
            name="quantity"
            inputMode="decimal"
            defaultValue={defaults.quantity}
            error={form.errorFor('quantity')}
          />
          <TextField
            label={t('actions.field.unit')}
            hint={t('actions.field.unit_hint')}
            name="unit"
            list={unitListId}
            defaultValue={defaults.unit}
            error={form.errorFor('unit')}
          />
          <TextField
            label={t('actions.field.unit_price')}
            hint={t('actions.field.unit_price_hint')}
            name="unitPrice"
            inputMode="decimal"
            defaultValue={defaults.unitPrice}
            error={form.errorFor('unitPrice')}
          />
          <TextField
            label={t('actions.field.base_year')}
            hint={defaultBaseYear === null ? t('actions.field.base_year_hint_none') : t('actions.field.base_year_hint', { year: defaultBaseYear })}
            name="baseYear"
            inputMode="numeric"
            defaultValue={defaults.baseYear}
            error={form.errorFor('baseYear')}
          />
        </div>
        <datalist id={unitListId}>
          {commonUnits.map((unit) => (
            <option key={unit} value={unit} />
          ))}
        </datalist>
        <ActionCostPreview plan={plan} texts={costTexts} />
      </fieldset>

      <fieldset className="action-form__group">
        <legend>{t('actions.group.when')}</legend>
        <div className="form__row">
          <div className="action-form__year">
            <TextField
              label={t('actions.field.year')}
              hint={t('actions.field.year_hint')}
              name="year"
              inputMode="numeric"
              defaultValue={defaults.year}
              error={form.errorFor('year')}
            />
            <YearOutsidePlanNotice window={window} year={costTexts.year} status={status} />
          </div>
          <div className="action-form__recurrence">
            <CheckboxField
              label={t('actions.field.recurring')}
              name="isRecurring"
              checked={isRecurring}
              onChange={(event) => setIsRecurring(event.target.checked)}
            />
            {isRecurring && (
              <TextField
                label={t('actions.field.interval')}
                name="intervalYears"
                inputMode="numeric"
                defaultValue={defaults.intervalYears}
                error={form.errorFor('intervalYears')}
              />
            )}
          </div>
        </div>
      </fieldset>

      <fieldset className="action-form__group">
        <legend>{t('actions.group.more')}</legend>
        <CheckboxField
          label={t('actions.field.investment')}
          hint={t('actions.field.investment_hint')}
          name="isInvestment"
          defaultChecked={defaults.isInvestment}
          error={form.errorFor('isInvestment')}
        />
        <TagInput name="tags" tags={tags} onChange={setTags} error={tagsError(form.errorFor)} />
        <TextAreaField label={t('actions.field.note')} name="note" defaultValue={defaults.note} error={form.errorFor('note')} />
        <input type="hidden" name="libraryItemId" value={libraryItemId} />
      </fieldset>

      <div className="action-form__buttons">
        <Button
          type="submit"
          variant="primary"
          isPending={isPending && submittedIntent === 'save'}
          disabled={isPending}
          onClick={() => (intent.current = 'save')}
        >
          {submitLabel}
        </Button>
        {canAddAnother && (
          <Button
            type="submit"
            isPending={isPending && submittedIntent === 'save_and_add'}
            disabled={isPending}
            onClick={() => (intent.current = 'save_and_add')}
          >
            {t('actions.form.save_and_add')}
          </Button>
        )}
        <Button variant="quiet" onClick={onCancel}>
          {t('action.cancel')}
        </Button>
      </div>
    </form>
  );
}

/** A message about the list or about one tag (`tags.3`) shows under the tag field. */
function tagsError(errorFor: (name: string) => string | undefined): string | undefined {
  for (let index = -1; index < 20; index += 1) {
    const message = errorFor(index === -1 ? 'tags' : `tags.${index}`);
    if (message !== undefined) return message;
  }
  return undefined;
}
