import { describe, expect, it } from 'vitest';
import { brandProfileSchema } from '#shared/brand.schema.js';
import type { TaskContext } from '../task.js';
import { suggestAltTextTask } from './suggest-alt-text.task.js';

const context: TaskContext = {
  business: {
    name: 'Acme Bakery',
    industry: 'bakery',
    description: null,
    website: null,
    locale: 'en-GB',
    time_zone: 'Europe/London',
    brand: brandProfileSchema.parse({ voice: { words_to_avoid: ['cheap'] } }),
  },
  now: new Date('2026-03-01T10:00:00Z'),
};
const input = (fields: object) => suggestAltTextTask.input.parse(fields);
const IMAGE = 'data:image/jpeg;base64,/9j/4AAQSkZJRg==';

describe('suggestAltText', () => {
  it('sends the picture as an image of the user message only when there is one', () => {
    const withImage = suggestAltTextTask.prompt(input({ file_name: 'a.jpg', image: IMAGE }), context);
    expect(withImage.at(-1)?.images).toEqual([IMAGE]);
    expect(withImage.at(-1)?.content).toContain('Describe the attached picture');
    const without = suggestAltTextTask.prompt(input({ file_name: 'a.jpg' }), context);
    expect(without.at(-1)?.images).toBeUndefined();
    expect(without.at(-1)?.content).toContain('You cannot see the picture');
  });

  it('refuses pictures that are not image data URLs', () => {
    expect(suggestAltTextTask.input.safeParse({ image: 'https://evil.test/x.png' }).success).toBe(false);
    expect(suggestAltTextTask.input.safeParse({ image: 'data:image/svg+xml;base64,PHN2Zz4=' }).success).toBe(
      false,
    );
  });

  it('drops the redundant "Image of" opening and sends hashtags and avoided words back', () => {
    const fine = suggestAltTextTask.finalize(
      { alt_text: 'image of  a tray of croissants' },
      input({}),
      context,
    );
    expect(fine.output.alt_text).toBe('A tray of croissants');
    expect(fine.problems).toEqual([]);
    const colour = suggestAltTextTask.finalize(
      { alt_text: 'A wall painted #1d4ed8 blue' },
      input({}),
      context,
    );
    expect(colour.problems).toEqual([]);
    const bad = suggestAltTextTask.finalize({ alt_text: 'Cheap croissants #bakery' }, input({}), context);
    expect(bad.problems.join(' ')).toMatch(/hashtag/);
    expect(bad.problems.join(' ')).toMatch(/cheap/i);
  });

  it('answers offline with a finalized, non-empty suggestion', () => {
    const offline = suggestAltTextTask.offline(
      input({ file_name: 'IMG_1.jpg', brief: 'Croissants' }),
      context,
    );
    const { output, problems } = suggestAltTextTask.finalize(offline, input({}), context);
    expect(output.alt_text).toBe('Photo: Croissants from Acme Bakery.');
    expect(problems).toEqual([]);
  });
});
