import type { NetworkFailure, NetworkPublication, NetworkResult, PublishedPart } from './provider.js';

// Networks without replies to one's own posts (a Telegram channel, a Discord or Slack channel through a
// webhook) publish a thread as consecutive messages. None of them takes an idempotency key, so what keeps
// a retry from posting twice is the stored remote id of each part: a part an earlier attempt published is
// never sent again, and each one is handed to `onPublished` before the next is sent.

/** How one message of the thread is sent; `position` 0 is the one that carries the media. */
export type SendPart = (
  text: string,
  position: number,
) => Promise<NetworkResult<Omit<PublishedPart, 'position'>>>;

/**
 * Send every part not yet out, in order, then the first comment (as the next message: these networks have
 * no comments on a post).
 *
 * @example
 * const out = await publishConsecutively(publication, (text, position) => send(text, position));
 */
export async function publishConsecutively(
  publication: NetworkPublication,
  send: SendPart,
): Promise<NetworkResult<PublishedPart[]>> {
  const out = [...publication.published];
  const done = new Set(out.map((part) => part.position));
  const texts = publication.firstComment
    ? [...publication.parts, publication.firstComment]
    : publication.parts;
  for (const [position, text] of texts.entries()) {
    if (done.has(position)) continue;
    const sent = await send(text, position);
    if (!sent.ok) return sent;
    const part = { ...sent.value, position };
    await publication.onPublished(part);
    out.push(part);
  }
  return { ok: true, value: out.sort((a, b) => a.position - b.position) };
}

/**
 * The answer of a publish-only network (see PUBLISH_ONLY_NETWORKS) to a reading or a reply: refused,
 * in words that say why, so nothing retries it.
 */
export function publishOnly(network: string, what: string): { ok: false; failure: NetworkFailure } {
  return {
    ok: false,
    failure: {
      kind: 'rejected',
      message: `${network} ${what}: mcc can publish there but read nothing back`,
      statusCode: null,
      retryAt: null,
    },
  };
}

/** A refusal mcc makes itself before any call (the network would refuse it too), in words saying what to change. */
export function refusedBeforeSending(message: string): { ok: false; failure: NetworkFailure } {
  return { ok: false, failure: { kind: 'rejected', message, statusCode: null, retryAt: null } };
}
