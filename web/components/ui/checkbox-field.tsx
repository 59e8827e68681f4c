import { useId, type InputHTMLAttributes } from 'react';

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type'> {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/** A checkbox with its label beside it and an optional one-line explanation read with it. */
export function CheckboxField({ label, hint, error, ...inputProps }: CheckboxFieldProps) {
  const id = useId();
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ') || undefined;
  return (
    <div className="checkbox-field">
      <input {...inputProps} id={id} type="checkbox" className="checkbox-field__input" aria-invalid={error ? true : undefined} aria-describedby={describedBy} />
      <label className="checkbox-field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="checkbox-field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error checkbox-field__hint" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
