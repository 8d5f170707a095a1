import { describe, expect, it } from 'vitest';
import { checkLanguage } from './output-language.js';

describe('checkLanguage', () => {
  it('accepts text in the expected language, whatever the locale’s region', () => {
    const german = 'Unser Roggenbrot ist wieder da, frisch aus dem Ofen, jeden Morgen ab sieben Uhr.';
    expect(checkLanguage(german, 'de-DE')).toEqual({ verdict: 'expected' });
    const spanish = 'Nuestro pan de centeno vuelve este fin de semana, recién horneado cada mañana.';
    expect(checkLanguage(spanish, 'es')).toEqual({ verdict: 'expected' });
  });

  it('finds English written for a German business', () => {
    const english = 'Our rye sourdough is back for the weekend brunch, baked fresh every single morning.';
    expect(checkLanguage(english, 'de')).toMatchObject({ verdict: 'other', detected: 'en' });
  });

  it('ignores names, links and hashtags that stay in their own language', () => {
    const text =
      'Wir backen Rye sourdough jeden Morgen frisch für euch. https://rye.example/rye #RyeSourdough';
    expect(checkLanguage(text, 'de', ['Rye sourdough'])).toEqual({ verdict: 'expected' });
  });

  it('gives no verdict on short texts such as an SMS line or a title', () => {
    expect(checkLanguage('Order now: fresh rye today!', 'de')).toEqual({ verdict: 'unsure' });
    expect(checkLanguage('Roggenbrot heute, order now', 'fr')).toEqual({ verdict: 'unsure' });
    expect(checkLanguage('', 'en')).toEqual({ verdict: 'unsure' });
  });

  it('needs near certainty below 16 words and does not flag mixed text', () => {
    const mixed = 'Unser Roggenbrot ist zurück, order now and enjoy it with friends today';
    expect(checkLanguage(mixed, 'de').verdict).not.toBe('other');
  });
});
