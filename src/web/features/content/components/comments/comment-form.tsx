import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMENT_MAX } from '#shared/comments.schema.js';
import { Button } from '#web/components/ui/button.js';
import { type Mentionable, mentionQuery, mentionsIn, suggestMembers } from './mention-text.js';

interface CommentFormProps {
  label: string;
  submitLabel: string;
  members: readonly Mentionable[];
  initialText?: string;
  initialMentions?: readonly Mentionable[];
  pending: boolean;
  error: string | undefined;
  onSubmit: (body: string, mentions: string[]) => Promise<unknown>;
  onCancel?: () => void;
}

/**
 * A comment's text with @mentions: typing `@` and part of a name offers the members; picking one writes
 * `@Their Name` and records who, so the server can tell them.
 */
export function CommentForm({
  label,
  submitLabel,
  members,
  initialText = '',
  initialMentions = [],
  pending,
  error,
  onSubmit,
  onCancel,
}: CommentFormProps) {
  const { t } = useTranslation('content');
  const [text, setText] = useState(initialText);
  const [picked, setPicked] = useState<Mentionable[]>([...initialMentions]);
  const [caret, setCaret] = useState(0);
  // Escape hides the suggestions until the text changes again.
  const [dismissed, setDismissed] = useState(false);
  const textarea = useRef<HTMLTextAreaElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const id = useId();
  const typing = mentionQuery(text, caret);
  const suggestions = typing && !dismissed ? suggestMembers(members, typing.query) : [];
  const suggestionButtons = () => [...(list.current?.querySelectorAll('button') ?? [])];

  /** Enter takes the first suggestion, ArrowDown walks into the list, Escape closes it. */
  const onTextKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (suggestions.length === 0) return;
    const [first] = suggestions;
    if (event.key === 'Enter' && !event.shiftKey && first) {
      event.preventDefault();
      pick(first);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      suggestionButtons()[0]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDismissed(true);
    }
  };

  const onListKey = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = suggestionButtons();
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const next = at + (event.key === 'ArrowDown' ? 1 : -1);
      if (next < 0) textarea.current?.focus();
      else buttons[Math.min(next, buttons.length - 1)]?.focus();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setDismissed(true);
      textarea.current?.focus();
    }
  };

  const pick = (member: Mentionable) => {
    if (!typing) return;
    const inserted = `@${member.name} `;
    const next = text.slice(0, typing.start) + inserted + text.slice(caret);
    const at = typing.start + inserted.length;
    setText(next);
    setPicked((current) => [...current, member]);
    setCaret(at);
    requestAnimationFrame(() => {
      textarea.current?.focus();
      textarea.current?.setSelectionRange(at, at);
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return;
    try {
      await onSubmit(text.trim(), mentionsIn(text, picked));
      setText('');
      setPicked([]);
      setCaret(0);
    } catch {
      // The error shows below the field; the text stays for another try.
    }
  };

  return (
    <form className="comment-form" onSubmit={submit}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <textarea
        id={id}
        ref={textarea}
        className="input input--textarea"
        rows={3}
        maxLength={COMMENT_MAX}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setCaret(event.target.selectionStart);
          setDismissed(false);
        }}
        onKeyDown={onTextKey}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        placeholder={t('comments.placeholder')}
      />
      {suggestions.length > 0 && (
        <ul
          ref={list}
          className="comment-form__suggestions"
          aria-label={t('comments.mention')}
          onKeyDown={onListKey}
        >
          {suggestions.map((member) => (
            <li key={member.id}>
              <Button size="sm" variant="ghost" onClick={() => pick(member)}>
                @{member.name}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <p className="field__error" id={`${id}-error`} aria-live="polite">
        {error}
      </p>
      <div className="row">
        {onCancel && (
          <Button size="sm" variant="ghost" onClick={onCancel}>
            {t('comments.cancel')}
          </Button>
        )}
        <Button size="sm" type="submit" variant="primary" loading={pending} disabled={text.trim() === ''}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}
