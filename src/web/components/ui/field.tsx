import { type ComponentProps, type ReactNode, useId } from 'react';
import './field.css';

interface FieldShellProps {
  id: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  children: ReactNode;
}

/** Label, control, hint and error wired together; the error is announced when it appears. */
function FieldShell({ id, label, hint, error, children }: FieldShellProps) {
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children}
      {hint && (
        <div className="field__hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      <p className="field__error" id={`${id}-error`} aria-live="polite">
        {error}
      </p>
    </div>
  );
}

function describedBy(id: string, hint: ReactNode, error: string | undefined): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

interface ControlProps {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
}

/** A labelled text input; spread react-hook-form's `register()` into it. */
export function TextField({
  label,
  hint,
  error,
  id,
  className,
  ...props
}: ControlProps & ComponentProps<'input'>) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  return (
    <FieldShell id={inputId} label={label} hint={hint} error={error}>
      <input
        id={inputId}
        className={['input', className].filter(Boolean).join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        {...props}
      />
    </FieldShell>
  );
}

/** A labelled multi-line input. */
export function TextAreaField({
  label,
  hint,
  error,
  id,
  ...props
}: ControlProps & ComponentProps<'textarea'>) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  return (
    <FieldShell id={inputId} label={label} hint={hint} error={error}>
      <textarea
        id={inputId}
        className="input input--textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        {...props}
      />
    </FieldShell>
  );
}

/** A labelled native select: accessible and keyboard-friendly on every platform. */
export function SelectField({
  label,
  hint,
  error,
  id,
  children,
  ...props
}: ControlProps & ComponentProps<'select'>) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  return (
    <FieldShell id={inputId} label={label} hint={hint} error={error}>
      <select
        id={inputId}
        className="input input--select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error)}
        {...props}
      >
        {children}
      </select>
    </FieldShell>
  );
}
