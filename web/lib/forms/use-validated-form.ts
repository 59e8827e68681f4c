import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { translateValidationMessage } from '../../../shared/i18n/validation-messages.ts';
import { issuesToFieldCodes } from '../../../shared/validation-issues.ts';
import { ApiError } from '../api/api-error.ts';
import { useTranslation } from '../i18n/use-translation.ts';

/**
 * Field errors by field name. Codes (keys of validation-messages.ts) are translated at render
 * time so a language switch updates them; texts are the server's own, used only for a field
 * the server sent without a code.
 */
interface FieldErrors {
  codes: Record<string, string>;
  texts: Record<string, string>;
}

const noErrors: FieldErrors = { codes: {}, texts: {} };

/**
 * Validates an uncontrolled form with a shared zod schema on submit, keeps field errors from the
 * client or the server, and moves focus to the first invalid field whenever errors are shown.
 * Field names must equal the schema's field paths.
 */
export function useValidatedForm<S extends z.ZodType>(schema: S) {
  const { language } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>(noErrors);
  const [focusRequest, setFocusRequest] = useState(0);
  const formElement = useRef<HTMLFormElement | null>(null);

  useEffect(() => {
    if (focusRequest === 0) return;
    formElement.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusRequest]);

  function showErrors(next: FieldErrors) {
    setErrors(next);
    setFocusRequest((count) => count + 1);
  }

  function handleSubmit(onValid: (data: z.output<S>, form: HTMLFormElement) => void) {
    return (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = event.currentTarget;
      formElement.current = form;
      const result = schema.safeParse(Object.fromEntries(new FormData(form)));
      if (!result.success) {
        showErrors({ codes: issuesToFieldCodes(result.error.issues), texts: {} });
        return;
      }
      setErrors(noErrors);
      onValid(result.data, form);
    };
  }

  /** Pass as a mutation's onError: shows the server's field errors beside the fields. */
  function showApiError(error: unknown) {
    if (error instanceof ApiError) showErrors({ codes: error.fieldCodes, texts: error.fields });
  }

  function errorFor(name: string): string | undefined {
    const code = errors.codes[name];
    return code === undefined ? errors.texts[name] : translateValidationMessage(code, language);
  }

  /** A field's error is answered once its value changes (a suggestion taken), without waiting for the next submit. */
  function clearError(name: string) {
    setErrors((current) => {
      if (!(name in current.codes) && !(name in current.texts)) return current;
      const { [name]: _code, ...codes } = current.codes;
      const { [name]: _text, ...texts } = current.texts;
      return { codes, texts };
    });
  }

  return { handleSubmit, showApiError, errorFor, clearError };
}
