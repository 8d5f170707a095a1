import sharp from 'sharp';
import { type CardContent, cardSvg } from './card-layout.js';

/**
 * A card as PNG. librsvg draws the SVG with the fonts fontconfig finds (DejaVu, see docs/media.md); the
 * SVG holds no links, images or scripts, only shapes and escaped text, so nothing is fetched or run.
 */
export async function renderCard(card: CardContent): Promise<Buffer> {
  // 72 dpi: one SVG unit is one pixel, so the PNG is exactly width × height.
  return sharp(Buffer.from(cardSvg(card)), { density: 72 })
    .png({ compressionLevel: 9, palette: false })
    .toBuffer();
}
