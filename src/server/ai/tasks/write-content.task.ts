import {
  type WriteContentInput,
  type WriteContentOutput,
  writeContentInputSchema,
  writeContentOutputSchema,
} from '#shared/ai-tasks.schema.js';
import { validateForChannel } from '#shared/channels.js';
import { enforceDraft } from '../offline/enforce-draft.js';
import { smsOptOutLine } from '../offline/phrasebank/index.js';
import { writeDraft } from '../offline/writer.js';
import { fenceData } from '../prompt-safety.js';
import type { AiTask } from '../task.js';
import { checkBusinessOutput, safetyProblems, withoutAvoidedHashtags } from './output-checks.js';
import { answerFormat, systemMessage } from './prompt-parts.js';

const FORMAT_GUIDE: Record<Exclude<WriteContentInput['format'], 'sms'>, string> = {
  post: 'A single post: a hook in the first line, one concrete benefit, a clear call to action.',
  thread: 'A thread: `body` is the first post (the hook), `thread` the following posts, one idea each.',
  story: 'A story frame: one short line of overlay text and a call to action.',
  reel_script: 'A short vertical video script: HOOK, three SCENE lines with timings, and a CTA line.',
  email:
    '`title` is the subject (ideally 60 characters or fewer), `preheader` the preview line, `body` the email.',
  ad: '`title` is a headline of about 40 characters; `body` the primary text with benefit and call to action.',
  blog_outline: '`title` is the headline; `body` lists H2 sections as bullet lines.',
};

/** The guide for a format; an SMS ends with the opt-out line the offline writer uses for that language. */
function formatGuide(format: WriteContentInput['format'], language: string | undefined, locale: string) {
  if (format !== 'sms') return FORMAT_GUIDE[format];
  const optOut = smsOptOutLine(language, locale);
  const ending = optOut
    ? `ending with the line "${optOut}"`
    : `ending with a short opt-out line in that language (in English: "${smsOptOutLine('en', 'en')}")`;
  return `One SMS segment if at all possible, plain characters only (no emoji or curly quotes), ${ending}.`;
}

/** Drafts for one channel and format from a brief, in the brand's voice. */
export const writeContentTask: AiTask<WriteContentInput, WriteContentOutput> = {
  name: 'writeContent',
  version: '2026-11-26.1',
  input: writeContentInputSchema,
  output: writeContentOutputSchema,
  // A long thread (25 posts) or email fits in 2,500 tokens; the rest is the JSON around the variants.
  maxOutputTokens: (input) => 500 + 2_500 * input.variants,

  prompt(input, { business }) {
    const system = systemMessage(
      `You are the marketing copywriter for ${business.name}. Write in the brand's voice, ground every claim in the profile below, and never invent prices, offers or facts.`,
      business,
      [input.channel],
      [`Format: ${formatGuide(input.format, input.language, business.locale)}`],
    );
    const user = [
      `Write ${input.variants} distinct variant(s) of a ${input.format} for ${input.channel}.`,
      input.pillar ? `Content pillar: ${input.pillar}.` : null,
      input.language
        ? `Write in the language with code ${input.language}.`
        : `Write in the language of the locale ${business.locale}.`,
      `The brief:\n${fenceData('brief', input.brief)}`,
      answerFormat(writeContentOutputSchema),
    ];
    return [system, { role: 'user', content: user.filter(Boolean).join('\n\n') }];
  },

  offline(input, { business }) {
    return {
      variants: Array.from({ length: input.variants }, (_, variant) =>
        writeDraft({ ...input, variant }, business),
      ),
    };
  },

  finalize(output, input, context) {
    const { business } = context;
    const language = input.language ?? business.locale;
    // Limits are enforced here; words to avoid are not deleted (that breaks sentences) but sent back.
    const variants = output.variants.slice(0, input.variants).map((draft) => {
      const fitted = enforceDraft(input.channel, input.format, draft, [], language);
      return { ...fitted, hashtags: withoutAvoidedHashtags(fitted.hashtags, business, language) };
    });
    const problems: string[] = [];
    if (variants.length < input.variants)
      problems.push(`Return exactly ${input.variants} variants, not ${variants.length}.`);
    variants.forEach((draft, index) => {
      for (const issue of validateForChannel(input.channel, { ...draft, thread: draft.thread })) {
        if (issue.severity === 'error')
          problems.push(`Variant ${index + 1}, ${issue.field}: ${issue.message}.`);
      }
    });
    const texts = variants.flatMap((draft, index) => [
      { field: `variants.${index}.title`, text: draft.title },
      { field: `variants.${index}.body`, text: draft.body },
      ...draft.thread.map((post, at) => ({ field: `variants.${index}.thread.${at}`, text: post })),
      { field: `variants.${index}.call_to_action`, text: draft.call_to_action },
      { field: `variants.${index}.preheader`, text: draft.preheader },
      { field: `variants.${index}.media_brief`, text: draft.media_brief },
    ]);
    const prose = variants.map((draft, index) => ({
      field: `variants.${index}`,
      text: [draft.title, draft.body, ...draft.thread, draft.call_to_action, draft.preheader].join('\n'),
    }));
    const findings = checkBusinessOutput(texts, prose, business, { language, given: [input.brief] });
    problems.push(...findings.problems);
    problems.push(
      ...safetyProblems(
        texts.map((entry) => entry.text),
        this.prompt(input, context),
        business,
      ),
    );
    return { output: { variants, warnings: findings.warnings }, problems, flags: findings.flags };
  },
};
