import type { $Typed, AppBskyEmbedExternal, AppBskyRichtextFacet, AtpAgent } from '@atproto/api';
import type { BlueskyHttp } from './bluesky-session.js';

// Bluesky shows a link's card only when the post carries it (app.bsky.embed.external): the client reads
// the page's title, description and image itself. A card is a nicety: a page that does not answer, is not
// HTML or names no title leaves the post without one, and the post goes out all the same. Every request
// passes the outbound guard like the rest of the provider's.

/** Read of a page: its head is all a card needs. */
const MAX_PAGE_BYTES = 512 * 1024;
/** app.bsky.embed.external: the thumbnail is an image of at most 1,000,000 bytes. */
const MAX_THUMB_BYTES = 1_000_000;
const MAX_TITLE = 300;
const MAX_DESCRIPTION = 1000;

/** The first link among a post's facets. */
export function firstLink(facets: AppBskyRichtextFacet.Main[] | undefined): string | undefined {
  for (const facet of facets ?? []) {
    for (const feature of facet.features) {
      const uri = (feature as { $type?: string; uri?: unknown }).uri;
      if (feature.$type === 'app.bsky.richtext.facet#link' && typeof uri === 'string') return uri;
    }
  }
  return undefined;
}

/**
 * The card of `uri`, its image uploaded as the thumbnail; undefined when the page gives none.
 *
 * @example
 * const embed = await linkCard(http, agent, 'https://bakery.example/menu');
 */
export async function linkCard(
  http: BlueskyHttp,
  agent: AtpAgent,
  uri: string,
): Promise<$Typed<AppBskyEmbedExternal.Main> | undefined> {
  const page = await read(http, uri, {
    limit: MAX_PAGE_BYTES,
    type: /^(text\/html|application\/xhtml\+xml)$/i,
    whole: false,
  });
  if (!page) return undefined;
  const meta = pageMeta(page.bytes.toString('utf8'));
  if (!meta.title) return undefined;
  const external: AppBskyEmbedExternal.External = {
    uri,
    title: meta.title.slice(0, MAX_TITLE),
    description: (meta.description ?? '').slice(0, MAX_DESCRIPTION),
  };
  const imageUrl = meta.image ? resolve(meta.image, page.url) : undefined;
  const image = imageUrl
    ? await read(http, imageUrl, { limit: MAX_THUMB_BYTES, type: /^image\//i, whole: true })
    : undefined;
  if (image) {
    try {
      const uploaded = await agent.com.atproto.repo.uploadBlob(new Uint8Array(image.bytes), {
        encoding: image.contentType,
      });
      external.thumb = uploaded.data.blob;
    } catch {
      // The card goes without its picture; the post itself will say if the PDS is in trouble.
    }
  }
  return { $type: 'app.bsky.embed.external', external };
}

/** What the page's head says about it: Open Graph first, then the plain title and description. */
export function pageMeta(html: string): { title?: string; description?: string; image?: string } {
  const end = html.search(/<\/head>/i);
  const head = end >= 0 ? html.slice(0, end) : html;
  const metas = new Map<string, string>();
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const name = attribute(tag, 'property') ?? attribute(tag, 'name');
    const content = attribute(tag, 'content');
    if (name && content !== undefined && !metas.has(name.toLowerCase()))
      metas.set(name.toLowerCase(), content);
  }
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(head)?.[1];
  const pick = (...values: Array<string | undefined>) =>
    values.map((value) => (value === undefined ? undefined : clean(value))).find((value) => value);
  return {
    title: pick(metas.get('og:title'), metas.get('twitter:title'), titleTag),
    description: pick(
      metas.get('og:description'),
      metas.get('twitter:description'),
      metas.get('description'),
    ),
    image: pick(metas.get('og:image'), metas.get('og:image:url'), metas.get('twitter:image')),
  };
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Entities decoded, tags and runs of white space gone. */
function clean(text: string): string {
  return text
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      const code =
        name.startsWith('#x') || name.startsWith('#X')
          ? Number.parseInt(name.slice(2), 16)
          : name.startsWith('#')
            ? Number.parseInt(name.slice(1), 10)
            : undefined;
      if (code === undefined) return ENTITIES[name.toLowerCase()] ?? entity;
      return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

function resolve(reference: string, base: string): string | undefined {
  try {
    const url = new URL(reference, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/**
 * At most `limit` bytes of a `GET` answered 200 with a matching type; undefined otherwise. `whole`: a
 * body over the limit is no use at all (an image), else it is cut (a page, whose head comes first).
 */
async function read(
  http: BlueskyHttp,
  url: string,
  { limit, type, whole }: { limit: number; type: RegExp; whole: boolean },
): Promise<{ bytes: Buffer; contentType: string; url: string } | undefined> {
  try {
    const response = await http.fetch(url, {
      headers: { accept: 'text/html,application/xhtml+xml,image/*;q=0.8', 'user-agent': 'mcc link preview' },
      signal: AbortSignal.timeout(http.timeoutMs),
    });
    const contentType = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
    if (response.status !== 200 || !type.test(contentType) || !response.body) {
      await response.body?.cancel();
      return undefined;
    }
    if (whole && Number(response.headers.get('content-length')) > limit) {
      await response.body.cancel();
      return undefined;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size > limit) break;
    }
    if (whole && size > limit) return undefined;
    return { bytes: Buffer.concat(chunks).subarray(0, limit), contentType, url };
  } catch {
    return undefined;
  }
}
