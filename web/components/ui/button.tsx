import type { ButtonHTMLAttributes } from 'react';
import { classNames } from './class-names.ts';
import { Spinner } from './spinner.tsx';

interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: 'primary' | 'secondary' | 'danger' | 'quiet';
  /** Disables the button and shows a spinner while a request is running. */
  isPending?: boolean;
}

/** Defaults to type="button" so only an explicit submit button submits a form. */
export function Button({ variant = 'secondary', isPending = false, disabled, className, type = 'button', children, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      className={classNames('button', `button--${variant}`, className)}
      disabled={disabled || isPending}
      aria-busy={isPending || undefined}
    >
      {isPending && <Spinner />}
      {children}
    </button>
  );
}
