import type { z } from 'zod';
import type { Property } from '../../../shared/schemas/property.ts';
import { TextField } from '../../components/ui/text-field.tsx';
import { formatNumber } from '../../lib/i18n/format-amount.ts';
import { useValidatedForm } from '../../lib/forms/use-validated-form.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { PortfolioForm, type PortfolioFormSubmit } from './portfolio-form.tsx';
import { propertyFormSchema } from './property-form-schema.ts';

export type PropertyFormValues = z.output<typeof propertyFormSchema>;

interface PropertyFormProps {
  /** The property being edited; a new property's form starts blank. */
  property?: Property;
  submitLabel: string;
  isPending: boolean;
  /** The failed request's error, shown above the fields. */
  error: unknown;
  onSubmit: (values: PropertyFormValues, done: PortfolioFormSubmit) => void;
  onCancel?: () => void;
  /** When the form opens on request (not with the page), focus moves into its first field. */
  isFocusedOnOpen?: boolean;
}

/** Name and facts of a property, for creating one and for editing one. */
export function PropertyForm({ property, submitLabel, isPending, error, onSubmit, onCancel, isFocusedOnOpen = false }: PropertyFormProps) {
  const { t, language } = useTranslation();
  const form = useValidatedForm(propertyFormSchema);
  const area = (value: number | null | undefined) => (value == null ? '' : formatNumber(value, language));

  return (
    <PortfolioForm
      className="form"
      submitLabel={submitLabel}
      isPending={isPending}
      error={error}
      onSubmit={form.handleSubmit((values, element) => onSubmit(values, { form: element, showApiError: form.showApiError }))}
      onCancel={onCancel}
      isFocusedOnOpen={isFocusedOnOpen}
    >
      <div className="form__row">
        <TextField
          label={t('properties.field.name')}
          hint={t('properties.field.name_hint')}
          name="name"
          defaultValue={property?.name}
          autoComplete="off"
          required
          error={form.errorFor('name')}
        />
        <TextField
          label={t('properties.field.designation')}
          hint={t('properties.field.designation_hint')}
          name="designation"
          defaultValue={property?.designation ?? ''}
          autoComplete="off"
          error={form.errorFor('designation')}
        />
      </div>
      <div className="form__row">
        <TextField
          label={t('properties.field.address')}
          name="address"
          defaultValue={property?.address ?? ''}
          autoComplete="street-address"
          error={form.errorFor('address')}
        />
        <TextField
          label={t('properties.field.municipality')}
          name="municipality"
          defaultValue={property?.municipality ?? ''}
          autoComplete="address-level2"
          error={form.errorFor('municipality')}
        />
      </div>
      <div className="form__row">
        <TextField
          label={t('properties.field.build_year')}
          name="buildYear"
          defaultValue={property?.buildYear ?? ''}
          inputMode="numeric"
          autoComplete="off"
          error={form.errorFor('buildYear')}
        />
        <TextField
          label={t('properties.field.boa')}
          hint={t('properties.field.boa_hint')}
          name="boa"
          defaultValue={area(property?.boa)}
          inputMode="decimal"
          autoComplete="off"
          error={form.errorFor('boa')}
        />
        <TextField
          label={t('properties.field.loa')}
          hint={t('properties.field.loa_hint')}
          name="loa"
          defaultValue={area(property?.loa)}
          inputMode="decimal"
          autoComplete="off"
          error={form.errorFor('loa')}
        />
      </div>
      <p className="form__note">{t('properties.field.area_note')}</p>
    </PortfolioForm>
  );
}
