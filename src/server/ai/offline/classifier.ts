import type { ClassifyMessageOutput } from '#shared/ai-tasks.schema.js';
import { extractUrls } from '#shared/channel-text.js';
import { detectLanguage } from './language.js';
import { scoreSentiment } from './sentiment.js';

// Inbox triage without a model: sentiment from the lexicon, intent from keyword rules, priority from both.

/** Alternatives matched as whole words in any script (JavaScript's \\b only knows ASCII letters). */
function phrases(alternatives: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives})(?![\\p{L}\\p{N}_])`, 'iu');
}

const SPAM = phrases(
  "crypto|bitcoin|nft|forex|winner|you(?:'ve| have) won|click here|free money|claim your|prize|giveaway winner|buy followers|cheap followers|promote your (?:page|account)|dm (?:me|us) for (?:collab|promo)",
);
const COMPLAINT = phrases(
  String.raw`refund|broken|late|worst|damaged|missing|never (?:arrived|came|received)|didn'?t (?:arrive|come|get)|wrong order|cancel+ed|complain\w*|unacceptable|disappointed|mouldy|moldy|stale|cold|rude|reembolso|roto|queja|remboursement|cassé|plainte|rückerstattung|kaputt|beschwerde|reclamação|quebrado|rimborso|rotto|reclamo`,
);
const PURCHASE = phrases(
  'price|prices|pricing|buy|order|ordering|available|availability|in stock|how much|cost|costs|deliver|delivery|book|booking|reserve|precio|cuánto|comprar|pedir|disponible|prix|combien|acheter|commander|disponible|preis|kaufen|bestellen|wie viel|verfügbar|preço|quanto|encomendar|disponível|prezzo|quanto costa|ordinare|disponibile',
);
const QUESTION_START =
  /^(?:what|when|where|who|why|how|which|can|could|do|does|did|is|are|will|would|qué|cuándo|dónde|cómo|quand|où|comment|pourquoi|est-ce|wann|wo|wie|warum|quando|onde|como|dove|perché)(?![\p{L}\p{N}_])/iu;
const PRAISE = phrases(
  'love|loved|thanks|thank you|great|amazing|awesome|delicious|gracias|merci|danke|obrigad[oa]|grazie',
);
const URGENT = phrases(
  'urgent|urgently|asap|immediately|right now|lawyer|solicitor|legal action|chargeback|trading standards|refund now|today or|dringend|urgente|inmediatamente',
);
const INJECTION = phrases(
  'ignore (?:all |the )?(?:previous|prior|above) instructions|system prompt|you are now|developer mode|disregard (?:your|the) rules',
);

type Intent = ClassifyMessageOutput['intent'];

function intentOf(
  text: string,
  sentiment: ReturnType<typeof scoreSentiment>,
): { intent: Intent; reason: string } {
  const links = extractUrls(text).length;
  const spamWord = SPAM.exec(text)?.[0];
  if (spamWord && (links > 0 || /click here|you(?:'ve| have) won|winner/iu.test(spamWord))) {
    return { intent: 'spam', reason: `Promotional bait ("${spamWord}")${links ? ' with a link' : ''}` };
  }
  const complaint = COMPLAINT.exec(text)?.[0];
  if (complaint && sentiment.label !== 'positive')
    return { intent: 'complaint', reason: `Mentions "${complaint}"` };
  const praise = PRAISE.exec(text)?.[0];
  // "Thanks for the quick delivery" is thanks, not a delivery enquiry: happy statements are praise.
  if (praise && sentiment.label === 'positive' && !text.includes('?')) {
    return { intent: 'praise', reason: `Says "${praise}"` };
  }
  const purchase = PURCHASE.exec(text)?.[0];
  if (purchase) return { intent: 'purchase_intent', reason: `Asks about "${purchase}"` };
  const trimmed = text.trim().replace(/^[¿¡"'(]+/u, '');
  if (text.includes('?') || QUESTION_START.test(trimmed))
    return { intent: 'question', reason: 'Asks a question' };
  if (praise && sentiment.label !== 'negative') return { intent: 'praise', reason: `Says "${praise}"` };
  return { intent: 'other', reason: 'No question, request or complaint found' };
}

function priorityOf(intent: Intent, sentiment: ReturnType<typeof scoreSentiment>, text: string) {
  const urgentWord = URGENT.exec(text)?.[0];
  if (urgentWord && (intent === 'complaint' || sentiment.label === 'negative')) {
    return { priority: 'urgent' as const, reason: `Unhappy and pressing ("${urgentWord}")` };
  }
  if (intent === 'spam' || intent === 'praise') return { priority: 'low' as const, reason: null };
  if (sentiment.label === 'negative' || intent === 'complaint') {
    return { priority: 'high' as const, reason: 'An unhappy customer' };
  }
  if (intent === 'purchase_intent') return { priority: 'high' as const, reason: 'A customer ready to buy' };
  return { priority: 'normal' as const, reason: null };
}

/**
 * Sentiment, intent, priority and language of a customer message, with the reasons. Text that tries to
 * instruct an AI is classified like any other text and flagged in the reasons.
 * @example classifyText('My order is late and I want a refund ASAP', 'en')
 * // { sentiment: 'negative', intent: 'complaint', priority: 'urgent', language: 'en', reasons: [...] }
 */
export function classifyText(text: string, fallbackLanguage: string): ClassifyMessageOutput {
  const sentiment = scoreSentiment(text);
  const { intent, reason } = intentOf(text, sentiment);
  const priority = priorityOf(intent, sentiment, text);
  const reasons = [
    reason,
    sentiment.cues.length
      ? `Tone words: ${[...new Set(sentiment.cues)].slice(0, 4).join(', ')}`
      : 'No strong tone words',
    ...(priority.reason ? [priority.reason] : []),
    ...(INJECTION.test(text) ? ['Contains instructions aimed at an AI; treated as plain text'] : []),
  ].map((line) => line.slice(0, 200));
  return {
    sentiment: sentiment.label,
    intent,
    priority: priority.priority,
    language: detectLanguage(text, fallbackLanguage),
    reasons: reasons.slice(0, 5),
  };
}
