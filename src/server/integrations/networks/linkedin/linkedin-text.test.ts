import { expect, it } from 'vitest';
import { littleText } from './linkedin-text.js';

it('escapes LinkedIn’s reserved characters, but not links or hashtags', () => {
  expect(littleText('Open (Mon–Fri) 8–18 h * new: rye_bread @ 3 € ~ [soon] {x} <b> | \\')).toBe(
    'Open \\(Mon–Fri\\) 8–18 h \\* new: rye\\_bread \\@ 3 € \\~ \\[soon\\] \\{x\\} \\<b\\> \\| \\\\',
  );
  expect(littleText('#Bakery news, see https://bakery.example/menu_(new)?a=1#top and C# #1')).toBe(
    '#Bakery news, see https://bakery.example/menu_(new)?a=1#top and C\\# #1',
  );
  expect(littleText('')).toBe('');
});
