import { find as findLinkTokens } from 'linkifyjs';
import { extractUrls } from '#shared/channel-text.js';

// Links in an output that nobody gave the writer: not the business's website, a product page, a knowledge
// entry or the brief. A model can invent them, and a customer's message can plant one (phishing) for a
// reply to repeat. linkifyjs finds links without a scheme too ("paypa1-login.com/verify"), which a plain
// http(s) pattern misses.

/** A link found in a text. */
export interface FoundLink {
  /** As written. */
  text: string;
  /** Its host in lower case, without "www.". */
  host: string;
  index: number;
}

function hostOf(href: string): string | null {
  try {
    return new URL(href).hostname.toLowerCase().replace(/^www\./u, '');
  } catch {
    return null;
  }
}

/**
 * The web links in `text` (e-mail addresses are not links here), in order.
 * @example findLinks('See shop.example/x or https://a.io').map((l) => l.host) // ['shop.example', 'a.io']
 */
export function findLinks(text: string): FoundLink[] {
  const links: FoundLink[] = [];
  const add = (value: string, href: string, index: number) => {
    const host = hostOf(href);
    const overlaps = links.some(
      (link) => index < link.index + link.text.length && link.index < index + value.length,
    );
    if (host && !overlaps) links.push({ text: value, host, index });
  };
  for (const token of findLinkTokens(text, 'url')) add(token.value, token.href, token.start);
  // linkifyjs knows only registered top-level domains; links with a scheme or "www." count whatever theirs.
  let from = 0;
  for (const url of extractUrls(text)) {
    const index = text.indexOf(url, from);
    from = index + url.length;
    add(url, /^https?:/iu.test(url) ? url : `http://${url}`, index);
  }
  return links.sort((a, b) => a.index - b.index);
}

/**
 * The hosts a writer may link to: those of every link in `sources` (the profile's website and product
 * pages, knowledge entries, the brief).
 */
export function knownHosts(sources: ReadonlyArray<string | null | undefined>): Set<string> {
  const hosts = new Set<string>();
  for (const source of sources) {
    if (!source) continue;
    for (const link of findLinks(source)) hosts.add(link.host);
  }
  return hosts;
}

/** Whether `host` is a known host or a subdomain of one ("shop.rye.example" under "rye.example"). */
function isKnown(host: string, known: ReadonlySet<string>): boolean {
  if (known.has(host)) return true;
  for (const allowed of known) if (host.endsWith(`.${allowed}`)) return true;
  return false;
}

/**
 * The links in `text` whose host is neither known nor under a known host.
 * @example foreignLinks('Go to evil.example/login', new Set(['rye.example'])) // [{ text: 'evil.example/login', … }]
 */
export function foreignLinks(text: string, known: ReadonlySet<string>): FoundLink[] {
  return findLinks(text).filter((link) => !isKnown(link.host, known));
}
