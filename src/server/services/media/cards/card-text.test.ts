import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { clampLines, escapeXml, metricsFor, paragraphsOf, textWidth, wrapText } from './card-text.js';

describe('escapeXml', () => {
  it('turns markup into text and drops characters XML forbids', () => {
    expect(escapeXml('</text><script>alert("x")</script>')).toBe(
      '&lt;/text&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;',
    );
    expect(escapeXml("Tom & Jerry's")).toBe('Tom &amp; Jerry&apos;s');
    expect(escapeXml('a\u0000b\u0007c\uFFFEd\uD800e')).toBe('abcde');
    expect(escapeXml('<![CDATA[x]]>')).toBe('&lt;![CDATA[x]]&gt;');
  });
});

describe('paragraphsOf', () => {
  it('keeps typed line breaks and collapses other whitespace', () => {
    expect(paragraphsOf('  One\t two \n\n three  \r\nfour')).toEqual(['One two', 'three', 'four']);
  });
});

describe('wrapText', () => {
  const metrics = metricsFor('sans');

  it('breaks at spaces so each line fits', () => {
    const lines = wrapText('The quick brown fox jumps over the lazy dog again and again', 60, 500, metrics);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, 60, metrics)).toBeLessThanOrEqual(500);
    expect(lines.join(' ')).toBe('The quick brown fox jumps over the lazy dog again and again');
  });

  it('cuts a word only when it alone is too wide', () => {
    const word = 'Donaudampfschifffahrtsgesellschaftskapitän';
    const lines = wrapText(`Ein ${word}`, 60, 400, metrics);
    expect(lines[0]).toBe('Ein');
    expect(lines.slice(1).join('')).toBe(word);
    for (const line of lines) expect(textWidth(line, 60, metrics)).toBeLessThanOrEqual(400);
  });

  it('estimates no narrower than librsvg draws, so wrapped lines never pass the edge', async () => {
    const samples = ['WWWW MMMM mmmm', 'Große Überraschung 20% OFF!', 'iiiill lll', 'The quick brown fox'];
    for (const font of ['sans', 'serif', 'mono'] as const) {
      const family = { sans: 'DejaVu Sans', serif: 'DejaVu Serif', mono: 'DejaVu Sans Mono' }[font];
      for (const sample of samples) {
        const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="3000" height="200"><rect width="3000" height="200" fill="#fff"/><text x="0" y="150" font-family="${family}" font-weight="bold" font-size="100" fill="#000">${escapeXml(sample)}</text></svg>`;
        const { info } = await sharp(Buffer.from(svg), { density: 72 })
          .trim()
          .toBuffer({ resolveWithObject: true });
        expect(textWidth(sample, 100, metricsFor(font)), `${font}: ${sample}`).toBeGreaterThanOrEqual(
          info.width,
        );
      }
    }
    // Twelve real renders; on a fresh machine the first also makes fontconfig scan every font.
  }, 30_000);
});

describe('clampLines', () => {
  it('keeps the first lines and ends the last with an ellipsis that fits', () => {
    const metrics = metricsFor('serif');
    const lines = ['first line here', 'second line here', 'third'];
    const kept = clampLines(lines, 2, 40, textWidth('second line here', 40, metrics), metrics);
    expect(kept).toHaveLength(2);
    expect(kept[1]?.endsWith('…')).toBe(true);
    expect(textWidth(kept[1] ?? '', 40, metrics)).toBeLessThanOrEqual(
      textWidth('second line here', 40, metrics),
    );
    expect(clampLines(lines, 3, 40, 1000, metrics)).toEqual(lines);
  });
});
