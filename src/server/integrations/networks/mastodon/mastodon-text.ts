// Statuses arrive as HTML (docs.joinmastodon.org/spec/microformats/): paragraphs, line breaks, links and
// mention spans. The inbox shows plain text, so tags go and entities are decoded.

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * @example
 * htmlToText('<p>Hi <span class="h-card"><a href="…">@<span>shop</span></a></span></p><p>Bye</p>');
 * // 'Hi @shop\n\nBye'
 */
export function htmlToText(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p[^>]*>/gi, '\n\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X'))
        return safeCodePoint(Number.parseInt(name.slice(2), 16), entity);
      if (name.startsWith('#')) return safeCodePoint(Number.parseInt(name.slice(1), 10), entity);
      return ENTITIES[name.toLowerCase()] ?? entity;
    })
    .trim();
}

function safeCodePoint(code: number, fallback: string): string {
  return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fallback;
}
