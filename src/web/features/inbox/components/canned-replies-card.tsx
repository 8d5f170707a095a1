import { type FormEvent, useState } from 'react';
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
          toast(`Canned reply “${title}” added`);
          setTitle('');
          setBody('');
        },
      },
    );
  };

  return (
    <Card title="Canned replies" description="Answers you give often, one pick away in the reply box.">
      <div className="stack">
        {save.isError && <Banner tone="danger">{describeError(save.error)}</Banner>}
        <form className="stack" aria-label="Add a canned reply" onSubmit={submit}>
          <TextField
            label="Title"
            value={title}
            maxLength={120}
            required
            onChange={(event) => setTitle(event.target.value)}
          />
          <TextAreaField
            label="Text"
            rows={3}
            value={body}
            maxLength={10_000}
            required
            onChange={(event) => setBody(event.target.value)}
          />
          <div>
            <Button type="submit" loading={save.isPending} disabled={!title.trim() || !body.trim()}>
              Add canned reply
            </Button>
          </div>
        </form>
        <SettingsEntryList
          query={canned}
          label="Canned replies"
          loadingLabel="Loading canned replies"
          empty={<EmptyState title="No canned reply yet" />}
          renderItem={(reply) =>
            editing === reply.id ? (
              <EntryEditor
                name={reply.title}
                title={reply.title}
                body={reply.body}
                titleMax={120}
                bodyMax={10_000}
                bodyLabel="Text"
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
