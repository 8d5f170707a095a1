import { setTimeout as delay } from 'node:timers/promises';
import type { NetworkHttp } from '../json-http.js';
import type { NetworkPublication, NetworkResult, NetworkSession, PublishedPart } from '../provider.js';
import type { GraphCall } from './graph-api.js';

// What the three Meta providers share besides the call itself: their settings, Graph's timestamps, the
// wait for a media container to be ready, and the look for a post an earlier attempt already made.

/** The Graph API version the Facebook and Instagram providers speak (Meta supports each for two years). */
export const FACEBOOK_GRAPH_VERSION = 'v21.0';
/** Threads has a single version so far. */
export const THREADS_GRAPH_VERSION = 'v1.0';

/** What a Meta provider needs besides HTTP. */
export interface MetaProviderDeps extends NetworkHttp {
  /** The API host, without the version (tests point it at the contract fake; so do the OAuth URLs). */
  baseUrl?: string;
  /** Between looks at a media container still processing. */
  mediaPollMs?: number;
  /** Looks before giving up on a container (retryable: Meta is slow, the post is not wrong). */
  mediaPolls?: number;
  /** Test seam for the wait between looks. */
  wait?: (ms: number) => Promise<void>;
}

/**
 * Graph's times (`2031-03-03T10:00:00+0000`, or Unix seconds where a reference shows them so, as the
 * conversations list's `updated_time`) as ISO; null when it is not a time.
 */
export function isoOf(graphTime: string | number | null | undefined): string | null {
  if (graphTime === null || graphTime === undefined || graphTime === '') return null;
  const at = /^\d+$/.test(String(graphTime))
    ? new Date(Number(graphTime) * 1000)
    : new Date(String(graphTime).replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isFinite(at.getTime()) ? at.toISOString() : null;
}

/** Unix seconds, as Graph's `since`/`until` take them. */
export function unixOf(iso: string): string {
  return String(Math.floor(Date.parse(iso) / 1000));
}

/** A count Graph reported, or 0. */
export function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** An http(s) address, bounded; null otherwise. */
export function httpUrl(value: string | null | undefined): string | null {
  return value && /^https?:\/\//i.test(value) ? value.slice(0, 2048) : null;
}

/** The same text as a network shows it back (it trims; line endings may change). */
export function sameText(a: string | null | undefined, b: string): boolean {
  const norm = (text: string) => text.replace(/\r\n/g, '\n').trim();
  return typeof a === 'string' && norm(a) === norm(b);
}

/** A container's state as the network reports it: `FINISHED` is ready, `ERROR`/`EXPIRED` never will be. */
export interface ContainerState {
  status: string;
  message: string | null;
}

/**
 * Looks at a media container until it is ready to publish. Instagram and Threads fetch and process the
 * file asynchronously; publishing before `FINISHED` is refused.
 */
export async function untilFinished(
  network: string,
  deps: MetaProviderDeps,
  look: () => Promise<NetworkResult<ContainerState>>,
): Promise<NetworkResult<void>> {
  const wait = deps.wait ?? ((ms: number) => delay(ms));
  const polls = deps.mediaPolls ?? 30;
  for (let attempt = 0; ; attempt += 1) {
    const seen = await look();
    if (!seen.ok) return seen;
    const { status, message } = seen.value;
    if (status === 'FINISHED' || status === 'PUBLISHED') return { ok: true, value: undefined };
    if (status === 'ERROR' || status === 'EXPIRED') {
      return {
        ok: false,
        failure: {
          kind: 'rejected',
          message: `${network} could not use the media (${status})${message ? `: ${message}` : ''}`,
          statusCode: null,
          retryAt: null,
        },
      };
    }
    if (attempt + 1 >= polls) {
      return {
        ok: false,
        failure: {
          kind: 'retryable',
          message: `${network} was still processing the media; it will be tried again`,
          statusCode: null,
          retryAt: null,
        },
      };
    }
    await wait(deps.mediaPollMs ?? 2000);
  }
}

/** A provider's Graph call with its API address and network name already bound. */
export type BoundGraphCall = <T>(
  token: string,
  request: Omit<GraphCall, 'apiUrl' | 'token'>,
) => Promise<NetworkResult<T>>;

/** Where a network makes media containers, and which fields of one tell its state and why it failed. */
export interface ContainerEdge {
  /** The account's edge that makes one (`media` on Instagram, `threads` on Threads). */
  edge: string;
  statusField: string;
  messageField: string;
}

/** Make a container with `fields` on the account and wait until it is ready to publish; its id. */
export async function readyContainer(
  network: string,
  deps: MetaProviderDeps,
  call: BoundGraphCall,
  session: NetworkSession,
  where: ContainerEdge,
  fields: Record<string, string>,
): Promise<NetworkResult<string>> {
  const made = await call<{ id: string }>(session.accessToken, {
    method: 'POST',
    path: `${session.remoteAccountId}/${where.edge}`,
    form: fields,
  });
  if (!made.ok) return made;
  const ready = await untilFinished(network, deps, async () => {
    const seen = await call<Record<string, string | undefined>>(session.accessToken, {
      method: 'GET',
      path: made.value.id,
      query: { fields: `${where.statusField},${where.messageField}` },
    });
    if (!seen.ok) return seen;
    return {
      ok: true,
      value: {
        status: seen.value[where.statusField] ?? 'IN_PROGRESS',
        message: seen.value[where.messageField] ?? null,
      },
    };
  });
  return ready.ok ? { ok: true, value: made.value.id } : ready;
}

/** The first web address in a text (what a Page post's link preview is made of). */
export function firstLink(text: string): string | null {
  const match = /https?:\/\/[^\s<>"]+/i.exec(text);
  return match ? match[0].replace(/[.,;:!?)\]]+$/, '') : null;
}

/** One post or comment as it came out. */
export interface MetaPost {
  remoteId: string;
  url: string | null;
}

/**
 * Publishes every part not yet out, storing each (onPublished) before the next is sent, then the first
 * comment. The first part is a post; each further part answers the part before it (`chained`: Threads'
 * threads) or the first post (a comment, where a network has no threads); the first comment answers the
 * first post. Graph has no idempotency key: `find` looks for a part an attempt made whose answer was lost.
 */
export async function publishInOrder(
  publication: NetworkPublication,
  steps: {
    chained: boolean;
    post: (text: string) => Promise<NetworkResult<MetaPost>>;
    answer: (parent: PublishedPart, text: string) => Promise<NetworkResult<MetaPost>>;
    find?: (text: string, parent: PublishedPart | null) => Promise<NetworkResult<MetaPost | null>>;
  },
): Promise<NetworkResult<PublishedPart[]>> {
  const out = [...publication.published].sort((a, b) => a.position - b.position);
  const done = new Set(out.map((part) => part.position));
  const texts = publication.firstComment
    ? [...publication.parts, publication.firstComment]
    : publication.parts;
  for (const [position, text] of texts.entries()) {
    if (done.has(position)) continue;
    const isComment = position >= publication.parts.length;
    const first = out.find((part) => part.position === 0) ?? null;
    const parent =
      position === 0
        ? null
        : steps.chained && !isComment
          ? (out.findLast((part) => part.position < position) ?? null)
          : first;
    if (position > 0 && !parent) {
      return {
        ok: false,
        failure: {
          kind: 'rejected',
          message: 'The post this answers was never published',
          statusCode: null,
          retryAt: null,
        },
      };
    }
    const found = steps.find ? await steps.find(text, parent) : { ok: true as const, value: null };
    if (!found.ok) return found;
    const made: NetworkResult<MetaPost> = found.value
      ? { ok: true, value: found.value }
      : parent
        ? await steps.answer(parent, text)
        : await steps.post(text);
    if (!made.ok) return made;
    const part: PublishedPart = { position, remoteId: made.value.remoteId, url: made.value.url };
    await publication.onPublished(part);
    out.push(part);
    out.sort((a, b) => a.position - b.position);
  }
  return { ok: true, value: out };
}
