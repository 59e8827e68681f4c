import { useId, useState, type FormEvent } from 'react';
import { translateValidationMessage } from '../../../shared/i18n/validation-messages.ts';
import { createShareLinkRequestSchema } from '../../../shared/schemas/share-link.ts';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';
import { useCreateShareLink } from './share-links-api.ts';

type FieldErrors = Partial<Record<'label' | 'expiresAt', string>>;

/** The date input's value for a day `days` from today (local time). */
function dayFromToday(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() + days);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

/** A link works through the chosen day: until its last minute in the reader's time zone. */
function endOfDay(date: string): string {
  const end = new Date(`${date}T23:59:00`);
  return Number.isNaN(end.getTime()) ? date : end.toISOString();
}

/**
 * "Dela": whom the link is for and until when; the new link is shown once, to copy, since only its
 * hash is kept (docs/decisions/0046-share-links.md).
 */
export function ShareLinkForm({ planId }: { planId: string }) {
  const { t, language } = useTranslation();
  const headingId = useId();
  const createLink = useCreateShareLink(planId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [url, setUrl] = useState<string | null>(null);
  const [isCopied, setIsCopied] = useState(false);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const result = createShareLinkRequestSchema.safeParse({ label: values.get('label'), expiresAt: endOfDay(String(values.get('expiresAt') ?? '')) });
    if (!result.success) {
      const fieldErrors: FieldErrors = {};
      for (const issue of result.error.issues) fieldErrors[issue.path[0] as keyof FieldErrors] ??= translateValidationMessage(issue.message, language);
      setErrors(fieldErrors);
      (form.elements.namedItem(fieldErrors.label ? 'label' : 'expiresAt') as HTMLElement).focus();
      return;
    }
    setErrors({});
    setUrl(null);
    setIsCopied(false);
    createLink.mutate(result.data, {
      onSuccess: (link) => {
        setUrl(link.url);
        form.reset();
      },
    });
  }

  async function copy(value: string) {
    await navigator.clipboard.writeText(value);
    setIsCopied(true);
  }

  return (
    <section className="section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('share_links.create_title')}</h3>
      <p>{t('share_links.intro')}</p>
      {createLink.isError && <Alert tone="error">{describeApiError(createLink.error, t)}</Alert>}
      {url !== null && (
        <Alert tone="success">
          <p>{t('share_links.created')}</p>
          <TextField label={t('share_links.url')} value={url} readOnly onFocus={(event) => event.currentTarget.select()} />
          <Button variant="secondary" onClick={() => void copy(url)}>
            {isCopied ? t('share_links.copied') : t('share_links.copy')}
          </Button>
        </Alert>
      )}
      <form className="form" noValidate onSubmit={handleSubmit}>
        <TextField label={t('share_links.label')} hint={t('share_links.label_hint')} name="label" autoComplete="off" error={errors.label} />
        <TextField
          label={t('share_links.expires')}
          hint={t('share_links.expires_hint')}
          name="expiresAt"
          type="date"
          defaultValue={dayFromToday(30)}
          min={dayFromToday(0)}
          max={dayFromToday(364)}
          error={errors.expiresAt}
        />
        <div>
          <Button type="submit" variant="primary" isPending={createLink.isPending}>
            {t('share_links.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}
