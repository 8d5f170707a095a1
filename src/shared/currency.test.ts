import { describe, expect, it } from 'vitest';
import { countryOfTimeZone, currencyMinorDigits, currencyOfCountry, defaultCurrency } from './currency.js';

describe('defaultCurrency', () => {
  it('takes the country of the workspace’s time zone first', () => {
    expect(defaultCurrency({ time_zone: 'Europe/Lisbon', locale: 'en-GB' })).toBe('EUR');
    expect(defaultCurrency({ time_zone: 'Europe/London', locale: 'en' })).toBe('GBP');
    expect(defaultCurrency({ time_zone: 'America/New_York', locale: 'fr' })).toBe('USD');
    expect(defaultCurrency({ time_zone: 'Asia/Tokyo', locale: 'en' })).toBe('JPY');
    expect(defaultCurrency({ time_zone: 'Europe/Zurich', locale: 'de' })).toBe('CHF');
    expect(defaultCurrency({ time_zone: 'America/Sao_Paulo', locale: 'pt-BR' })).toBe('BRL');
  });

  it('knows the old zone names browsers still report', () => {
    expect(countryOfTimeZone('Asia/Calcutta')).toBe('IN');
    expect(countryOfTimeZone('Europe/Kiev')).toBe('UA');
    expect(countryOfTimeZone('America/Buenos_Aires')).toBe('AR');
    expect(countryOfTimeZone('Iceland')).toBe('IS');
  });

  it('falls back on the locale’s region, then its language’s, then US dollars', () => {
    expect(defaultCurrency({ time_zone: 'UTC', locale: 'en-GB' })).toBe('GBP');
    expect(defaultCurrency({ time_zone: 'Etc/GMT+1', locale: 'pt-PT' })).toBe('EUR');
    expect(defaultCurrency({ time_zone: 'UTC', locale: 'ja' })).toBe('JPY');
    expect(defaultCurrency({ time_zone: 'UTC', locale: 'en' })).toBe('USD');
    expect(defaultCurrency({ time_zone: 'Antarctica/Troll', locale: 'not a locale' })).toBe('USD');
  });

  it('has a currency for every country it places a zone in', () => {
    for (const zone of Intl.supportedValuesOf('timeZone')) {
      const country = countryOfTimeZone(zone);
      if (country) expect(currencyOfCountry(country), `${zone} (${country})`).toMatch(/^[A-Z]{3}$/);
    }
  });

  it('knows how many minor units make one of a currency', () => {
    expect(currencyMinorDigits('EUR')).toBe(2);
    expect(currencyMinorDigits('JPY')).toBe(0);
    expect(currencyMinorDigits('KWD')).toBe(3);
    expect(currencyMinorDigits('not a code')).toBe(2);
  });
});
