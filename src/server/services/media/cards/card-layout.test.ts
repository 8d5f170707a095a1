import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_BRAND_VISUAL } from '#shared/brand.schema.js';
import { CARD_ASPECTS, CARD_KINDS } from '#shared/media-cards.schema.js';
import { type CardContent, cardSvg, contrastOn, readableAccent } from './card-layout.js';
import { renderCard } from './render-card.js';

const base: CardContent = {
  kind: 'quote',
  headline: 'Best coffee in town',
  body: '',
  footer: 'Anna',
  businessName: 'Acme Bakery',
  visual: DEFAULT_BRAND_VISUAL,
  ...CARD_ASPECTS['1:1'],
};

/** The texts of the SVG's <text> elements, unescaped the way an XML parser would. */
function textsOf(svg: string): string[] {
  return [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((match) =>
    (match[1] ?? '')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&amp;', '&'),
  );
}

describe('cardSvg', () => {
  it('keeps hostile text as text: no element of it survives into the SVG', () => {
    const hostile = '</text><script>alert(1)</script><image href="http://evil.test/x.png"/>';
    const svg = cardSvg({
      ...base,
      headline: hostile,
      body: hostile,
      footer: hostile,
      businessName: hostile,
    });
    expect(svg).not.toContain('<script');
    expect(svg).not.toContain('<image');
    expect(svg.match(/<text /g)?.length).toBe(svg.match(/<\/text>/g)?.length);
    expect(textsOf(svg).join('')).toContain('</text><script>alert(1)</script>');
  });

  it('puts every kind of card on each aspect, its words inside the card', () => {
    for (const kind of CARD_KINDS) {
      for (const [aspect, size] of Object.entries(CARD_ASPECTS)) {
        const svg = cardSvg({ ...base, kind, ...size, body: 'Two for one on every loaf, all week.' });
        expect(svg, `${kind} ${aspect}`).toContain(`width="${size.width}" height="${size.height}"`);
        const ys = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"/g)].map((m) => Number(m[2]));
        for (const y of ys) expect(y).toBeLessThanOrEqual(size.height);
        expect(textsOf(svg).join(' ')).toContain('Two for one');
      }
    }
  });

  it('shrinks long text to fit and cuts what still does not, with an ellipsis', () => {
    const long = cardSvg({
      ...base,
      ...CARD_ASPECTS['1.91:1'],
      headline: 'Big news '.repeat(22),
      body: 'Details '.repeat(62),
    });
    const short = cardSvg({ ...base, ...CARD_ASPECTS['1.91:1'], headline: 'Big news' });
    const sizeOf = (svg: string) =>
      Number(/font-size="(\d+)" font-weight="bold" fill="#111827">Big/.exec(svg)?.[1]);
    expect(sizeOf(long)).toBeLessThan(sizeOf(short));
    const ys = [...long.matchAll(/<text x="[\d.]+" y="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(Math.max(...ys)).toBeLessThanOrEqual(628);
  });

  it('draws the words in the brand font with escaped text only', () => {
    const svg = cardSvg({ ...base, visual: { ...DEFAULT_BRAND_VISUAL, font: 'serif' } });
    expect(svg).toContain(`font-family="'DejaVu Serif', serif"`);
    expect(svg).not.toMatch(/href|<style|on\w+=/);
  });
});

describe('colours', () => {
  it('picks black or white for text on a fill, and falls back when an accent does not read', () => {
    expect(contrastOn('#f59e0b')).toBe('#000000');
    expect(contrastOn('#1d4ed8')).toBe('#ffffff');
    expect(readableAccent('#1d4ed8', '#ffffff', '#111827')).toBe('#1d4ed8');
    expect(readableAccent('#1e293b', '#0f172a', '#f8fafc')).toBe('#f8fafc');
  });
});

describe('renderCard', () => {
  it('draws a PNG of the card’s size in the brand’s colours', async () => {
    const visual = { ...DEFAULT_BRAND_VISUAL, primary_colour: '#ff0000', background_colour: '#00ff00' };
    const png = await renderCard({ ...base, ...CARD_ASPECTS['4:5'], visual });
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height]).toEqual([1080, 1350]);
    const at = (x: number, y: number) => [
      ...data.subarray((y * info.width + x) * 3, (y * info.width + x) * 3 + 3),
    ];
    expect(at(540, 5)).toEqual([255, 0, 0]);
    expect(at(1075, 700)).toEqual([0, 255, 0]);
  });
});
