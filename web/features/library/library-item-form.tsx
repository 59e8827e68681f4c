import { useId, useRef, useEffect } from 'react';
import { commonUnits } from '../../../shared/schemas/action.ts';
import { libraryItemKinds } from '../../../shared/schemas/library.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { libraryCategoryOptions } from './library-labels.ts';
import { libraryItemFormSchema, type LibraryItemFormDefaults, type LibraryItemFormValues } from './library-item-form-schema.ts';

interface LibraryItemFormProps {
  title: string;
  /** Said under the title (what a replacement does), if anything. */
  lead?: string;
  defaults: LibraryItemFormDefaults;
  submitLabel: string;
  isPending: boolean;
  saveError: unknown;
  /** `showApiError` puts the server's field errors beside the fields. */
  onSave: (values: LibraryItemFormValues, showApiError: (error: unknown) => void) => void;
  onCancel: () => void;
}

/**
 * Adds, edits or replaces an account item: every field of the item, checked with the API's own
 * schemas on submit. The title takes focus when the form opens, so keyboard and screen-reader
 * users land where the work is.
 */
export function LibraryItemForm({ title, lead, defaults, submitLabel, isPending, saveError, onSave, onCancel }: LibraryItemFormProps) {
  const { t, language } = useTranslation();
  const form = useValidatedForm(libraryItemFormSchema);
  const unitListId = useId();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="library-form" aria-labelledby={titleId}>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {title}
      </h2>
      {lead && <p className="page__lead">{lead}</p>}
      <form className="form" noValidate onSubmit={form.handleSubmit((values) => onSave(values, form.showApiError))}>
        {saveError !== null && saveError !== undefined && <Alert tone="error">{describeApiError(saveError, t)}</Alert>}
        <input type="hidden" name="replacesItemId" value={defaults.replacesItemId} />
        <div className="form__row">
          <TextField
            label={t('library.form.name')}
            hint={t('library.form.name_hint')}
            name="name"
            defaultValue={defaults.name}
            error={form.errorFor('name') ?? form.errorFor('name.sv')}
          />
          <TextField
            label={t('library.form.name_en')}
            hint={t('library.form.name_en_hint')}
            name="nameEn"
            lang="en"
            defaultValue={defaults.nameEn}
            error={form.errorFor('nameEn') ?? form.errorFor('name.en')}
          />
        </div>
        <div className="form__row">
          <SelectField
            label={t('library.category')}
            name="category"
            defaultValue={defaults.category}
            options={[{ value: '', label: t('library.form.choose_category') }, ...libraryCategoryOptions(language)]}
            error={form.errorFor('category')}
          />
          <SelectField
            label={t('library.form.kind')}
            name="kind"
            defaultValue={defaults.kind}
            options={libraryItemKinds.map((kind) => ({ value: kind, label: t(`library.kind.${kind}`) }))}
            error={form.errorFor('kind')}
          />
        </div>
        <div className="form__row">
          <TextField label={t('library.form.unit')} name="unit" list={unitListId} defaultValue={defaults.unit} error={form.errorFor('unit')} />
          <TextField
            label={t('library.form.lifetime')}
            name="lifetimeYears"
            inputMode="numeric"
            defaultValue={defaults.lifetimeYears}
            error={form.errorFor('lifetimeYears')}
          />
          <TextField
            label={t('library.form.price')}
            name="unitPrice"
            inputMode="decimal"
            defaultValue={defaults.unitPrice}
            error={form.errorFor('unitPrice')}
          />
          <TextField
            label={t('library.form.price_year')}
            hint={t('library.form.price_year_hint')}
            name="priceYear"
            inputMode="numeric"
            defaultValue={defaults.priceYear}
            error={form.errorFor('priceYear')}
          />
        </div>
        <datalist id={unitListId}>
          {commonUnits.map((unit) => (
            <option key={unit} value={unit} />
          ))}
        </datalist>
        <TextField
          label={t('library.form.source')}
          hint={t('library.form.source_hint')}
          name="source"
          defaultValue={defaults.source}
          error={form.errorFor('source')}
        />
        <div className="library-form__actions">
          <Button type="submit" variant="primary" isPending={isPending}>
            {submitLabel}
          </Button>
          <Button onClick={onCancel}>{t('library.form.cancel')}</Button>
        </div>
      </form>
    </section>
  );
}
