import { describe, expect, it } from 'vitest';
import { LANGUAGES, pickLanguage } from './languages.js';

describe('LANGUAGES', () => {
  it('offers exactly the languages that have strings in src/web/locales', () => {
    const folders = Object.keys(import.meta.glob('../../locales/*/common.json')).map(
      (file) => file.split('/')[3],
    );
    expect([...LANGUAGES].sort()).toEqual(folders.sort());
  });
});

describe('pickLanguage', () => {
  it('takes the first tag whose language the interface speaks, whatever its region', () => {
    expect(pickLanguage(['de-DE', 'fr-CA', 'en'])).toBe('fr');
    expect(pickLanguage(['en-GB', 'fr'])).toBe('en');
    expect(pickLanguage(['FR'])).toBe('fr');
  });

  it('answers undefined when none is spoken', () => {
    expect(pickLanguage(['de', 'pt-BR'])).toBeUndefined();
    expect(pickLanguage([])).toBeUndefined();
  });
});
