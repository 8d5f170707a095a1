import type { BrandVisual } from '#shared/brand.schema.js';
import type { CardKind } from '#shared/media-cards.schema.js';
import { clampLines, escapeXml, type FontMetrics, metricsFor, textWidth, wrapText } from './card-text.js';

/** What a card says and how it looks. */
export interface CardContent {
  kind: CardKind;
  headline: string;
  body: string;
  footer: string;
  /** Printed small at the bottom; empty for none. */
  businessName: string;
  visual: BrandVisual;
  width: number;
  height: number;
}

/** The families behind each brand font choice: DejaVu ships with the server (see docs/media.md). */
const FAMILIES: Record<BrandVisual['font'], string> = {
  sans: "'DejaVu Sans', sans-serif",
  serif: "'DejaVu Serif', serif",
  mono: "'DejaVu Sans Mono', monospace",
};

/** One run of lines in one size and colour. */
interface Block {
  lines: string[];
  size: number;
  colour: string;
  bold: boolean;
  /** Space after the block, in pixels. */
  gap: number;
  /** Drawn on a filled pill (an offer's code). */
  pill?: string;
}

const LINE_HEIGHT = 1.22;
/** Below these sizes text stops being readable on a phone; longer text is cut with an ellipsis instead. */
const MIN_HEADLINE_PX = 30;
const MIN_TEXT_PX = 22;

/**
 * The SVG of a card: the brand's background, an accent bar in its primary colour, the text wrapped to the
 * card's width and shrunk until it fits its height, the business's name at the bottom. Every piece of user
 * text goes through `escapeXml`; colours and the font come from the validated brand profile.
 */
export function cardSvg(card: CardContent): string {
  const { width, height, visual } = card;
  const short = Math.min(width, height);
  const pad = Math.round(short * 0.08);
  const bar = Math.round(short * 0.02);
  const metrics = metricsFor(visual.font);
  const nameSize = Math.max(MIN_TEXT_PX, Math.round(short * 0.035));
  const nameLine = card.businessName
    ? clampLines(
        wrapText(card.businessName, nameSize, width - 2 * pad, metrics),
        1,
        nameSize,
        width - 2 * pad,
        metrics,
      )
    : [];
  const box = {
    left: pad,
    top: bar + pad,
    width: width - 2 * pad,
    height: height - bar - 2 * pad - (nameLine.length ? Math.round(nameSize * 2) : 0),
  };
  const quoteMark = card.kind === 'quote' ? Math.round(short * 0.2) : 0;
  const blocks = fitBlocks(card, box.width, box.height - quoteMark * 0.6, metrics, short);

  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="${visual.background_colour}"/>`,
    `<rect width="${width}" height="${bar}" fill="${visual.primary_colour}"/>`,
  ];
  if (card.kind === 'event') {
    parts.push(
      `<rect x="0" y="${bar}" width="${Math.round(pad / 3)}" height="${height - bar}" fill="${visual.secondary_colour}"/>`,
    );
  }
  const used = blocks.reduce((sum, block) => sum + blockHeight(block), 0) + quoteMark * 0.6;
  let y = box.top + Math.max(0, (box.height - used) / 2);
  const family = FAMILIES[visual.font];
  if (quoteMark) {
    const markColour = readableAccent(visual.secondary_colour, visual.background_colour, visual.text_colour);
    parts.push(text('\u201C', box.left, y + quoteMark * 0.75, quoteMark, markColour, true, family));
    y += quoteMark * 0.6;
  }
  for (const block of blocks) {
    const lineHeight = block.size * LINE_HEIGHT;
    if (block.pill) {
      const longest = Math.max(...block.lines.map((line) => textWidth(line, block.size, metrics)));
      parts.push(
        `<rect x="${box.left}" y="${round(y)}" width="${round(Math.min(box.width, longest + block.size))}" height="${round(lineHeight * block.lines.length + block.size * 0.4)}" rx="${round(block.size * 0.4)}" fill="${block.pill}"/>`,
      );
      y += block.size * 0.2;
    }
    const inset = block.pill ? block.size / 2 : 0;
    for (const line of block.lines) {
      parts.push(text(line, box.left + inset, y + block.size, block.size, block.colour, block.bold, family));
      y += lineHeight;
    }
    if (block.pill) y += block.size * 0.2;
    if (card.kind === 'announcement' && block === blocks[0]) {
      parts.push(
        `<rect x="${box.left}" y="${round(y + block.gap / 4)}" width="${round(box.width / 5)}" height="${Math.max(4, Math.round(bar / 2))}" fill="${visual.secondary_colour}"/>`,
      );
    }
    y += block.gap;
  }
  if (nameLine[0]) {
    const nameColour = readableAccent(visual.primary_colour, visual.background_colour, visual.text_colour);
    parts.push(text(nameLine[0], pad, height - pad, nameSize, nameColour, true, family));
  }
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${parts.join('')}</svg>`;
}

/**
 * The blocks of a card at the largest scale whose wrapped text fits `maxHeight`; at the smallest scale,
 * what still does not fit is cut with an ellipsis (the body first, then the headline).
 */
function fitBlocks(
  card: CardContent,
  maxWidth: number,
  maxHeight: number,
  metrics: FontMetrics,
  short: number,
): Block[] {
  const landscape = card.width / card.height > 1.5;
  const headlineBase = Math.round(short * (landscape ? 0.13 : 0.1));
  let blocks: Block[] = [];
  for (let scale = 1; scale >= 0.3; scale -= 0.05) {
    blocks = blocksAt(card, Math.max(MIN_HEADLINE_PX, Math.round(headlineBase * scale)), maxWidth, metrics);
    if (totalHeight(blocks) <= maxHeight) return blocks;
  }
  // Still too tall at the smallest sizes: keep what fits, in reading order.
  let room = maxHeight;
  const kept: Block[] = [];
  for (const block of blocks) {
    const extra = (block.pill ? block.size * 0.4 : 0) + block.gap;
    const fits = Math.floor((room - extra) / (block.size * LINE_HEIGHT));
    if (fits < 1) break;
    const inset = block.pill ? block.size : 0;
    const next = { ...block, lines: clampLines(block.lines, fits, block.size, maxWidth - inset, metrics) };
    kept.push(next);
    room -= blockHeight(next);
  }
  return kept;
}

/** The blocks of each kind with a headline `size` pixels tall. */
function blocksAt(card: CardContent, size: number, maxWidth: number, metrics: FontMetrics): Block[] {
  const { visual } = card;
  const primary = readableAccent(visual.primary_colour, visual.background_colour, visual.text_colour);
  const secondary = readableAccent(visual.secondary_colour, visual.background_colour, visual.text_colour);
  const small = Math.max(MIN_TEXT_PX, Math.round(size * 0.45));
  const wrap = (value: string, px: number, inset = 0) => wrapText(value, px, maxWidth - inset, metrics);
  const headline: Block = {
    lines: wrap(card.headline, size),
    size,
    colour: card.kind === 'offer' ? primary : visual.text_colour,
    bold: true,
    gap: Math.round(size * 0.5),
  };
  const body: Block = {
    lines: wrap(card.body, small),
    size: small,
    colour: visual.text_colour,
    bold: false,
    gap: Math.round(small),
  };
  const footerColour = card.kind === 'quote' ? secondary : primary;
  const footer: Block =
    card.kind === 'offer'
      ? {
          lines: wrap(card.footer, small, small),
          size: small,
          colour: contrastOn(visual.secondary_colour),
          bold: true,
          gap: 0,
          pill: visual.secondary_colour,
        }
      : { lines: wrap(card.footer, small), size: small, colour: footerColour, bold: true, gap: 0 };
  // An event leads with its date and place, like a poster; the other kinds end with the footer.
  const order =
    card.kind === 'event'
      ? [{ ...footer, gap: Math.round(small * 0.8) }, headline, body]
      : [headline, body, footer];
  const present = order.filter((block) => block.lines.length > 0);
  const last = present.at(-1);
  if (last) present[present.length - 1] = { ...last, gap: 0 };
  return present;
}

function blockHeight(block: Block): number {
  return block.lines.length * block.size * LINE_HEIGHT + (block.pill ? block.size * 0.4 : 0) + block.gap;
}

function totalHeight(blocks: Block[]): number {
  return blocks.reduce((sum, block) => sum + blockHeight(block), 0);
}

function text(
  content: string,
  x: number,
  y: number,
  size: number,
  colour: string,
  bold: boolean,
  family: string,
): string {
  const weight = bold ? ' font-weight="bold"' : '';
  return `<text x="${round(x)}" y="${round(y)}" font-family="${family}" font-size="${size}"${weight} fill="${colour}">${escapeXml(content)}</text>`;
}

/** Black or white, whichever reads better on `hex`. */
export function contrastOn(hex: string): string {
  return luminance(hex) > 0.179 ? '#000000' : '#ffffff';
}

/**
 * `accent` when it reads on `background` (WCAG contrast of 3:1, the bar for large text), otherwise
 * `fallback`: a brand whose primary colour is as dark as its background still gets legible text.
 */
export function readableAccent(accent: string, background: string, fallback: string): string {
  const [light, dark] = [luminance(accent), luminance(background)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05) >= 3 ? accent : fallback;
}

/** WCAG relative luminance of `#rrggbb`. */
function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = Number.parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
