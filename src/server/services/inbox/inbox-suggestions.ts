import type { ConversationRow, KnowledgeEntryRow, MessageRow } from '#server/db/schema.js';
import type { SuggestRepliesInput, SuggestRepliesOutput } from '#shared/ai-tasks.schema.js';
import type { ReplySuggestion } from '#shared/inbox.schema.js';
import type { AiRunResult } from '../ai/ai.service.js';

// Grounding for reply suggestions: the thread so far and the knowledge entries that look relevant. The
// customer's words reach the model only through the suggestReplies task, which fences them as data.

/** Knowledge entries given to the model at most (the task accepts 20; fewer keeps prompts short). */
export const KNOWLEDGE_PER_SUGGESTION = 8;
const THREAD_MESSAGES = 20;

/** Runs suggestReplies for a workspace (with or without a caller, see AiService). */
export type SuggestRunner = (input: SuggestRepliesInput) => Promise<AiRunResult<SuggestRepliesOutput>>;

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []);
}

/**
 * The entries most related to `text` by shared words (ties keep their stored order), at most `limit`.
 * @example relevantKnowledge(entries, 'When do you open on Sunday?', 8)[0].title // 'Opening hours'
 */
export function relevantKnowledge(
  entries: readonly KnowledgeEntryRow[],
  text: string,
  limit = KNOWLEDGE_PER_SUGGESTION,
): KnowledgeEntryRow[] {
  const asked = words(text);
  const scored = entries.map((entry, index) => {
    let score = 0;
    for (const word of words(`${entry.title} ${entry.body}`)) if (asked.has(word)) score += 1;
    return { entry, score, index };
  });
  scored.sort((a, b) => b.score - a.score || a.index - b.index);
  return scored.slice(0, limit).map((item) => item.entry);
}

/** The suggestReplies input for the latest customer message of a thread. */
export function suggestionInput(
  conversation: ConversationRow,
  thread: readonly MessageRow[],
  knowledge: readonly KnowledgeEntryRow[],
  count: number,
): SuggestRepliesInput | undefined {
  const sent = thread.filter((message) => message.direction === 'in' || message.delivery_status === 'sent');
  const latestIndex = sent.findLastIndex((message) => message.direction === 'in');
  const latest = sent[latestIndex];
  if (!latest) return undefined;
  return {
    channel: conversation.channel,
    message: latest.body,
    ...(conversation.customer_name ? { customer_name: conversation.customer_name } : {}),
    thread: sent
      .slice(Math.max(0, latestIndex - THREAD_MESSAGES), latestIndex)
      .map((message) => ({ direction: message.direction, body: message.body })),
    knowledge: relevantKnowledge(knowledge, latest.body).map((entry) => ({
      title: entry.title,
      body: entry.body,
    })),
    count,
  };
}

/** Each suggestion with the ids of the knowledge entries it says it relied on, and the checks' warnings on it. */
export function labelSuggestions(
  output: SuggestRepliesOutput,
  knowledge: readonly KnowledgeEntryRow[],
): ReplySuggestion[] {
  return output.replies.map((reply, index) => {
    const prefix = `replies.${index}.`;
    return {
      body: reply.body,
      relied_on: reply.relied_on,
      knowledge_entry_ids: knowledge
        .filter((entry) => reply.relied_on.includes(entry.title))
        .map((e) => e.id),
      warnings: (output.warnings ?? [])
        .filter((warning) => warning.field.startsWith(prefix))
        .map((warning) => ({ ...warning, field: warning.field.slice(prefix.length) })),
    };
  });
}

/**
 * Whether a rule may send `suggestion` without a person: only when the checks found nothing in it (a link
 * nobody gave the writer could be a customer's phishing link repeated back).
 */
export function mayAutoSend(suggestion: ReplySuggestion): boolean {
  return suggestion.warnings.length === 0;
}
