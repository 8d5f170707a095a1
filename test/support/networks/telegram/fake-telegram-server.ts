import type { ServerResponse } from 'node:http';
import { type FakeHttp, type Injection, type ReadBody, startFakeHttp, takeInjection } from '../fake-http.js';
import { type FixedWindowLimiter, secondsUntil } from '../rate-limit.js';

// The Telegram Bot API as core.telegram.org/bots/api documents it: `/bot<token>/<method>` with JSON or
// multipart parameters, every answer `{ok: true, result}` or `{ok: false, error_code, description}` in
// Telegram's wording (401 Unauthorized for a revoked token, 400 Bad Request: …, 403 Forbidden: …, 429 Too
// Many Requests with `parameters.retry_after`). Bots, channels and their administrators are set up by the
// test; the channel's messages are kept to look at.

export interface FakeBot {
  id: number;
  username: string;
  token: string;
}

export interface FakeChannel {
  id: number;
  title: string;
  username: string | null;
  /** Bot ids that are administrators, and whether each may post. */
  admins: Map<number, { canPost: boolean }>;
}

export interface FakeTelegramMessage {
  message_id: number;
  chatId: number;
  botId: number;
  text: string | null;
  caption: string | null;
  /** The files that came with it: `photo` or `video`, as uploaded. */
  files: Array<{ type: 'photo' | 'video'; name: string; mimeType: string; size: number }>;
  media_group_id: string | null;
}

/** Bot API limits the fake enforces, with Telegram's answers. */
const TEXT_LIMIT = 4096;
const CAPTION_LIMIT = 1024;

export class FakeTelegramServer {
  readonly messages: FakeTelegramMessage[] = [];
  /** Each call: the method and the bot token's id part (never the whole token). */
  readonly calls: Array<{ method: string; botId: number | null }> = [];
  private readonly bots = new Map<string, FakeBot>();
  private readonly channels = new Map<number, FakeChannel>();
  private readonly injections: Injection[] = [];
  private nextMessageId = 100;
  private nextId = 7_000_000_000;
  /**
   * Per-chat limit on sent messages (Telegram: about 20 a minute in one group or channel; past it, 429
   * `Too Many Requests: retry after N` with `parameters.retry_after`, no header).
   */
  limiter: FixedWindowLimiter | undefined;

  private constructor(private readonly http: FakeHttp) {}

  get url(): string {
    return this.http.url;
  }

  static async start(): Promise<FakeTelegramServer> {
    let fake: FakeTelegramServer | undefined;
    const http = await startFakeHttp((request, response, body) =>
      fake?.handle(request.url ?? '/', response, body),
    );
    fake = new FakeTelegramServer(http);
    return fake;
  }

  close(): Promise<void> {
    return this.http.close();
  }

  /** A bot as @BotFather makes it. */
  addBot(username: string): FakeBot {
    this.nextId += 1;
    const bot = {
      id: this.nextId,
      username,
      token: `${this.nextId}:AAH${'x'.repeat(20)}${username.padEnd(12, 'z')}`,
    };
    this.bots.set(bot.token, bot);
    return bot;
  }

  /** A channel; `username` null for a private one. */
  addChannel(title: string, username: string | null): FakeChannel {
    this.nextId += 1;
    const channel: FakeChannel = { id: Number(`-100${this.nextId}`), title, username, admins: new Map() };
    this.channels.set(channel.id, channel);
    return channel;
  }

  /** Make the bot an administrator of the channel (allowed to post unless said otherwise). */
  promote(channel: FakeChannel, bot: FakeBot, canPost = true): void {
    channel.admins.set(bot.id, { canPost });
  }

  /** @BotFather → Revoke current token: every call with it answers 401 from now on. */
  revoke(bot: FakeBot): void {
    this.bots.delete(bot.token);
  }

  /** Answer the next call of `method` with a failure (`{ok: false, …}` in Telegram's form). */
  inject(
    method: string,
    failure: { status: number; description: string; retryAfter?: number; afterHandling?: boolean },
  ): void {
    this.injections.push({
      path: `/${method}`,
      status: failure.status,
      body: {
        ok: false,
        error_code: failure.status,
        description: failure.description,
        ...(failure.retryAfter === undefined ? {} : { parameters: { retry_after: failure.retryAfter } }),
      },
      ...(failure.afterHandling ? { afterHandling: true } : {}),
    });
  }

  /** A flood limit as Telegram answers it. */
  rateLimit(method: string, seconds: number): void {
    this.inject(method, {
      status: 429,
      description: `Too Many Requests: retry after ${seconds}`,
      retryAfter: seconds,
    });
  }

  messagesIn(channel: FakeChannel): FakeTelegramMessage[] {
    return this.messages.filter((message) => message.chatId === channel.id);
  }

  private async handle(rawUrl: string, response: ServerResponse, body: ReadBody) {
    const path = new URL(rawUrl, this.url).pathname;
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(path);
    const answer = (status: number, payload: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(payload));
    };
    const fail = (status: number, description: string) =>
      answer(status, { ok: false, error_code: status, description });
    if (!match) return fail(404, 'Not Found');
    const [, token = '', method = ''] = match;
    const bot = this.bots.get(token);
    this.calls.push({ method, botId: bot?.id ?? null });
    const injection = takeInjection(this.injections, path);
    if (injection && !injection.afterHandling) return answer(injection.status, injection.body);
    if (!bot) return fail(401, 'Unauthorized');
    const params = paramsOf(body);
    const verdict = method.startsWith('send') ? this.limiter?.take(String(params.chat_id)) : undefined;
    if (verdict && !verdict.ok) {
      const seconds = secondsUntil(verdict);
      return answer(429, {
        ok: false,
        error_code: 429,
        description: `Too Many Requests: retry after ${seconds}`,
        parameters: { retry_after: seconds },
      });
    }
    const result = await this.call(bot, method, params, body.form);
    if (injection) return answer(injection.status, injection.body);
    if ('error' in result) return fail(result.error[0], result.error[1]);
    answer(200, { ok: true, result: result.ok });
  }

  private async call(
    bot: FakeBot,
    method: string,
    params: Record<string, unknown>,
    form: FormData | null,
  ): Promise<{ ok: unknown } | { error: [number, string] }> {
    if (method === 'getMe') {
      return { ok: { id: bot.id, is_bot: true, first_name: bot.username, username: bot.username } };
    }
    const channel = this.channelOf(params.chat_id);
    if (!channel) return { error: [400, 'Bad Request: chat not found'] };
    if (method === 'getChat') {
      return {
        ok: {
          id: channel.id,
          type: 'channel',
          title: channel.title,
          ...(channel.username ? { username: channel.username } : {}),
        },
      };
    }
    if (method === 'getChatMember') {
      const admin = channel.admins.get(Number(params.user_id));
      const user = { id: Number(params.user_id), is_bot: true, first_name: bot.username };
      return {
        ok: admin
          ? { status: 'administrator', user, can_post_messages: admin.canPost }
          : { status: 'left', user },
      };
    }
    const admin = channel.admins.get(bot.id);
    if (!admin) return { error: [403, 'Forbidden: bot is not a member of the channel chat'] };
    if (!admin.canPost) return { error: [400, 'Bad Request: need administrator rights in the channel chat'] };
    if (method === 'sendMessage') {
      const text = typeof params.text === 'string' ? params.text : '';
      if (text.trim() === '') return { error: [400, 'Bad Request: message text is empty'] };
      if ([...text].length > TEXT_LIMIT) return { error: [400, 'Bad Request: message is too long'] };
      return { ok: this.store(channel, bot, { text }) };
    }
    if (method === 'sendPhoto' || method === 'sendVideo') {
      const type = method === 'sendPhoto' ? 'photo' : 'video';
      const file = form?.get(type);
      if (!(file instanceof File)) return { error: [400, `Bad Request: there is no ${type} in the request`] };
      const caption = typeof params.caption === 'string' ? params.caption : null;
      if (caption && [...caption].length > CAPTION_LIMIT) {
        return { error: [400, 'Bad Request: message caption is too long'] };
      }
      return { ok: this.store(channel, bot, { caption, files: [fileOf(type, file)] }) };
    }
    if (method === 'sendMediaGroup') {
      let media: Array<{ type?: string; media?: string; caption?: string }>;
      try {
        media = JSON.parse(String(params.media ?? '')) as typeof media;
      } catch {
        return { error: [400, "Bad Request: can't parse media JSON object"] };
      }
      if (!Array.isArray(media) || media.length < 2 || media.length > 10) {
        return { error: [400, 'Bad Request: wrong number of media specified'] };
      }
      const groupId = String(this.nextMessageId * 31);
      const sent = [];
      for (const [index, item] of media.entries()) {
        const name = item.media?.replace(/^attach:\/\//, '') ?? '';
        const file = form?.get(name);
        if (!(file instanceof File) || (item.type !== 'photo' && item.type !== 'video')) {
          return { error: [400, `Bad Request: wrong file identifier/HTTP URL specified`] };
        }
        if (item.caption && [...item.caption].length > CAPTION_LIMIT) {
          return { error: [400, 'Bad Request: message caption is too long'] };
        }
        sent.push({ index, caption: item.caption ?? null, file: fileOf(item.type, file) });
      }
      return {
        ok: sent.map((item) =>
          this.store(channel, bot, { caption: item.caption, files: [item.file], media_group_id: groupId }),
        ),
      };
    }
    return { error: [404, 'Not Found'] };
  }

  private channelOf(chatId: unknown): FakeChannel | undefined {
    const id = String(chatId ?? '');
    if (id.startsWith('@')) {
      return [...this.channels.values()].find((channel) => channel.username === id.slice(1));
    }
    return this.channels.get(Number(id));
  }

  private store(
    channel: FakeChannel,
    bot: FakeBot,
    content: Partial<Pick<FakeTelegramMessage, 'text' | 'caption' | 'files' | 'media_group_id'>>,
  ) {
    this.nextMessageId += 1;
    const message: FakeTelegramMessage = {
      message_id: this.nextMessageId,
      chatId: channel.id,
      botId: bot.id,
      text: content.text ?? null,
      caption: content.caption ?? null,
      files: content.files ?? [],
      media_group_id: content.media_group_id ?? null,
    };
    this.messages.push(message);
    return {
      message_id: message.message_id,
      date: Math.floor(Date.now() / 1000),
      chat: {
        id: channel.id,
        type: 'channel',
        title: channel.title,
        ...(channel.username ? { username: channel.username } : {}),
      },
      ...(message.text === null ? {} : { text: message.text }),
      ...(message.caption === null ? {} : { caption: message.caption }),
      ...(message.media_group_id ? { media_group_id: message.media_group_id } : {}),
    };
  }
}

/** JSON parameters, or a multipart form's text fields (the Bot API takes both). */
function paramsOf(body: ReadBody): Record<string, unknown> {
  if (body.json) return body.json;
  const params: Record<string, unknown> = {};
  for (const [key, value] of body.form?.entries() ?? []) if (typeof value === 'string') params[key] = value;
  return params;
}

function fileOf(type: 'photo' | 'video', file: File) {
  return { type, name: file.name, mimeType: file.type, size: file.size };
}
