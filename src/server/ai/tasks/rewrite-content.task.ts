import {
  type RewriteContentInput,
  type RewriteContentOutput,
  rewriteContentInputSchema,
  rewriteContentOutputSchema,
} from '#shared/ai-tasks.schema.js';
import { channelRule, fitToChannel, normalizeHashtags } from '#shared/channels.js';
import { checkLanguage } from '../checks/output-language.js';
import { smsOptOutLine } from '../offline/phrasebank/index.js';
import { REWRITER_NOTE_CODES, rewriteOffline } from '../offline/rewriter.js';
import { fitSms } from '../offline/sms.js';
import { fenceData } from '../prompt-safety.js';
import type { AiTask } from '../task.js';
import { checkBusinessOutput, safetyProblems, withoutAvoidedHashtags } from './output-checks.js';
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
    case 'tailor': {
      const rule = channelRule(input.channel);
      const tags =
        rule.maxHashtags === 0
          ? 'no hashtags (they do nothing there)'
          : `at most ${rule.suggestedHashtags} hashtags`;
      return `Adapt the text, written for another network, to ${rule.name}: within its length limit, with ${tags}, in the way people write there, keeping the facts, links and call to action.`;
    }
    case 'translate':
      return `Translate the text into the language with code ${input.language ?? 'en'}, adapting idioms and keeping links and hashtags.`;
  }
}

/**
 * The language a rewrite should be in: the one asked for by a translation; otherwise the business's, unless
 * the original is clearly in another (a rewrite keeps the text's language); undefined to skip the check.
 */
function rewriteLanguage(input: RewriteContentInput, locale: string): string | undefined {
  if (input.mode === 'translate') return input.language ?? 'en';
  return checkLanguage(input.text, locale).verdict === 'other' ? undefined : locale;
}

/** A rewrite of existing text: shorter, longer, in another tone, a variant, or a translation. */
export const rewriteContentTask: AiTask<RewriteContentInput, RewriteContentOutput> = {
  name: 'rewriteContent',
  version: '2026-12-07.1',
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
    const { business } = context;
    const language = rewriteLanguage(input, business.locale);
    const text =
      input.channel === 'sms'
        ? fitSms(
            output.text,
            smsOptOutLine(language ?? business.locale, business.locale),
            channelRule('sms').maxSegments ?? 1,
          )
        : fitToChannel(input.channel, output.text);
    const hashtags = normalizeHashtags(
      withoutAvoidedHashtags(output.hashtags, business, language ?? business.locale),
      channelRule(input.channel).maxHashtags,
    );
    const findings = checkBusinessOutput(
      [{ field: 'text', text }],
      language ? [{ field: 'text', text }] : [],
      business,
      { language, given: [input.text] },
    );
    const problems = [...findings.problems, ...safetyProblems([text], this.prompt(input, context), business)];
    // What the offline rewriter could not do (translate) or left out, then what the checks found.
    const notes = (output.warnings ?? []).filter((note) =>
      (REWRITER_NOTE_CODES as readonly string[]).includes(note.code),
    );
    const warnings = [...notes, ...findings.warnings];
    return { output: { text, hashtags, warnings }, problems, flags: findings.flags };
  },
};
