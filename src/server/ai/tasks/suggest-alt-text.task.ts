import {
  type SuggestAltTextInput,
  type SuggestAltTextOutput,
  suggestAltTextInputSchema,
  suggestAltTextOutputSchema,
} from '#shared/ai-tasks.schema.js';
import { offlineAltText } from '../offline/alt-text.js';
import { fenceData } from '../prompt-safety.js';
import type { AiTask } from '../task.js';
import { checkBusinessOutput, safetyProblems } from './output-checks.js';
import { answerFormat, systemMessage } from './prompt-parts.js';

/** Openings screen readers make redundant (they announce an image already). */
const REDUNDANT_OPENING = /^(an? )?(image|picture|photo|photograph) (of|showing) /iu;

/** A description of a library item for people who cannot see it; with the picture when the model reads images. */
export const suggestAltTextTask: AiTask<SuggestAltTextInput, SuggestAltTextOutput> = {
  name: 'suggestAltText',
  version: '2026-12-01.1',
  input: suggestAltTextInputSchema,
  output: suggestAltTextOutputSchema,
  maxOutputTokens: () => 600,

  prompt(input, { business }) {
    const system = systemMessage(
      `You write alt text for ${business.name}'s images: one or two plain sentences (at most 250 characters) saying what the picture shows that matters for the post, for people who use screen readers. Do not start with "Image of" or "Picture of"; no hashtags, no emoji, no links; describe only what you can see or were told.`,
      business,
      [],
    );
    const facts = [
      `Kind: ${input.kind}.`,
      input.width && input.height ? `Size: ${input.width} × ${input.height} pixels.` : null,
      input.dominant_colour ? `Dominant colour: ${input.dominant_colour}.` : null,
    ];
    const user = [
      input.image
        ? 'Describe the attached picture.'
        : 'You cannot see the picture: describe it from its file name, the facts and the brief, without inventing details.',
      input.file_name ? `The file name:\n${fenceData('file_name', input.file_name)}` : null,
      facts.filter(Boolean).join(' '),
      input.brief ? `The post it goes with:\n${fenceData('brief', input.brief)}` : null,
      input.language
        ? `Write in the language with code ${input.language}.`
        : `Write in the language of the locale ${business.locale}.`,
      answerFormat(suggestAltTextOutputSchema),
    ];
    return [
      system,
      {
        role: 'user',
        content: user.filter(Boolean).join('\n\n'),
        ...(input.image ? { images: [input.image] } : {}),
      },
    ];
  },

  offline(input, { business }) {
    return { alt_text: offlineAltText(input, business) };
  },

  finalize(output, input, context) {
    const { business } = context;
    const language = input.language ?? business.locale;
    const alt = output.alt_text.replace(/\s+/gu, ' ').trim().replace(REDUNDANT_OPENING, '');
    const altText = alt.charAt(0).toUpperCase() + alt.slice(1);
    const texts = [{ field: 'alt_text', text: altText }];
    const findings = checkBusinessOutput(texts, texts, business, {
      language,
      given: [input.brief ?? '', input.file_name],
    });
    const problems = [...findings.problems];
    if (/(?<![\p{L}\p{N}])#(?![0-9a-fA-F]{6}\b)\p{L}[\p{L}\p{N}_]*/u.test(altText))
      problems.push('Alt text has no hashtags: remove them.');
    problems.push(...safetyProblems([altText], this.prompt(input, context), business));
    return { output: { alt_text: altText, warnings: findings.warnings }, problems, flags: findings.flags };
  },
};
