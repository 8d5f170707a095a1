import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { TextAreaField, TextField } from '#web/components/ui/field.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useCannedReplies, useSaveCannedReply } from '../api/canned-replies.js';
import { EntryEditor } from './entry-editor.js';
import { SettingsEntryList, SettingsEntryRow } from './settings-entries.js';

/** Canned replies: a title and a text, inserted into the reply box from its picker. */
export function CannedRepliesCard({ businessId }: { businessId: string }) {
  const { t } = useTranslation('inbox');
  const canned = useCannedReplies(businessId);
  const save = useSaveCannedReply(businessId);
  const toast = useToast();
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [editing, setEditing] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { create: { business_id: businessId, title, body } },
      {
        onSuccess: () => {
          toast(t('canned.added', { title }));
          setTitle('');
          setBody('');
        },
      },
    );
  };

  return (
    <Card title={t('canned.title')} description={t('canned.description')}>
      <div className="stack">
        {save.isError && <Banner tone="danger">{describeError(save.error)}</Banner>}
        <form className="stack" aria-label={t('canned.addForm')} onSubmit={submit}>
          <TextField
            label={t('entries.title')}
            value={title}
            maxLength={120}
            required
            onChange={(event) => setTitle(event.target.value)}
          />
          <TextAreaField
            label={t('canned.text')}
            rows={3}
            value={body}
            maxLength={10_000}
            required
            onChange={(event) => setBody(event.target.value)}
          />
          <div>
            <Button type="submit" loading={save.isPending} disabled={!title.trim() || !body.trim()}>
              {t('canned.add')}
            </Button>
          </div>
        </form>
        <SettingsEntryList
          query={canned}
          label={t('canned.list')}
          loadingLabel={t('canned.loading')}
          empty={<EmptyState title={t('canned.empty')} />}
          renderItem={(reply) =>
            editing === reply.id ? (
              <EntryEditor
                name={reply.title}
                title={reply.title}
                body={reply.body}
                titleMax={120}
                bodyMax={10_000}
                bodyLabel={t('canned.text')}
                saving={save.isPending}
                onCancel={() => setEditing(undefined)}
                onSave={(update) =>
                  save.mutate({ id: reply.id, update }, { onSuccess: () => setEditing(undefined) })
                }
              />
            ) : (
              <SettingsEntryRow
                name={reply.title}
                text={reply.body}
                onEdit={() => setEditing(reply.id)}
                onDelete={() => save.mutate({ id: reply.id, remove: true })}
              />
            )
          }
        />
      </div>
    </Card>
  );
}
