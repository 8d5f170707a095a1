import type { ServerResponse } from 'node:http';
import { type FakeHttp, type Injection, type ReadBody, startFakeHttp, takeInjection } from '../fake-http.js';
import { type FixedWindowLimiter, secondsUntil } from '../rate-limit.js';

// Slack's incoming webhooks as api.slack.com/messaging/webhooks documents them: `POST /services/T…/B…/…`
// with a JSON message (`text`, or `blocks`/`attachments`), answered in plain text: `ok`, or an error code
// with its status (400 invalid_payload / no_text, 403 action_prohibited, 404 no_service or
// channel_not_found, 410 channel_is_archived, 429 with Retry-After, 500 rollup_error).

export interface FakeSlackWebhook {
  team: string;
  hook: string;
  secret: string;
  channel: string;
  archived: boolean;
  /** What Copy gives in the app's Incoming Webhooks page. */
  url: string;
}

export interface FakeSlackMessage {
  hook: string;
  channel: string;
  text: string | null;
  blocks: unknown;
}

export class FakeSlackServer {
  readonly messages: FakeSlackMessage[] = [];
  /** Every POST, as received (the probe at connect included). */
  readonly received: Array<Record<string, unknown> | null> = [];
  private readonly webhooks = new Map<string, FakeSlackWebhook>();
  private readonly injections: Injection[] = [];
  private next = 1000;
  /**
   * Per-webhook limit (Slack: about one message a second per incoming webhook, short bursts allowed; past
   * it, 429 with Retry-After in seconds).
   */
  limiter: FixedWindowLimiter | undefined;

  private constructor(private readonly http: FakeHttp) {}

  get url(): string {
    return this.http.url;
  }

  static async start(): Promise<FakeSlackServer> {
    let fake: FakeSlackServer | undefined;
    const http = await startFakeHttp((request, response, body) =>
      fake?.handle(request.method ?? 'GET', request.url ?? '/', response, body),
    );
    fake = new FakeSlackServer(http);
    return fake;
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /** An app with Incoming Webhooks on, added to `channel`. */
  addWebhook(channel: string): FakeSlackWebhook {
    this.next += 1;
    const team = `T0${this.next}AB`;
    const hook = `B0${this.next}CD`;
    const secret = `abcdefghijkl${this.next}mnopqrstu`.slice(0, 24);
    const webhook = {
      team,
      hook,
      secret,
      channel,
      archived: false,
      url: `https://hooks.slack.com/services/${team}/${hook}/${secret}`,
    };
    this.webhooks.set(`${team}/${hook}/${secret}`, webhook);
    return webhook;
  }

  /** The app was uninstalled (or the webhook removed): answers 404 no_service. */
  remove(webhook: FakeSlackWebhook): void {
    this.webhooks.delete(`${webhook.team}/${webhook.hook}/${webhook.secret}`);
  }

  /** Answer the next POST with a plain-text error, as Slack words it. */
  inject(injection: Omit<Injection, 'path'> & { path?: Injection['path'] }): void {
    this.injections.push({ path: /^\/services\//, ...injection });
  }

  private handle(method: string, rawUrl: string, response: ServerResponse, body: ReadBody) {
    const path = new URL(rawUrl, this.http.url).pathname;
    const answer = (status: number, text: string, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'text/html', ...headers });
      response.end(text);
    };
    const match = /^\/services\/(.+)$/.exec(path);
    if (method !== 'POST' || !match) return answer(404, 'no_service');
    this.received.push(body.json);
    const injection = takeInjection(this.injections, path);
    if (injection && !injection.afterHandling)
      return answer(injection.status, String(injection.body), injection.headers);
    const webhook = this.webhooks.get(match[1] ?? '');
    if (!webhook) return answer(404, 'no_service');
    const verdict = this.limiter?.take(webhook.hook);
    if (verdict && !verdict.ok)
      return answer(429, 'rate_limited', { 'retry-after': String(secondsUntil(verdict)) });
    if (body.malformed || !body.json) return answer(400, 'invalid_payload');
    if (webhook.archived) return answer(410, 'channel_is_archived');
    const text = typeof body.json.text === 'string' ? body.json.text : null;
    const blocks = body.json.blocks ?? null;
    if (!text && !blocks && !body.json.attachments) return answer(400, 'no_text');
    this.messages.push({ hook: webhook.hook, channel: webhook.channel, text, blocks });
    if (injection) return answer(injection.status, String(injection.body), injection.headers);
    answer(200, 'ok');
  }
}
