import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../api/describe-api-error.ts';
import { useTranslation } from '../i18n/use-translation.ts';
import { useValidatedForm } from './use-validated-form.ts';

interface InlineRenameFormProps {
  /** The API's own request schema for the new name. */
  schema: z.ZodType<{ name: string }>;
  label: string;
  currentName: string;
  submitLabel: string;
  /** The rename request's state: its spinner and its last failure show in the form. */
  request: { isPending: boolean; isError: boolean; error: unknown };
  /** `showApiError` puts the server's field message beside the field: pass it as onError. */
  onSubmit: (name: string, showApiError: (error: unknown) => void) => void;
  onCancel: () => void;
}

/** One name field in place of the thing renamed (an organisation, a building, a location). */
export function InlineRenameForm({ schema, label, currentName, submitLabel, request, onSubmit, onCancel }: InlineRenameFormProps) {
  const { t } = useTranslation();
  const form = useValidatedForm(schema);
  const formElement = useRef<HTMLFormElement>(null);

  // The form replaces the button that opened it, so focus follows into the field.
  useEffect(() => {
    formElement.current?.querySelector('input')?.select();
  }, []);

  return (
    <form ref={formElement} className="form portfolio-inline-form" noValidate onSubmit={form.handleSubmit(({ name }) => onSubmit(name, form.showApiError))}>
      {request.isError && <Alert tone="error">{describeApiError(request.error, t)}</Alert>}
      <TextField label={label} name="name" defaultValue={currentName} autoComplete="off" required error={form.errorFor('name')} />
      <div className="portfolio-inline-form__buttons">
        <Button type="submit" variant="primary" isPending={request.isPending}>
          {submitLabel}
        </Button>
        <Button onClick={onCancel}>{t('action.cancel')}</Button>
      </div>
    </form>
  );
}
