import { failureReason } from '#shared/failure-reasons.js';
import { SLACK_WEBHOOK_URL, type SlackCredentials } from '#shared/network.schema.js';
import { OutboundRefusedError } from '../../guarded-fetch.js';
import { publishConsecutively, publishOnly, refusedBeforeSending } from '../consecutive-parts.js';
import { httpFailure, transportFailure } from '../http-failure.js';
import type { ConnectedAccount, NetworkFailure, NetworkProvider, NetworkResult } from '../provider.js';

// A Slack channel through an incoming webhook (api.slack.com/messaging/webhooks): a Slack app with
// Incoming Webhooks turned on, added to one channel, gives a URL that is its only credential. A post is
// `POST {"text"}`; Slack answers plain text: `ok`, or an error code such as `invalid_payload`,
// `channel_is_archived` or `no_service` (the webhook is gone), and 429 with Retry-After. It answers no
// message id and no link, takes no files (uploads need a bot token), and reads nothing back.

export const SLACK = 'Slack';
export const SLACK_HOOKS = 'https://hooks.slack.com';

export interface SlackHttp {
  fetch: typeof fetch;
  timeoutMs: number;
  now: () => Date;
  /** The hooks address (tests: the fake's). */
  baseUrl?: string;
}

/** Codes that mean the webhook no longer exists or may not be used: reconnect with a new one. */
const GONE = new Set(['no_service', 'no_service_id', 'no_team', 'team_disabled', 'invalid_token']);
/** Slack's error codes in words (the code stays in the message, for searching Slack's documentation). */
const MEANINGS: Record<string, string> = {
  no_service: 'the webhook was removed or its app uninstalled',
  no_service_id: 'the webhook URL is incomplete',
  no_team: 'the Slack workspace no longer exists',
  team_disabled: 'the Slack workspace was disabled',
  invalid_token: 'the webhook’s token is no longer valid',
  invalid_payload: 'the message was not in a form Slack takes',
  no_text: 'the message had no text',
  channel_not_found: 'the channel no longer exists',
  channel_is_archived: 'the channel is archived',
  action_prohibited: 'a workspace admin restricted posting there',
  posting_to_general_channel_denied: 'only admins may post in this channel',
  too_many_attachments: 'the message had too many attachments',
  rollup_error: 'Slack failed to take the message',
};

/**
 * @example
 * const slack = createSlackProvider({ fetch: createGuardedFetch(guard), timeoutMs: 10_000, now });
 * await slack.connect({ webhook_url: 'https://hooks.slack.com/services/T…/B…/…', channel_name: 'news' });
 */
export function createSlackProvider(http: SlackHttp): NetworkProvider<SlackCredentials> {
  async function post(secretPath: string, payload: object): Promise<NetworkResult<string>> {
    let response: Response;
    try {
      response = await http.fetch(
        `${(http.baseUrl ?? SLACK_HOOKS).replace(/\/+$/, '')}/services/${secretPath}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(payload),
          signal: AbortSignal.timeout(http.timeoutMs),
        },
      );
    } catch (error) {
      const failure = transportFailure(SLACK, error, error instanceof OutboundRefusedError);
      return {
        ok: false,
        failure: { ...failure, message: failure.message.split(secretPath).join('<webhook>') },
      };
    }
    const text = (await response.text().catch(() => '')).trim().slice(0, 200);
    if (response.ok) return { ok: true, value: text };
    return { ok: false, failure: slackFailure(response.status, response.headers, text, http.now()) };
  }

  return {
    async connect(credentials) {
      const [, team, hook, secret] = SLACK_WEBHOOK_URL.exec(credentials.webhook_url) ?? [];
      if (!team || !hook || !secret) return refusedBeforeSending('This is not a Slack incoming webhook URL');
      const secretPath = `${team}/${hook}/${secret}`;
      // Slack has no way to look at a webhook: an empty message posts nothing, and a live webhook refuses
      // it for having no text (400), while a removed one answers that it is gone.
      const probe = await post(secretPath, {});
      if (!probe.ok && probe.failure.statusCode !== 400) return probe;
      if (!probe.ok && !/no_text|invalid_payload|missing_text/.test(probe.failure.message)) return probe;
      const name = credentials.channel_name.replace(/^#/, '');
      const connected: ConnectedAccount = {
        baseUrl: '',
        accessToken: secretPath,
        refreshToken: null,
        tokenExpiresAt: null,
        remoteAccountId: `${team}/${hook}`,
        displayName: name ? `#${name}` : 'Slack incoming webhook',
        handle: name ? `#${name}` : `webhook ${hook}`,
        avatarUrl: null,
        profileUrl: null,
        scopes: ['incoming-webhook'],
      };
      return { ok: true, value: connected };
    },

    async refresh(session) {
      return { ok: true, value: session };
    },

    async publish(session, publication) {
      return publishConsecutively(publication, async (text, position) => {
        if (position === 0 && (await publication.media()).length > 0) {
          return refusedBeforeSending(
            'Slack incoming webhooks take no files: remove the media from this post, or publish it through a connector',
          );
        }
        const sent = await post(session.accessToken, { text: escapeText(text) });
        if (!sent.ok) return sent;
        // Slack answers `ok` and nothing else: the message's own id stays unknown, so the part is named by
        // what made it unique here (the same on every attempt), and it has no link.
        return { ok: true, value: { remoteId: `${publication.idempotencyKey}#${position}`, url: null } };
      });
    },

    async metrics() {
      return publishOnly(SLACK, 'incoming webhooks report no reactions or views');
    },

    async mentions() {
      return publishOnly(SLACK, 'incoming webhooks receive no messages');
    },

    async reply() {
      return publishOnly(SLACK, 'incoming webhooks answer no messages');
    },
  };
}

/** Slack's plain-text error in the publisher's terms; a gone webhook means reconnecting. */
export function slackFailure(status: number, headers: Headers, code: string, now: Date): NetworkFailure {
  const meaning = MEANINGS[code];
  const reason = code ? (meaning ? `${code} (${meaning})` : code) : null;
  if (GONE.has(code)) {
    return {
      kind: 'auth_expired',
      message: failureReason('webhookRefused', { network: SLACK, status, reason: reason ?? code }),
      statusCode: status,
      retryAt: null,
    };
  }
  return httpFailure(SLACK, status, headers, reason, now);
}

/** Slack's text format reads `&`, `<` and `>` as markup: they are sent escaped, as its docs ask. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
