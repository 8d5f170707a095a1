import { type KeyboardEvent, useId, useState } from 'react';
import './tag-input.css';
import { useTranslation } from 'react-i18next';

interface TagInputProps {
  label: string;
  hint?: string;
  error?: string | undefined;
  value: readonly string[];
  onChange: (tags: string[]) => void;
  onBlur?: () => void;
  /** Most tags accepted; the input is disabled once reached. */
  max?: number;
  /** Longest tag, in characters. */
  maxLength?: number;
  placeholder?: string;
  disabled?: boolean;
}

/**
 * A list of short phrases ("warm", "no jargon"): type and press Enter or a comma to add, Backspace in the
 * empty input removes the last one, each tag has its own remove button. Duplicates (ignoring case) are
 * skipped, so the list stays a set.
 */
export function TagInput({
  label,
  hint,
  error,
  value,
  onChange,
  onBlur,
  max = 50,
  maxLength = 60,
  placeholder,
  disabled = false,
}: TagInputProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const { t } = useTranslation();
  const full = value.length >= max;

  const add = (text: string) => {
    const tag = text.trim().replace(/,+$/, '').trim();
    setDraft('');
    if (!tag || full) return;
    if (value.some((existing) => existing.toLowerCase() === tag.toLowerCase())) return;
    onChange([...value, tag.slice(0, maxLength)]);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      add(draft);
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  };

  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <div className={`tag-input${error ? ' tag-input--invalid' : ''}`}>
        {value.length > 0 && (
          <ul className="tag-input__tags" aria-label={t('tags.added', { label })}>
            {value.map((tag, index) => (
              <li key={tag} className="tag-input__tag">
                <span>{tag}</span>
                {!disabled && (
                  <button
                    type="button"
                    className="tag-input__remove"
                    onClick={() => onChange(value.filter((_, other) => other !== index))}
                  >
                    <span aria-hidden="true">×</span>
                    <span className="visually-hidden">{t('actions.remove', { item: tag })}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {!disabled && (
          <input
            id={id}
            className="tag-input__input"
            value={draft}
            maxLength={maxLength}
            placeholder={full ? t('tags.atMost', { count: max }) : placeholder}
            disabled={full}
            aria-invalid={error ? true : undefined}
            aria-describedby={described || undefined}
            onChange={(event) => {
              const text = event.target.value;
              // Pasting "a, b, c" adds three tags at once.
              if (text.includes(',')) {
                const parts = text.split(',');
                const last = parts.pop() ?? '';
                let next = [...value];
                for (const part of parts) {
                  const tag = part.trim();
                  if (tag && next.length < max && !next.some((t) => t.toLowerCase() === tag.toLowerCase())) {
                    next = [...next, tag.slice(0, maxLength)];
                  }
                }
                onChange(next);
                setDraft(last);
              } else {
                setDraft(text);
              }
            }}
            onKeyDown={onKeyDown}
            onBlur={() => {
              if (draft.trim()) add(draft);
              onBlur?.();
            }}
          />
        )}
      </div>
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
