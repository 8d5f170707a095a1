import {
  type RewriteContentInput,
  type RewriteContentOutput,
  rewriteContentInputSchema,
  rewriteContentOutputSchema,
} from '#shared/ai-tasks.schema.js';
import { channelRule, fitToChannel, normalizeHashtags } from '#shared/channels.js';
import { rewriteOffline } from '../offline/rewriter.js';
import { fenceData, removeWordsToAvoid } from '../prompt-safety.js';
import type { AiTask } from '../task.js';
import { safetyProblems } from './output-checks.js';
import { answerFormat, systemMessage } from './prompt-parts.js';

function instruction(input: RewriteContentInput): string {
  switch (input.mode) {
    case 'shorten':
      return 'Shorten the text to about half, keeping the hook, the key benefit and the call to action.';
    case 'expand':
      return 'Expand the text with concrete detail from the profile (products, audiences); invent nothing.';
    case 'tone':
      return `Rewrite the text to sound ${input.tone ?? 'more like the brand voice'}, keeping its meaning.`;
    case 'variant':
      return 'Write a fresh variant with a different hook and structure, keeping the facts and call to action.';
    case 'translate':
      return `Translate the text into the language with code ${input.language ?? 'en'}, adapting idioms and keeping links and hashtags.`;
  }
}

/** A rewrite of existing text: shorter, longer, in another tone, a variant, or a translation. */
export const rewriteContentTask: AiTask<RewriteContentInput, RewriteContentOutput> = {
  name: 'rewriteContent',
  version: '2026-11-26.1',
  input: rewriteContentInputSchema,
  output: rewriteContentOutputSchema,
  // About four characters a token: half the text's length in tokens leaves room for "longer" and translations.
  maxOutputTokens: (input) => 1_000 + Math.ceil(input.text.length / 2),

  prompt(input, { business }) {
    const system = systemMessage(
      `You are the editor for ${business.name}. Rewrite text in the brand's voice without changing facts, prices or links.`,
      business,
      [input.channel],
    );
    const user = [
      instruction(input),
      `The text to rewrite:\n${fenceData('original_text', input.text)}`,
      'Put the hashtags you keep in `hashtags` as well as in the text where they belong.',
      answerFormat(rewriteContentOutputSchema),
    ];
    return [system, { role: 'user', content: user.join('\n\n') }];
  },

  offline(input, { business }) {
    return rewriteOffline(input, business);
  },

  finalize(output, input, context) {
    const avoid = context.business.brand.voice.words_to_avoid;
    const text = fitToChannel(input.channel, removeWordsToAvoid(output.text, avoid).trim() || output.text);
    const hashtags = normalizeHashtags(
      output.hashtags.filter(
        (tag) => removeWordsToAvoid(tag.replace(/^#/u, ''), avoid) === tag.replace(/^#/u, ''),
      ),
      channelRule(input.channel).maxHashtags,
    );
    const problems = safetyProblems([text], this.prompt(input, context), context.business);
    return { output: { text, hashtags }, problems };
  },
};
