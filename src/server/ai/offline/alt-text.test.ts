import { describe, expect, it } from 'vitest';
import { suggestAltTextInputSchema } from '#shared/ai-tasks.schema.js';
import { brandProfileSchema } from '#shared/brand.schema.js';
import type { BusinessContext } from '../task.js';
import { colourName, describingWords, offlineAltText } from './alt-text.js';

const business = (locale = 'en-GB'): BusinessContext => ({
  name: 'Acme Bakery',
  industry: 'bakery',
  description: null,
  website: null,
  locale,
  time_zone: 'Europe/London',
  brand: brandProfileSchema.parse({ products: [{ name: 'Sourdough Loaf' }] }),
});
const input = (fields: object) => suggestAltTextInputSchema.parse(fields);

describe('describingWords', () => {
  it('drops camera counters, dates, extensions and copy markers', () => {
    expect(describingWords('IMG_20240512_beachDay-final (2).jpg')).toBe('beach day');
    expect(describingWords('IMG_1234.JPG')).toBe('');
    expect(describingWords('PXL_20231001_123456789.MP.jpg')).toBe('');
    expect(describingWords('WhatsApp Image 2024-05-01 at 10.22.13.jpeg')).toBe('');
    expect(describingWords('SpringMenu_Launch.webp')).toBe('spring menu launch');
    expect(describingWords('croissants_on_the_counter.png')).toBe('croissants on the counter');
  });
});

describe('colourName', () => {
  it('names the dominant colour plainly', () => {
    expect(colourName('#000000')).toBe('black');
    expect(colourName('#ffffff')).toBe('white');
    expect(colourName('#808080')).toBe('grey');
    expect(colourName('#1d4ed8')).toBe('blue');
    expect(colourName('#a0522d')).toBe('brown');
    expect(colourName('#22c55e')).toBe('green');
  });
});

describe('offlineAltText', () => {
  it('describes from the file name, the product, the business and the colour', () => {
    expect(
      offlineAltText(
        input({ file_name: 'IMG_1234_sourdough-loaf.jpg', dominant_colour: '#a0522d' }),
        business(),
      ),
    ).toBe('Photo: sourdough loaf from Acme Bakery, mostly in brown tones.');
  });

  it('falls back on the brief when the name says nothing, and on the kind alone without either', () => {
    expect(
      offlineAltText(
        input({ file_name: 'IMG_1234.jpg', brief: 'Fresh croissants every morning. Come early!' }),
        business(),
      ),
    ).toBe('Photo: Fresh croissants every morning from Acme Bakery.');
    expect(offlineAltText(input({ file_name: 'VID_0001.mp4', kind: 'video' }), business())).toBe(
      'Video from Acme Bakery.',
    );
  });

  it('writes in the workspace’s language, or the one asked for', () => {
    const photo = { file_name: 'croissants.jpg', dominant_colour: '#1d4ed8' };
    expect(offlineAltText(input(photo), business('de-DE'))).toBe(
      'Foto: croissants von Acme Bakery, überwiegend in Blautönen.',
    );
    expect(offlineAltText(input(photo), business('fr-FR'))).toBe(
      'Photo : croissants de Acme Bakery, surtout dans des tons bleus.',
    );
    expect(offlineAltText(input({ ...photo, language: 'es' }), business())).toBe(
      'Foto: croissants de Acme Bakery, sobre todo en tonos azules.',
    );
    for (const locale of ['pt-PT', 'it-IT', 'nl-NL']) {
      expect(offlineAltText(input(photo), business(locale))).toMatch(/croissants .*Acme Bakery/);
    }
  });
});
