import { type ComponentProps, type ReactNode, useId } from 'react';
import './checkbox-field.css';

/** A checkbox with its label beside it and an optional hint below; spread `register()` into it. */
export function CheckboxField({
  label,
  hint,
  id,
  ...props
}: { label: ReactNode; hint?: ReactNode } & Omit<ComponentProps<'input'>, 'type'>) {
  const generatedId = useId();
  const inputId = id ?? generatedId;
  return (
    <div className="checkbox-field">
      <input
        id={inputId}
        type="checkbox"
        className="checkbox-field__input"
        aria-describedby={hint ? `${inputId}-hint` : undefined}
        {...props}
      />
      <label htmlFor={inputId} className="checkbox-field__label">
        {label}
      </label>
      {hint && (
        <div id={`${inputId}-hint`} className="checkbox-field__hint">
          {hint}
        </div>
      )}
    </div>
  );
}
