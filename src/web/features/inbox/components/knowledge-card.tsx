import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
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

/**
 * The knowledge base AI suggestions are grounded in; each suggestion names the entries it relied on. A
 * disabled entry is kept but not used. Anyone who can read the inbox sees it; admins change it.
 */
export function KnowledgeCard({ businessId, canManage }: { businessId: string; canManage: boolean }) {
  const { t } = useTranslation('inbox');
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
          toast(t('knowledge.added', { title }));
          setTitle('');
          setBody('');
        },
      },
    );
  };

  return (
    <Card title={t('knowledge.title')} description={t('knowledge.description')}>
      <div className="stack">
        {save.isError && <Banner tone="danger">{describeError(save.error)}</Banner>}
        {canManage && (
          <form className="stack" aria-label={t('knowledge.addForm')} onSubmit={submit}>
            <div className="settings-form__row">
              <SelectField
                label={t('knowledge.kind')}
                value={kind}
                onChange={(event) => setKind(event.target.value as Kind)}
              >
                {KNOWLEDGE_KINDS.map((value) => (
                  <option key={value} value={value}>
                    {t(`knowledge.kinds.${value}`)}
                  </option>
                ))}
              </SelectField>
              <TextField
                label={t('entries.title')}
                value={title}
                maxLength={200}
                required
                onChange={(event) => setTitle(event.target.value)}
              />
            </div>
            <TextAreaField
              label={t('knowledge.content')}
              rows={3}
              value={body}
              maxLength={4000}
              required
              onChange={(event) => setBody(event.target.value)}
            />
            <div>
              <Button type="submit" loading={save.isPending} disabled={!title.trim() || !body.trim()}>
                {t('knowledge.add')}
              </Button>
            </div>
          </form>
        )}
        <SettingsEntryList
          query={knowledge}
          label={t('knowledge.list')}
          loadingLabel={t('knowledge.loading')}
          empty={<EmptyState title={t('knowledge.emptyTitle')}>{t('knowledge.emptyText')}</EmptyState>}
          renderItem={(entry) =>
            editing === entry.id ? (
              <EntryEditor
                name={entry.title}
                title={entry.title}
                body={entry.body}
                titleMax={200}
                bodyMax={4000}
                bodyLabel={t('knowledge.content')}
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
                    <Badge>{t(`knowledge.kinds.${entry.kind}`)}</Badge>
                    {!entry.enabled && <Badge tone="warning">{t('knowledge.notUsed')}</Badge>}
                  </>
                }
                text={entry.body}
                actions={canManage}
                toggle={{
                  on: entry.enabled,
                  offLabel: t('knowledge.stopUsing'),
                  onLabel: t('knowledge.use'),
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
