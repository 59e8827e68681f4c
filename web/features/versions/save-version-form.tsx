import { useId, useState, type FormEvent } from 'react';
import { createVersionRequestSchema } from '../../../shared/schemas/version.ts';
import { translateValidationMessage } from '../../../shared/i18n/validation-messages.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextAreaField } from '../../components/ui/text-area-field.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useCreateVersion } from './versions-api.ts';

type FieldErrors = Partial<Record<'name' | 'note', string>>;

/** "Spara version": a name (required) and a note; the plan as it is now is saved under them. */
export function SaveVersionForm({ planId }: { planId: string }) {
  const { t, language } = useTranslation();
  const headingId = useId();
  const createVersion = useCreateVersion(planId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [savedName, setSavedName] = useState<string | null>(null);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const result = createVersionRequestSchema.safeParse({ name: values.get('name'), note: values.get('note') });
    if (!result.success) {
      const fieldErrors: FieldErrors = {};
      for (const issue of result.error.issues) {
        const field = issue.path[0] as keyof FieldErrors;
        fieldErrors[field] ??= translateValidationMessage(issue.message, language);
      }
      setErrors(fieldErrors);
      (form.elements.namedItem(fieldErrors.name ? 'name' : 'note') as HTMLElement).focus();
      return;
    }
    setErrors({});
    setSavedName(null);
    createVersion.mutate(result.data, {
      onSuccess: (version) => {
        setSavedName(version.name);
        form.reset();
      },
    });
  }

  return (
    <section className="section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('versions.save_title')}</h3>
      {savedName !== null && <Alert tone="success">{t('versions.saved', { name: savedName })}</Alert>}
      {createVersion.isError && <Alert tone="error">{describeApiError(createVersion.error, t)}</Alert>}
      <form className="form" noValidate onSubmit={handleSubmit}>
        <TextField label={t('versions.name')} hint={t('versions.name_hint')} name="name" autoComplete="off" error={errors.name} />
        <TextAreaField label={t('versions.note')} name="note" rows={2} error={errors.note} />
        <div>
          <Button type="submit" variant="primary" isPending={createVersion.isPending}>
            {t('versions.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
