import { describe, expect, it } from 'vitest';
import {
  REWRITE_MODES,
  rewriteContentInputSchema,
  rewriteContentOutputSchema,
} from '#shared/ai-tasks.schema.js';
import { CHANNEL_IDS } from '#shared/channel-ids.js';
import { countText } from '#shared/channels.js';
import { BAKERY_DE_DE } from '../offline/quality-brands.js';
import { sampleContext } from '../offline/sample-business.js';
import { findWordsToAvoid } from '../prompt-safety.js';
import { rewriteContentTask } from './rewrite-content.task.js';

const context = sampleContext();
const TEXT =
  'Thank you! Our really delicious rye sourdough is back this week. It is baked fresh every morning and it is not cheap junk. ' +
  'We deliver across Leeds. Order now: https://ryeandco.example/rye #RyeSourdough';

function input(mode: (typeof REWRITE_MODES)[number], overrides: Record<string, unknown> = {}) {
  return rewriteContentInputSchema.parse({ channel: 'x', text: TEXT, mode, ...overrides });
}

describe('rewriteContent offline', () => {
  // Translation needs a model: offline it changes nothing (see below), so its words are the original's.
  const modes = REWRITE_MODES.filter((mode) => mode !== 'translate');
  it.each(CHANNEL_IDS.flatMap((channel) => modes.map((mode) => [channel, mode] as const)))(
    '%s %s: valid, within the limit, without words to avoid, deterministic',
    (channel, mode) => {
      const taskInput = input(mode, { channel, tone: 'more playful', language: 'es' });
      const output = rewriteContentOutputSchema.parse(rewriteContentTask.offline(taskInput, context));
      expect(countText(channel, output.text).over).toBe(false);
      expect(findWordsToAvoid(output.text, ['cheap'])).toEqual([]);
      expect(rewriteContentTask.offline(taskInput, context)).toEqual(output);
      expect(rewriteContentTask.finalize(output, taskInput, context).problems).toEqual([]);
    },
  );

  it('shortens, keeping the opening and the link', () => {
    const { text } = rewriteContentTask.offline(input('shorten'), context);
    expect(countText('x', text).count).toBeLessThan(countText('x', TEXT).count);
    expect(text).toMatch(/^Thank you!/);
    expect(text).toContain('https://ryeandco.example/rye');
  });

  it('tailors a long LinkedIn post to X: within 280, two hashtags, the link kept', () => {
    const linkedin = [
      'Thank you for a wonderful first year with us in Leeds.',
      'Our rye sourdough is baked fresh every morning from flour milled in Yorkshire, and we deliver it across the city before breakfast.',
      'This week we are back with the loaf you asked for most, and a new seeded version for the weekend.',
      'Order now: https://ryeandco.example/rye',
      '#RyeSourdough #Leeds #Bakery #Bread #Yorkshire',
    ].join('\n\n');
    const output = rewriteContentTask.offline(input('tailor', { text: linkedin }), context);
    expect(countText('x', output.text).over).toBe(false);
    expect(output.text).toContain('https://ryeandco.example/rye');
    expect(output.hashtags).toEqual(['#RyeSourdough', '#Leeds']);
    // A text that fits keeps every sentence: only the hashtags the network does not need go.
    const kept = rewriteContentTask.offline(
      input('tailor', {
        channel: 'linkedin',
        text: 'Fresh rye today. #Rye #Bread #Leeds #Bakery #Yorkshire',
      }),
      context,
    );
    expect(kept.text).toBe('Fresh rye today. #Rye #Bread #Leeds');
  });

  it('expands with facts from the profile', () => {
    const { text } = rewriteContentTask.offline(input('expand', { channel: 'facebook' }), context);
    expect(text).toContain('fermented for 48 hours');
  });

  it('changes tone both ways', () => {
    const formal = rewriteContentTask.offline(
      input('tone', { text: "We're thrilled! Don't miss it 🥐", tone: 'more formal', channel: 'linkedin' }),
      context,
    );
    expect(formal.text).toBe('We are thrilled. Do not miss it');
    const playful = rewriteContentTask.offline(
      input('tone', {
        text: 'We are pleased to offer rye. It is here.',
        tone: 'playful',
        channel: 'linkedin',
      }),
      context,
    );
    expect(playful.text).toMatch(/We're .*\p{Extended_Pictographic}/u);
  });

  it('cannot translate offline: keeps the text as it is and says so in a warning', () => {
    const taskInput = input('translate', { text: 'Thank you! Order now.', language: 'fr' });
    const output = rewriteContentTask.offline(taskInput, context);
    expect(output.text).toBe('Thank you! Order now.');
    // Not even a sentence with a word to avoid goes: the checks flag it instead.
    const cheap = rewriteContentTask.offline(
      input('translate', { channel: 'linkedin', language: 'de' }),
      context,
    );
    expect(cheap.text).toBe(TEXT);
    const { output: final } = rewriteContentTask.finalize(output, taskInput, context);
    expect(final.warnings).toContainEqual(
      expect.objectContaining({
        field: 'text',
        code: 'not_translated',
        message: expect.stringMatching(/French/),
      }),
    );
  });
});

describe("rewriteContent offline in the business's language", () => {
  const german = sampleContext(BAKERY_DE_DE);
  const DE_TEXT =
    'Unser Dinkelvollkornbrot ist wieder da. Es ist nicht billig, aber ehrlich gebacken. Wir backen es jeden Morgen frisch in Freiburg.';
  const rewrite = (mode: (typeof REWRITE_MODES)[number], overrides: Record<string, unknown> = {}) =>
    rewriteContentTask.offline(input(mode, { channel: 'facebook', text: DE_TEXT, ...overrides }), german);
  const ENGLISH = /\b(?:the|and|with|for|you|our|more|made|look)\b/iu;

  it.each(['expand', 'variant', 'tone', 'shorten'] as const)('%s writes German, never English', (mode) => {
    const { text } = rewrite(mode, { tone: 'playful' });
    expect(text).not.toMatch(ENGLISH);
    expect(text).toContain('Dinkelvollkornbrot');
  });

  it('expands with German sentences from the profile and the phrase bank', () => {
    const { text } = rewrite('expand');
    expect(text.length).toBeGreaterThan(DE_TEXT.length);
    expect(text).toContain('Ein saftiges Vollkornbrot aus 100 % Dinkel.');
  });

  it('opens a variant with another German sentence', () => {
    const { text } = rewrite('variant');
    expect(text.startsWith('Unser Dinkelvollkornbrot ist wieder da.')).toBe(false);
  });

  it('leaves out a sentence with a word to avoid (any form) whole, and says so; never a hole', () => {
    for (const mode of ['expand', 'variant', 'tone', 'shorten'] as const) {
      const output = rewrite(mode, { text: DE_TEXT.replace('billig', 'billiges Brot') });
      expect(output.text).not.toMatch(/billig|nicht ,|aber ehrlich/iu);
      const taskInput = input(mode, { channel: 'facebook', text: DE_TEXT });
      const { output: final, problems } = rewriteContentTask.finalize(output, taskInput, german);
      expect(problems).toEqual([]);
      expect(final.warnings?.map((warning) => warning.code)).toContain('sentence_left_out');
    }
  });
});

describe('rewriteContent prompt and finalize', () => {
  it('fences the original text and states the mode', () => {
    const [system, user] = rewriteContentTask.prompt(input('translate', { language: 'it' }), context);
    expect(system?.content).toContain('Words to AVOID');
    expect(user?.content).toContain('language with code it');
    expect(user?.content).toMatch(/label="original_text">\nThank you!/);
  });

  it('fits an over-long answer, caps hashtags and drops those with a word to avoid', () => {
    const answer = {
      text: `Fresh bread! ${'Lovely rye. '.repeat(60)}`,
      hashtags: ['a', 'CheapEats', 'b', 'c'],
    };
    const { output, problems } = rewriteContentTask.finalize(
      answer,
      input('expand', { channel: 'threads' }),
      context,
    );
    expect(problems).toEqual([]);
    expect(countText('threads', output.text).over).toBe(false);
    expect(output.hashtags).toEqual(['#a']);
    expect(output.warnings).toEqual([]);
  });

  it('sends a word to avoid back for a rewrite instead of deleting it', () => {
    const answer = { text: 'Cheaper bread than ever, baked daily.', hashtags: [] };
    const { output, problems } = rewriteContentTask.finalize(answer, input('expand'), context);
    expect(output.text).toBe(answer.text);
    expect(problems).toEqual([
      'text: rewrite the sentences containing "Cheaper" without "cheap" or any form of it; the brand avoids it.',
    ]);
    expect(output.warnings?.map((warning) => warning.code)).toEqual(['word_to_avoid']);
  });
});
