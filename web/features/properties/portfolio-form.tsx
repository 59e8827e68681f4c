import { useEffect, useRef, type FormEvent, type ReactNode } from 'react';
import { Alert } from '../../components/ui/alert.tsx';
import { Button } from '../../components/ui/button.tsx';
import { describeApiError } from '../../lib/api/describe-api-error.ts';
import { useTranslation } from '../../lib/i18n/use-translation.ts';

/** What a portfolio form's submit handler gets besides the values: the form, and where the server's field errors go. */
export interface PortfolioFormSubmit {
  form: HTMLFormElement;
  showApiError: (error: unknown) => void;
}

interface PortfolioFormProps {
  className: string;
  submitLabel: string;
  isPending: boolean;
  /** The failed request's error, shown above the fields. */
  error: unknown;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: (() => void) | undefined;
  /** When the form opens on request (not with the page), focus moves into its first field. */
  isFocusedOnOpen: boolean;
  /** The fields. */
  children: ReactNode;
}

/** The frame of the property and plan forms: the request's error above the fields, submit and cancel below. */
export function PortfolioForm({ className, submitLabel, isPending, error, onSubmit, onCancel, isFocusedOnOpen, children }: PortfolioFormProps) {
  const { t } = useTranslation();
  const formElement = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (isFocusedOnOpen) formElement.current?.querySelector('input')?.focus();
  }, [isFocusedOnOpen]);

  return (
    <form ref={formElement} className={className} noValidate onSubmit={onSubmit}>
      {error !== null && error !== undefined && <Alert tone="error">{describeApiError(error, t)}</Alert>}
      {children}
      <div className="portfolio-form__buttons">
        <Button type="submit" variant="primary" isPending={isPending}>
          {submitLabel}
        </Button>
        {onCancel && <Button onClick={onCancel}>{t('action.cancel')}</Button>}
      </div>
    </form>
  );
}
