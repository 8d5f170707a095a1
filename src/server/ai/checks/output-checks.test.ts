import { describe, expect, it } from 'vitest';
import { checkOutputTexts, languageName } from './output-checks.js';

const options = {
  language: 'de-DE',
  wordsToAvoid: ['billig'],
  knownHosts: new Set(['baeckerei.example']),
  names: ['Roggenkruste'],
};

describe('checkOutputTexts', () => {
  it('asks for rewrites of words to avoid and placeholders, and warns about each', () => {
    const findings = checkOutputTexts(
      [{ field: 'variants.0.body', text: 'Unser billiges Brot für [STADT]!' }],
      [],
      options,
    );
    expect(findings.problems).toEqual([
      'variants.0.body: rewrite the sentences containing "billiges" without "billig" or any form of it; the brand avoids it.',
      'variants.0.body: replace the template marker(s) "[STADT]" with finished copy from the profile, or rewrite the sentence without them.',
    ]);
    expect(findings.flags).toEqual([]);
    expect(findings.warnings.map((warning) => warning.code)).toEqual(['word_to_avoid', 'placeholder']);
  });

  it('only warns about links nobody gave the writer', () => {
    const findings = checkOutputTexts(
      [{ field: 'body', text: 'Bestellen: https://baeckerei.example/brot oder https://evil.example/x' }],
      [],
      options,
    );
    expect(findings.problems).toEqual([]);
    expect(findings.flags).toEqual([]);
    expect(findings.warnings).toEqual([
      {
        field: 'body',
        code: 'foreign_link',
        message:
          'Links to "https://evil.example/x", which is not in the brand profile, the knowledge base or the brief: check it before publishing',
      },
    ]);
  });

  it('flags prose in another language for one repair request', () => {
    const english = 'Our rye sourdough is back for the weekend brunch, baked fresh every single morning.';
    const findings = checkOutputTexts([], [{ field: 'variants.0', text: english }], options);
    expect(findings.flags).toEqual(["variants.0: write it in German, the business's language, not English."]);
    expect(findings.warnings).toEqual([
      { field: 'variants.0', code: 'wrong_language', message: 'Reads as English, not German' },
    ]);
    const german = 'Unser Roggenbrot ist wieder da, frisch aus dem Ofen, jeden Morgen ab sieben Uhr.';
    expect(checkOutputTexts([], [{ field: 'variants.0', text: german }], options).flags).toEqual([]);
  });

  it('names languages in English', () => {
    expect(languageName('pt-BR')).toBe('Portuguese');
    expect(languageName('xx')).toBe('xx');
  });
});
