import { describe, expect, it } from 'vitest';
import {
  REWRITE_MODES,
  rewriteContentInputSchema,
  rewriteContentOutputSchema,
} from '#shared/ai-tasks.schema.js';
import { CHANNEL_IDS } from '#shared/channel-ids.js';
import { countText } from '#shared/channels.js';
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
  it.each(CHANNEL_IDS.flatMap((channel) => REWRITE_MODES.map((mode) => [channel, mode] as const)))(
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

  it('translates known phrases and says openly when it cannot translate the rest', () => {
    expect(
      rewriteContentTask.offline(
        input('translate', { text: 'Thank you! Order now.', language: 'fr' }),
        context,
      ).text,
    ).toBe('Merci! Commandez maintenant.');
    expect(
      rewriteContentTask.offline(input('translate', { channel: 'linkedin', language: 'de' }), context).text,
    ).toMatch(/^\[Offline mode: only common phrases were translated to de; connect an AI provider/);
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
