import { useId, type SelectHTMLAttributes } from 'react';
import { classNames } from './class-names.ts';

export interface SelectOption {
  value: string;
  label: string;
  /** The option's own language, when it differs from the page's (a language's name in itself). */
  lang?: string;
}

interface SelectFieldProps extends SelectHTMLAttributes<HTMLSelectElement> {
  label: string;
  options: readonly SelectOption[];
  error?: string | undefined;
  /** Keeps the label for screen readers only, where the context already shows what the select is for. */
  isLabelHidden?: boolean;
}

export function SelectField({ label, options, error, isLabelHidden = false, className, ...selectProps }: SelectFieldProps) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className={classNames('field', className)}>
      <label className={isLabelHidden ? 'visually-hidden' : 'field__label'} htmlFor={id}>
        {label}
      </label>
      <select
        {...selectProps}
        id={id}
        className="field__input field__select"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value} lang={option.lang}>
            {option.label}
          </option>
        ))}
      </select>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
