import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '#web/components/ui/button.js';
import { TextAreaField, TextField } from '#web/components/ui/field.js';

interface EntryEditorProps {
  /** What is edited, for the form's accessible name ("Edit Refund timing"). */
  name: string;
  title: string;
  body: string;
  titleMax: number;
  bodyMax: number;
  /** The text field's label ("Text", "Content"). */
  bodyLabel: string;
  saving: boolean;
  onSave: (changes: { title: string; body: string }) => void;
  onCancel: () => void;
}

/** A title and a text edited in place, for canned replies and knowledge entries. */
export function EntryEditor(props: EntryEditorProps) {
  const { name, titleMax, bodyMax, bodyLabel, saving, onSave, onCancel } = props;
  const { t } = useTranslation('inbox');
  const [title, setTitle] = useState(props.title);
  const [body, setBody] = useState(props.body);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave({ title: title.trim(), body: body.trim() });
  };
  return (
    <form className="stack entry-editor" aria-label={t('entries.editLabel', { name })} onSubmit={submit}>
      <TextField
        label={t('entries.title')}
        value={title}
        maxLength={titleMax}
        onChange={(e) => setTitle(e.target.value)}
      />
      <TextAreaField
        label={bodyLabel}
        rows={3}
        value={body}
        maxLength={bodyMax}
        onChange={(event) => setBody(event.target.value)}
      />
      <div className="row">
        <Button
          type="submit"
          size="sm"
          variant="primary"
          loading={saving}
          disabled={!title.trim() || !body.trim()}
        >
          {t('entries.save')}
        </Button>
        <Button size="sm" variant="ghost" onClick={onCancel}>
          {t('entries.cancel')}
        </Button>
      </div>
    </form>
  );
}
