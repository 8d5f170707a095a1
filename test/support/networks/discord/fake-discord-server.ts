import type { ServerResponse } from 'node:http';
import { type FakeHttp, type Injection, type ReadBody, startFakeHttp, takeInjection } from '../fake-http.js';
import { FixedWindowLimiter } from '../rate-limit.js';

// Discord's webhook endpoints as discord.com/developers/docs/resources/webhook documents them, under
// `/api/v10`: Get Webhook with Token, Execute Webhook (JSON, or multipart with `payload_json` and
// `files[n]`; `?wait=true` answers the message, else 204; `?thread_id=`), a per-webhook bucket reported
// in `X-RateLimit-*` headers (a message past it answers 429), and errors `{"message", "code"}` in Discord's wording: 404 Unknown Webhook (10015), 401 Invalid
// Webhook Token (50027), 400 Invalid Form Body (50035) with its `errors` tree, 429 with `retry_after`.

export interface FakeWebhook {
  id: string;
  token: string;
  name: string;
  avatar: string | null;
  guildId: string;
  channelId: string;
  /** Threads of the channel a message may go to. */
  threads: Set<string>;
}

export interface FakeDiscordMessage {
  id: string;
  webhookId: string;
  channelId: string;
  content: string;
  allowedMentions: unknown;
  attachments: Array<{ filename: string; description: string | null; size: number }>;
}

const CONTENT_LIMIT = 2000;
const MAX_FILES = 10;

export class FakeDiscordServer {
  readonly messages: FakeDiscordMessage[] = [];
  private readonly webhooks = new Map<string, FakeWebhook>();
  private readonly injections: Injection[] = [];
  private nextId = 1_200_000_000_000_000_000n;
  /** The fake's clock for rate-limit windows; tests that pace requests move it themselves. */
  now: () => number = () => Date.now();
  /** The bucket's window (Discord does not publish it; a couple of seconds is what webhooks see). */
  bucketWindowMs = 2_000;
  /** Messages the bucket takes per window. */
  bucketLimit = 5;
  /** Messages sent past an exhausted bucket (each answered 429): a well-behaved client makes none. */
  overLimit = 0;
  /** The buckets, one per webhook; its rule follows `bucketLimit` and `bucketWindowMs` as tests change them. */
  readonly bucket: FixedWindowLimiter;

  private constructor(private readonly http: FakeHttp) {
    const fake = this;
    this.bucket = new FixedWindowLimiter(
      {
        get limit() {
          return fake.bucketLimit;
        },
        get windowMs() {
          return fake.bucketWindowMs;
        },
      },
      () => this.now(),
    );
  }

  /** The API's address, as the provider's base URL takes it. */
  get apiUrl(): string {
    return `${this.http.url}/api/v10`;
  }

  static async start(): Promise<FakeDiscordServer> {
    let fake: FakeDiscordServer | undefined;
    const http = await startFakeHttp((request, response, body) =>
      fake?.handle(request.method ?? 'GET', request.url ?? '/', response, body),
    );
    fake = new FakeDiscordServer(http);
    return fake;
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /** Server Settings → Integrations → Webhooks → New Webhook; `url` is what Copy Webhook URL gives. */
  addWebhook(name: string, avatar: string | null = 'a1b2c3'): FakeWebhook & { url: string } {
    const webhook: FakeWebhook = {
      id: this.id(),
      token: `tok-${this.id()}-abcdefghijklmnopqrstuvwxyz`,
      name,
      avatar,
      guildId: this.id(),
      channelId: this.id(),
      threads: new Set(),
    };
    this.webhooks.set(webhook.id, webhook);
    return { ...webhook, url: `https://discord.com/api/webhooks/${webhook.id}/${webhook.token}` };
  }

  addThread(webhook: FakeWebhook): string {
    const thread = this.id();
    this.webhooks.get(webhook.id)?.threads.add(thread);
    return thread;
  }

  /** Someone deleted the webhook: calls answer 404 Unknown Webhook. */
  deleteWebhook(webhook: FakeWebhook): void {
    this.webhooks.delete(webhook.id);
  }

  /** Answer the next request to a path ending in `path` with a failure (in Discord's JSON form). */
  inject(injection: Injection): void {
    this.injections.push(injection);
  }

  /** A 429 as Discord sends it: JSON `retry_after` and the bucket's reset headers. */
  rateLimit(retryAfterSeconds: number): void {
    this.inject({
      path: /\/webhooks\//,
      status: 429,
      body: { message: 'You are being rate limited.', retry_after: retryAfterSeconds, global: false },
      headers: {
        'retry-after': String(Math.ceil(retryAfterSeconds)),
        'x-ratelimit-limit': String(this.bucketLimit),
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': ((Date.now() + retryAfterSeconds * 1000) / 1000).toFixed(3),
        'x-ratelimit-reset-after': retryAfterSeconds.toFixed(3),
        'x-ratelimit-bucket': 'fakebucket',
        'x-ratelimit-scope': 'shared',
      },
    });
  }

  private id(): string {
    this.nextId += 1n;
    return String(this.nextId);
  }

  private handle(method: string, rawUrl: string, response: ServerResponse, body: ReadBody) {
    const url = new URL(rawUrl, this.http.url);
    const answer = (status: number, payload: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, {
        'x-ratelimit-limit': String(this.bucketLimit),
        'x-ratelimit-remaining': String(this.bucketLimit - 1),
        'x-ratelimit-reset-after': '2.000',
        'x-ratelimit-bucket': 'fakebucket',
        ...(payload === null ? {} : { 'content-type': 'application/json' }),
        ...headers,
      });
      response.end(payload === null ? undefined : JSON.stringify(payload));
    };
    const match = /^\/api\/v10\/webhooks\/(\d+)\/([^/]+)$/.exec(url.pathname);
    if (!match) return answer(404, { message: '404: Not Found', code: 0 });
    const injection = takeInjection(this.injections, url.pathname);
    if (injection && !injection.afterHandling)
      return answer(injection.status, injection.body, injection.headers);
    const webhook = this.webhooks.get(match[1] ?? '');
    if (!webhook) return answer(404, { message: 'Unknown Webhook', code: 10015 });
    if (webhook.token !== match[2]) return answer(401, { message: 'Invalid Webhook Token', code: 50027 });
    if (method === 'GET') {
      return answer(200, {
        type: 1,
        id: webhook.id,
        name: webhook.name,
        avatar: webhook.avatar,
        channel_id: webhook.channelId,
        guild_id: webhook.guildId,
        application_id: null,
        token: webhook.token,
      });
    }
    if (method !== 'POST') return answer(405, { message: '405: Method Not Allowed', code: 0 });
    const bucket = this.take(webhook);
    if (!bucket.ok) {
      this.overLimit += 1;
      return answer(
        429,
        { message: 'You are being rate limited.', retry_after: bucket.resetAfter, global: false },
        { ...bucket.headers, 'retry-after': String(Math.ceil(bucket.resetAfter)) },
      );
    }
    const result = this.execute(webhook, url, body);
    if (injection) return answer(injection.status, injection.body, injection.headers);
    if ('error' in result) return answer(400, result.error, bucket.headers);
    if (url.searchParams.get('wait') !== 'true') return answer(204, null, bucket.headers);
    answer(200, result.message, bucket.headers);
  }

  /** One request out of the webhook's bucket, with the headers Discord reports it in. */
  private take(webhook: FakeWebhook): { ok: boolean; resetAfter: number; headers: Record<string, string> } {
    const verdict = this.bucket.take(webhook.id);
    const resetAfter = verdict.resetAfterMs / 1000;
    return {
      ok: verdict.ok,
      resetAfter,
      headers: {
        'x-ratelimit-limit': String(verdict.limit),
        'x-ratelimit-remaining': String(verdict.remaining),
        'x-ratelimit-reset': (verdict.resetAtMs / 1000).toFixed(3),
        'x-ratelimit-reset-after': resetAfter.toFixed(3),
      },
    };
  }

  private execute(webhook: FakeWebhook, url: URL, body: ReadBody): { message: unknown } | { error: unknown } {
    let payload: Record<string, unknown> | null = body.json;
    const files: File[] = [];
    if (body.form) {
      const json = body.form.get('payload_json');
      payload = typeof json === 'string' ? (JSON.parse(json) as Record<string, unknown>) : {};
      for (const [key, value] of body.form.entries()) {
        if (/^files\[\d+\]$/.test(key) && value instanceof File) files.push(value);
      }
    }
    if (body.malformed || !payload) return { error: { message: '400: Bad Request', code: 50109 } };
    const content = typeof payload.content === 'string' ? payload.content : '';
    if ([...content].length > CONTENT_LIMIT) {
      return {
        error: {
          message: 'Invalid Form Body',
          code: 50035,
          errors: {
            content: {
              _errors: [
                { code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${CONTENT_LIMIT} or fewer in length.` },
              ],
            },
          },
        },
      };
    }
    if (files.length > MAX_FILES) {
      return {
        error: {
          message: 'Invalid Form Body',
          code: 50035,
          errors: {
            files: {
              _errors: [
                { code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${MAX_FILES} or fewer in length.` },
              ],
            },
          },
        },
      };
    }
    if (content.trim() === '' && files.length === 0) {
      return { error: { message: 'Cannot send an empty message', code: 50006 } };
    }
    const threadId = url.searchParams.get('thread_id');
    if (threadId && !webhook.threads.has(threadId))
      return { error: { message: 'Unknown Channel', code: 10003 } };
    const described = Array.isArray(payload.attachments)
      ? (payload.attachments as Array<{ id?: number; description?: string }>)
      : [];
    const message: FakeDiscordMessage = {
      id: this.id(),
      webhookId: webhook.id,
      channelId: threadId ?? webhook.channelId,
      content,
      allowedMentions: payload.allowed_mentions ?? null,
      attachments: files.map((file, index) => ({
        filename: file.name,
        description: described.find((attachment) => attachment.id === index)?.description ?? null,
        size: file.size,
      })),
    };
    this.messages.push(message);
    return {
      message: {
        id: message.id,
        type: 0,
        channel_id: message.channelId,
        content,
        webhook_id: webhook.id,
        author: { id: webhook.id, username: webhook.name, bot: true },
        attachments: message.attachments.map((attachment, index) => ({ id: String(index), ...attachment })),
        timestamp: new Date().toISOString(),
      },
    };
  }
}
