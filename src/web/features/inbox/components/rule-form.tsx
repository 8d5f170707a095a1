import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES } from '#shared/ai-tasks.schema.js';
import type { Member } from '#shared/business.schema.js';
import { CHANNEL_IDS, type ChannelId } from '#shared/channel-ids.js';
import {
  createInboxRuleBodySchema,
  type InboxRule,
  type Priority,
  RULE_REGEX_MAX,
} from '#shared/inbox.schema.js';
import { Banner } from '#web/components/ui/banner.js';
import { Button } from '#web/components/ui/button.js';
import { CheckboxField } from '#web/components/ui/checkbox-field.js';
import { SelectField, TextField } from '#web/components/ui/field.js';
import { TagInput } from '#web/components/ui/tag-input.js';
import { describeError } from '#web/lib/error-messages.js';
import type { CreateRuleInput } from '../api/rules.js';
import { channelName } from '../inbox-format.js';

interface RuleFormProps {
  businessId: string;
  members: readonly Member[];
  onSubmit: (rule: CreateRuleInput) => Promise<unknown>;
  /** The rule being changed; without it the form adds a new one and clears itself after. */
  initial?: InboxRule;
  onCancel?: () => void;
}

/**
 * A rule: when a message matches keywords or a pattern (optionally on some channels), label, assign,
 * prioritise and/or prepare an AI draft. Sending that draft without review is a separate, explicit opt-in.
 */
export function RuleForm({ businessId, members, onSubmit, initial, onCancel }: RuleFormProps) {
  const { t } = useTranslation('inbox');
  const [name, setName] = useState(initial?.name ?? '');
  const [keywords, setKeywords] = useState<string[]>(initial?.match.keywords ?? []);
  const [regex, setRegex] = useState(initial?.match.regex ?? '');
  const [channels, setChannels] = useState<ChannelId[]>(initial?.match.channels ?? []);
  const [labels, setLabels] = useState<string[]>(initial?.actions.labels ?? []);
  const [assignee, setAssignee] = useState(initial?.actions.assignee_id ?? '');
  const [priority, setPriority] = useState<Priority | ''>(initial?.actions.priority ?? '');
  const [prepareDraft, setPrepareDraft] = useState(initial?.actions.prepare_draft ?? false);
  const [autoSend, setAutoSend] = useState(initial?.auto_send ?? false);
  const [problem, setProblem] = useState<string>();
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = createInboxRuleBodySchema.safeParse({
      business_id: businessId,
      name,
      match: { keywords, regex: regex.trim() || null, channels },
      actions: {
        labels,
        assignee_id: assignee || null,
        priority: priority || null,
        prepare_draft: prepareDraft,
      },
      auto_send: prepareDraft && autoSend,
    });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? t('ruleForm.check'));
      return;
    }
    setProblem(undefined);
    setSaving(true);
    try {
      await onSubmit(parsed.data);
      if (!initial) {
        setName('');
        setKeywords([]);
        setRegex('');
        setLabels([]);
        setPrepareDraft(false);
        setAutoSend(false);
      }
    } catch (error) {
      // A pattern RE2 cannot run or an assignee who left is refused by the server, with a sentence to show.
      setProblem(describeError(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="stack"
      aria-label={initial ? t('ruleForm.editLabel', { name: initial.name }) : t('ruleForm.addLabel')}
      onSubmit={submit}
      noValidate
    >
      {problem && <Banner tone="danger">{problem}</Banner>}
      <TextField
        label={t('ruleForm.name')}
        value={name}
        maxLength={120}
        onChange={(event) => setName(event.target.value)}
      />
      <fieldset className="rule-form__group">
        <legend className="field__label">{t('ruleForm.when')}</legend>
        <TagInput
          label={t('ruleForm.keywords')}
          hint={t('ruleForm.keywordsHint')}
          value={keywords}
          max={20}
          onChange={setKeywords}
        />
        <TextField
          label={t('ruleForm.pattern')}
          hint={t('ruleForm.patternHint')}
          value={regex}
          maxLength={RULE_REGEX_MAX}
          spellCheck={false}
          onChange={(event) => setRegex(event.target.value)}
        />
        <fieldset className="rule-form__channels">
          <legend className="field__hint">{t('ruleForm.channels')}</legend>
          {CHANNEL_IDS.map((channel) => (
            <CheckboxField
              key={channel}
              label={channelName(channel)}
              checked={channels.includes(channel)}
              onChange={(event) =>
                setChannels((current) =>
                  event.target.checked ? [...current, channel] : current.filter((item) => item !== channel),
                )
              }
            />
          ))}
        </fieldset>
      </fieldset>
      <fieldset className="rule-form__group">
        <legend className="field__label">{t('ruleForm.then')}</legend>
        <TagInput label={t('ruleForm.labels')} value={labels} max={20} maxLength={40} onChange={setLabels} />
        <div className="settings-form__row">
          <SelectField
            label={t('ruleForm.assignTo')}
            value={assignee}
            onChange={(event) => setAssignee(event.target.value)}
          >
            <option value="">{t('ruleForm.nobody')}</option>
            {members.map((member) => (
              <option key={member.user_id} value={member.user_id}>
                {member.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label={t('ruleForm.setPriority')}
            value={priority}
            onChange={(event) => setPriority(event.target.value as Priority | '')}
          >
            <option value="">{t('ruleForm.leaveClassified')}</option>
            {PRIORITIES.map((value) => (
              <option key={value} value={value}>
                {t(`priority.${value}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <CheckboxField
          label={t('ruleForm.prepareDraft')}
          hint={t('ruleForm.prepareDraftHint')}
          checked={prepareDraft}
          onChange={(event) => setPrepareDraft(event.target.checked)}
        />
        <div className="rule-form__auto-send">
          <CheckboxField
            label={t('ruleForm.autoSend')}
            hint={t('ruleForm.autoSendHint')}
            checked={prepareDraft && autoSend}
            disabled={!prepareDraft}
            onChange={(event) => setAutoSend(event.target.checked)}
          />
        </div>
      </fieldset>
      <div className="row">
        <Button type="submit" variant="primary" loading={saving}>
          {initial ? t('ruleForm.save') : t('ruleForm.add')}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            {t('ruleForm.cancel')}
          </Button>
        )}
      </div>
    </form>
  );
}
