import type { SuggestRepliesInput, SuggestRepliesOutput } from '#shared/ai-tasks.schema.js';
import { fitToChannel } from '#shared/channels.js';
import { removeWordsToAvoid } from '../prompt-safety.js';
import type { BusinessContext } from '../task.js';
import { classifyText } from './classifier.js';
import { localeLanguage } from './language.js';
import { overlap, splitSentences } from './text-tools.js';
import { contract, expandContractions, voiceStyle } from './voice.js';

// Suggested replies to a customer, grounded in the knowledge entries that share words with the message.
// They are drafts for a person to approve (docs/architecture.md, "AI"); they never promise what the knowledge does not.

type Knowledge = SuggestRepliesInput['knowledge'][number];

/** Knowledge entries that share words with the message, best first (at most two). */
export function relevantKnowledge(message: string, knowledge: readonly Knowledge[]): Knowledge[] {
  return knowledge
    .map((entry) => ({ entry, score: overlap(message, `${entry.title} ${entry.title} ${entry.body}`) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, 2)
    .map(({ entry }) => entry);
}

/** The sentences of an entry that answer the message best (at most two, in their original order). */
function answerFrom(entry: Knowledge, message: string): string {
  const sentences = splitSentences(entry.body);
  const ranked = sentences
    .map((sentence, index) => ({ sentence, index, score: overlap(message, sentence) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, 2)
    .sort((a, b) => a.index - b.index);
  return ranked.map(({ sentence }) => sentence).join(' ');
}

const REFUND_PROMISE = /\b(?:refund|money back|reimburse)/iu;

/**
 * Reply drafts: the first answers from the knowledge, the second is shorter and asks what is needed to
 * help, the third offers a direct line. A refund is only mentioned when the knowledge used mentions one.
 */
export function suggestReplyDrafts(
  input: SuggestRepliesInput,
  business: BusinessContext,
): SuggestRepliesOutput {
  const style = voiceStyle(business.brand.voice.tone);
  const { intent } = classifyText(input.message, localeLanguage(business.locale));
  const sources = relevantKnowledge(input.message, input.knowledge);
  const reliedOn = sources.length ? sources.map((entry) => entry.title) : ['brand profile'];
  const name = input.customer_name?.split(/\s+/u)[0];
  const greeting = style.casual ? `Hi${name ? ` ${name}` : ' there'}!` : `Hello${name ? ` ${name}` : ''},`;
  const opener = {
    complaint: "I'm really sorry about this, and thank you for telling us.",
    question: 'Thanks for getting in touch.',
    purchase_intent: 'Thanks for your interest!',
    praise: `Thank you so much, that means a lot to the whole ${business.name} team.`,
    spam: 'Thanks for your message.',
    other: 'Thanks for your message.',
  }[intent];
  const knowledgeText = sources.map((entry) => answerFrom(entry, input.message)).join(' ');
  const mayMentionRefund = REFUND_PROMISE.test(knowledgeText);
  const answer =
    knowledgeText ||
    (intent === 'complaint'
      ? `I've passed this to the team so we can put it right, and we'll come back to you today.`
      : intent === 'praise'
        ? `We'd love to see you again soon.`
        : `Let me check the details with the team and get back to you shortly.`);
  const followUp =
    intent === 'complaint'
      ? 'Could you send us your order number so we can look into it straight away?'
      : 'Is there anything else you would like to know?';
  const directLine = business.website
    ? `You can also reach us any time through ${business.website}.`
    : 'Feel free to message us here any time.';
  const signOff = `- The ${business.name} team`;
  const drafts = [
    [greeting, opener, answer, signOff],
    [greeting, intent === 'praise' ? opener : answer, followUp],
    [greeting, opener, answer, directLine, signOff],
  ];
  const replies = drafts.slice(0, input.count).map((parts) => {
    const [opening = '', ...rest] = parts;
    // "Hello Ana," opens a letter: the message starts on the next line; "Hi Ana!" runs on.
    const joiner = opening.endsWith(',') ? '\n' : ' ';
    let body = `${opening}${joiner}${rest.join(' ').replace(/\s+/gu, ' ').trim()}`;
    body = style.formal ? expandContractions(body).replace(/!/gu, '.') : style.casual ? contract(body) : body;
    if (!mayMentionRefund) body = body.replace(/[^.!?]*\b(?:refund|money back)[^.!?]*[.!?]\s*/giu, '');
    body = removeWordsToAvoid(body, business.brand.voice.words_to_avoid);
    return { body: fitToChannel(input.channel, body), relied_on: reliedOn };
  });
  return { replies };
}
