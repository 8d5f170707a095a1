import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '#shared/business.schema.js';
import { Badge } from '#web/components/ui/badge.js';
import { Banner } from '#web/components/ui/banner.js';
import { Card } from '#web/components/ui/card.js';
import { EmptyState } from '#web/components/ui/empty-state.js';
import { useToast } from '#web/components/ui/toast.js';
import { describeError } from '#web/lib/error-messages.js';
import { useRules, useSaveRule } from '../api/rules.js';
import { describeRule } from '../inbox-format.js';
import { RuleForm } from './rule-form.js';
import { SettingsEntryList, SettingsEntryRow } from './settings-entries.js';

/** Inbox rules in the order they run, with the form that adds one. */
export function RulesCard({ businessId, members }: { businessId: string; members: readonly Member[] }) {
  const { t } = useTranslation('inbox');
  const rules = useRules(businessId);
  const save = useSaveRule(businessId);
  // The form reports its own errors; the list's toggles and deletes report theirs above it.
  const saveFromForm = useSaveRule(businessId);
  const [editing, setEditing] = useState<string>();
  const toast = useToast();
  const memberName = (id: string) =>
    members.find((member) => member.user_id === id)?.name ?? t('rules.aTeammate');

  return (
    <Card title={t('rules.title')} description={t('rules.description')}>
      <div className="stack">
        {save.isError && <Banner tone="danger">{describeError(save.error)}</Banner>}
        <RuleForm
          businessId={businessId}
          members={members}
          onSubmit={(rule) =>
            saveFromForm
              .mutateAsync({ create: rule })
              .then(() => toast(t('rules.added', { name: rule.name })))
          }
        />
        <SettingsEntryList
          query={rules}
          label={t('rules.list')}
          loadingLabel={t('rules.loading')}
          empty={<EmptyState title={t('rules.empty')} />}
          renderItem={(rule) =>
            editing === rule.id ? (
              <div className="entry-editor">
                <RuleForm
                  businessId={businessId}
                  members={members}
                  initial={rule}
                  onCancel={() => setEditing(undefined)}
                  onSubmit={({ name, match, actions, auto_send }) =>
                    saveFromForm
                      .mutateAsync({ id: rule.id, update: { name, match, actions, auto_send } })
                      .then(() => {
                        setEditing(undefined);
                        toast(t('rules.saved', { name }));
                      })
                  }
                />
              </div>
            ) : (
              <SettingsEntryRow
                name={rule.name}
                badges={
                  <>
                    {rule.enabled ? (
                      <Badge tone="success">{t('rules.on')}</Badge>
                    ) : (
                      <Badge>{t('rules.off')}</Badge>
                    )}
                    {rule.auto_send && <Badge tone="danger">{t('rules.autoSends')}</Badge>}
                    {rule.pattern_problem && <Badge tone="warning">{t('rules.patternIgnored')}</Badge>}
                  </>
                }
                text={
                  rule.pattern_problem
                    ? t('rules.patternProblem', {
                        summary: describeRule(rule, memberName, t),
                        problem: rule.pattern_problem,
                      })
                    : describeRule(rule, memberName, t)
                }
                toggle={{
                  on: rule.enabled,
                  offLabel: t('rules.turnOff'),
                  onLabel: t('rules.turnOn'),
                  onToggle: () => save.mutate({ id: rule.id, update: { enabled: !rule.enabled } }),
                }}
                onEdit={() => setEditing(rule.id)}
                onDelete={() => save.mutate({ id: rule.id, remove: true })}
              />
            )
          }
        />
      </div>
    </Card>
  );
}
