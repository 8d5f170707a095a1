import { setImmediate as nextTurn } from 'node:timers/promises';
import { findWordsToAvoid } from '#server/ai/prompt-safety.js';
import type { ChannelId } from '#shared/channel-ids.js';
import type { InboxRule, Priority } from '#shared/inbox.schema.js';
import { PRIORITY_RANK } from '#shared/inbox.schema.js';
import { compileRulePattern } from './inbox-rule-pattern.js';

// Inbox rules run on every inbound message. Patterns run on RE2 (see inbox-rule-pattern), only the first
// few thousand characters of a message are tested, and the event loop gets a turn between rules, so a
// workspace with many rules delays other requests by one rule's test at most.

/** Characters of a message a rule's pattern sees. */
export const RULE_TEXT_LIMIT = 4000;

/** What the matching rules ask for, merged in rule order. */
export interface RuleOutcome {
  ruleIds: string[];
  labels: string[];
  /** The first matching rule's assignee. */
  assigneeId: string | null;
  /** The highest priority any matching rule sets. */
  priority: Priority | null;
  /** The first matching rule that prepares a draft, and whether it opted into sending it. */
  draft: { ruleId: string; ruleName: string; autoSend: boolean } | null;
}

/**
 * Whether `rule` matches a message: its channel is allowed, and a keyword (whole word, any case) or the
 * pattern is found in the text. A pattern RE2 cannot run (saved before rules ran on RE2) matches nothing;
 * the rule's `pattern_problem` tells its owner.
 * @example ruleMatches(rule, 'instagram', 'Where is my REFUND?') // true for keywords ['refund']
 */
export function ruleMatches(rule: InboxRule, channel: ChannelId, text: string): boolean {
  const { match } = rule;
  if (match.channels.length > 0 && !match.channels.includes(channel)) return false;
  const sample = text.slice(0, RULE_TEXT_LIMIT);
  if (match.keywords.length > 0 && findWordsToAvoid(sample, match.keywords).length > 0) return true;
  if (match.regex === null) return false;
  const pattern = compileRulePattern(match.regex);
  return pattern.ok && pattern.test(sample);
}

/**
 * Apply every enabled rule, in order, to a message, letting other work run between rules.
 * @example (await applyRules(rules, 'email', 'Refund now!')).labels // ['refunds']
 */
export async function applyRules(
  rules: readonly InboxRule[],
  channel: ChannelId,
  text: string,
): Promise<RuleOutcome> {
  const outcome: RuleOutcome = { ruleIds: [], labels: [], assigneeId: null, priority: null, draft: null };
  for (const rule of rules) {
    if (!rule.enabled) continue;
    await nextTurn();
    if (!ruleMatches(rule, channel, text)) continue;
    const { actions } = rule;
    outcome.ruleIds.push(rule.id);
    for (const label of actions.labels) if (!outcome.labels.includes(label)) outcome.labels.push(label);
    outcome.assigneeId ??= actions.assignee_id;
    if (
      actions.priority &&
      (!outcome.priority || PRIORITY_RANK[actions.priority] > PRIORITY_RANK[outcome.priority])
    ) {
      outcome.priority = actions.priority;
    }
    if (actions.prepare_draft && !outcome.draft) {
      // Sending without review happens only for a rule a person explicitly opted in.
      outcome.draft = { ruleId: rule.id, ruleName: rule.name, autoSend: rule.auto_send === true };
    }
  }
  return outcome;
}
