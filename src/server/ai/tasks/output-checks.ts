import { checkOutputSafety } from '../prompt-safety.js';
import type { ChatMessage } from '../provider.js';
import type { BusinessContext } from '../task.js';
import { allowedEchoes } from './prompt-parts.js';

/**
 * Problems in output texts that only the model can fix: an echo of the system prompt, a leaked data
 * fence, talk about its instructions, or a word to avoid that survived removal.
 */
export function safetyProblems(
  texts: readonly string[],
  messages: readonly ChatMessage[],
  business: BusinessContext,
): string[] {
  const systemPrompt = messages.find((message) => message.role === 'system')?.content ?? '';
  const problems = checkOutputSafety(texts.join('\n'), {
    systemPrompt,
    wordsToAvoid: business.brand.voice.words_to_avoid,
    allowedEchoes: allowedEchoes(business),
  });
  return [...new Set(problems.map((problem) => problem.message))];
}
