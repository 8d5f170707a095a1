import type { ChannelId } from '../../shared/channel-ids.js';
import type { InboxRule, Priority } from '../../shared/inbox.schema.js';
import { PRIORITY_RANK } from '../../shared/inbox.schema.js';
import { findWordsToAvoid } from '../ai/prompt-safety.js';

// Inbox rules run on every inbound message, so a rule's pattern must not be able to stall the worker:
// patterns are short (schema), may not nest repetition or use backreferences (the shapes that backtrack
// exponentially), and only the first few thousand characters of a message are tested.

/** Characters of a message a rule's pattern sees. */
export const RULE_TEXT_LIMIT = 4000;

// A group that contains a quantifier and is itself quantified: (a+)+, (\w*)*, (x{2,}){3}.
const NESTED_REPETITION = /\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,?\d*\})(?:[^()\\]|\\.)*\)\s*(?:[+*?]|\{\d)/u;
// A quantified group of alternatives that can match the same text, e.g. (a|a)*, (\w|\d)+.
const QUANTIFIED_ALTERNATION = /\((?:[^()\\]|\\.)*\|(?:[^()\\]|\\.)*\)\s*(?:[+*]|\{\d+,)/u;
const BACKREFERENCE = /\\(?:[1-9]|k<)/u;

/**
 * Why `pattern` is refused as a rule's regex, or null when it is safe to run on every message.
 * @example unsafePatternReason('(a+)+$') // 'Nested repetition such as (a+)+ can take forever to run'
 */
export function unsafePatternReason(pattern: string): string | null {
  try {
    new RegExp(pattern, 'iu');
  } catch (error) {
    return `Not a valid pattern: ${(error as Error).message}`;
  }
  if (NESTED_REPETITION.test(pattern)) return 'Nested repetition such as (a+)+ can take forever to run';
  if (QUANTIFIED_ALTERNATION.test(pattern)) {
    return 'A repeated group of alternatives such as (a|b)+ can take forever to run; use a character class';
  }
  if (BACKREFERENCE.test(pattern)) return 'Backreferences are not allowed in rules';
  return null;
}

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
 * pattern is found in the text.
 * @example ruleMatches(rule, 'instagram', 'Where is my REFUND?') // true for keywords ['refund']
 */
export function ruleMatches(rule: InboxRule, channel: ChannelId, text: string): boolean {
  const { match } = rule;
  if (match.channels.length > 0 && !match.channels.includes(channel)) return false;
  const sample = text.slice(0, RULE_TEXT_LIMIT);
  if (match.keywords.length > 0 && findWordsToAvoid(sample, match.keywords).length > 0) return true;
  if (match.regex !== null && unsafePatternReason(match.regex) === null) {
    return new RegExp(match.regex, 'iu').test(sample);
  }
  return false;
}

/**
 * Apply every enabled rule, in order, to a message.
 * @example applyRules(rules, 'email', 'Refund now!').labels // ['refunds']
 */
export function applyRules(rules: readonly InboxRule[], channel: ChannelId, text: string): RuleOutcome {
  const outcome: RuleOutcome = { ruleIds: [], labels: [], assigneeId: null, priority: null, draft: null };
  for (const rule of rules) {
    if (!rule.enabled || !ruleMatches(rule, channel, text)) continue;
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
