import { type FormEvent, useState } from 'react';
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
import { channelName, PRIORITY_LABELS } from '../inbox-format.js';

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
      setProblem(parsed.error.issues[0]?.message ?? 'Check the rule');
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
      aria-label={initial ? `Edit ${initial.name}` : 'Add a rule'}
      onSubmit={submit}
      noValidate
    >
      {problem && <Banner tone="danger">{problem}</Banner>}
      <TextField
        label="Name"
        value={name}
        maxLength={120}
        onChange={(event) => setName(event.target.value)}
      />
      <fieldset className="rule-form__group">
        <legend className="field__label">When a message matches</legend>
        <TagInput
          label="Keywords"
          hint="Any of these words or phrases, whole words, any case."
          value={keywords}
          max={20}
          onChange={setKeywords}
        />
        <TextField
          label="Pattern (regular expression)"
          hint="Optional; tested case-insensitively, in RE2 syntax: no look-around or back-references."
          value={regex}
          maxLength={RULE_REGEX_MAX}
          spellCheck={false}
          onChange={(event) => setRegex(event.target.value)}
        />
        <fieldset className="rule-form__channels">
          <legend className="field__hint">Only on these channels (none ticked: every channel)</legend>
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
        <legend className="field__label">Then</legend>
        <TagInput label="Add labels" value={labels} max={20} maxLength={40} onChange={setLabels} />
        <div className="settings-form__row">
          <SelectField
            label="Assign to"
            value={assignee}
            onChange={(event) => setAssignee(event.target.value)}
          >
            <option value="">Nobody</option>
            {members.map((member) => (
              <option key={member.user_id} value={member.user_id}>
                {member.name}
              </option>
            ))}
          </SelectField>
          <SelectField
            label="Set priority"
            value={priority}
            onChange={(event) => setPriority(event.target.value as Priority | '')}
          >
            <option value="">Leave as classified</option>
            {PRIORITIES.map((value) => (
              <option key={value} value={value}>
                {PRIORITY_LABELS[value]}
              </option>
            ))}
          </SelectField>
        </div>
        <CheckboxField
          label="Prepare an AI draft for review"
          hint="A person reviews and sends it from the conversation."
          checked={prepareDraft}
          onChange={(event) => setPrepareDraft(event.target.checked)}
        />
        <div className="rule-form__auto-send">
          <CheckboxField
            label="Send the draft automatically, without review"
            hint="Off by default. Customers get the AI’s words without a person reading them first."
            checked={prepareDraft && autoSend}
            disabled={!prepareDraft}
            onChange={(event) => setAutoSend(event.target.checked)}
          />
        </div>
      </fieldset>
      <div className="row">
        <Button type="submit" variant="primary" loading={saving}>
          {initial ? 'Save rule' : 'Add rule'}
        </Button>
        {onCancel && (
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}
