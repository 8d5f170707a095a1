import { type FormEvent, useState } from 'react';
import { KNOWLEDGE_KINDS } from '#shared/inbox.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { Card } from '#web/components/ui/card.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { SelectField, TextAreaField, TextField } from '#web/components/ui/field.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useKnowledge, useSaveKnowledge } from '../api/knowledge.js';
import { EntryEditor } from './entry-editor.js';
import { SettingsEntryList, SettingsEntryRow } from './settings-entries.js';

type Kind = (typeof KNOWLEDGE_KINDS)[number];
const KIND_LABELS: Record<Kind, string> = {
  faq: 'FAQ',
  policy: 'Policy',
  product: 'Product fact',
  other: 'Other',
};

/**
 * The knowledge base AI suggestions are grounded in; each suggestion names the entries it relied on. A
 * disabled entry is kept but not used. Anyone who can read the inbox sees it; admins change it.
 */
export function KnowledgeCard({ businessId, canManage }: { businessId: string; canManage: boolean }) {
  const knowledge = useKnowledge(businessId);
  const save = useSaveKnowledge(businessId);
  const toast = useToast();
  const [kind, setKind] = useState<Kind>('faq');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [editing, setEditing] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate(
      { create: { business_id: businessId, kind, title, body } },
      {
        onSuccess: () => {
          toast(`“${title}” added to the knowledge base`);
          setTitle('');
          setBody('');
        },
      },
    );
  };

  return (
    <Card
      title="Knowledge base"
      description="FAQ answers, policies and product facts the AI may rely on when it drafts replies."
    >
      <div className="stack">
        {save.isError && <Banner tone="danger">{describeError(save.error)}</Banner>}
        {canManage && (
          <form className="stack" aria-label="Add a knowledge entry" onSubmit={submit}>
            <div className="settings-form__row">
              <SelectField
                label="Kind"
                value={kind}
                onChange={(event) => setKind(event.target.value as Kind)}
              >
                {KNOWLEDGE_KINDS.map((value) => (
                  <option key={value} value={value}>
                    {KIND_LABELS[value]}
                  </option>
                ))}
              </SelectField>
              <TextField
                label="Title"
                value={title}
                maxLength={200}
                required
                onChange={(event) => setTitle(event.target.value)}
              />
            </div>
            <TextAreaField
              label="Content"
              rows={3}
              value={body}
              maxLength={4000}
              required
              onChange={(event) => setBody(event.target.value)}
            />
            <div>
              <Button type="submit" loading={save.isPending} disabled={!title.trim() || !body.trim()}>
                Add entry
              </Button>
            </div>
          </form>
        )}
        <SettingsEntryList
          query={knowledge}
          label="Knowledge entries"
          loadingLabel="Loading the knowledge base"
          empty={
            <EmptyState title="No entry yet">
              Suggestions rely on the brand profile alone until you add some.
            </EmptyState>
          }
          renderItem={(entry) =>
            editing === entry.id ? (
              <EntryEditor
                name={entry.title}
                title={entry.title}
                body={entry.body}
                titleMax={200}
                bodyMax={4000}
                bodyLabel="Content"
                saving={save.isPending}
                onCancel={() => setEditing(undefined)}
                onSave={(update) =>
                  save.mutate({ id: entry.id, update }, { onSuccess: () => setEditing(undefined) })
                }
              />
            ) : (
              <SettingsEntryRow
                name={entry.title}
                badges={
                  <>
                    <Badge>{KIND_LABELS[entry.kind]}</Badge>
                    {!entry.enabled && <Badge tone="warning">Not used</Badge>}
                  </>
                }
                text={entry.body}
                actions={canManage}
                toggle={{
                  on: entry.enabled,
                  offLabel: 'Stop using',
                  onLabel: 'Use',
                  onToggle: () => save.mutate({ id: entry.id, update: { enabled: !entry.enabled } }),
                }}
                onEdit={() => setEditing(entry.id)}
                onDelete={() => save.mutate({ id: entry.id, remove: true })}
              />
            )
          }
        />
      </div>
    </Card>
  );
}
