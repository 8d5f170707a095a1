import type { TelegramCredentials } from '#shared/network.schema.js';
import { publishConsecutively, publishOnly, refusedBeforeSending as refused } from '../consecutive-parts.js';
import type {
  ConnectedAccount,
  NetworkMedia,
  NetworkProvider,
  NetworkResult,
  NetworkSession,
  PublishedPart,
} from '../provider.js';
import { wholeFile } from '../provider.js';
import { TELEGRAM, type TelegramHttp, telegramCall } from './telegram-api.js';

// A Telegram channel through a bot the person made with @BotFather and added to the channel as an
// administrator allowed to post. Posts are plain-text messages (no parse mode: nothing in a post is taken
// for markup); a thread's parts follow as consecutive messages; images and videos go up with the first
// part (sendPhoto/sendVideo for one, sendMediaGroup for an album, the text as its caption). The Bot API
// cannot read a channel's views or comments, so nothing is read back (PUBLISH_ONLY_NETWORKS).

/** Bot API caption limit (sendPhoto, sendMediaGroup): 0–1,024 characters after entities parsing. */
const CAPTION_LIMIT = 1024;
/** Bot API uploads: photos up to 10 MB (other files 50 MB). */
const MAX_PHOTO_BYTES = 10_000_000;
/** sendMediaGroup: 2 to 10 items. */
const MAX_ALBUM = 10;

interface User {
  id: number;
  is_bot: boolean;
  first_name: string;
  username?: string;
}
interface Chat {
  id: number;
  type: string;
  title?: string;
  username?: string;
}
interface ChatMember {
  status: string;
  can_post_messages?: boolean;
}
interface Message {
  message_id: number;
  chat: Chat;
}

/**
 * @example
 * const telegram = createTelegramProvider({ fetch: createGuardedFetch(guard), timeoutMs: 10_000, now });
 * await telegram.connect({ bot_token: '123456:AAH…', channel: '@bakerynews' });
 */
export function createTelegramProvider(http: TelegramHttp): NetworkProvider<TelegramCredentials> {
  const call = <T>(token: string, method: string, body?: object | FormData) =>
    telegramCall<T>(http, token, method, body);

  /** Sends the first part with its media; answers the first message of an album. */
  async function sendWithMedia(
    session: NetworkSession,
    text: string,
    media: NetworkMedia[],
  ): Promise<NetworkResult<Message>> {
    if ([...text].length > CAPTION_LIMIT) {
      return refused(
        `Telegram captions hold ${CAPTION_LIMIT} characters and this post has ${[...text].length}: shorten it or remove its media`,
      );
    }
    if (media.length > MAX_ALBUM)
      return refused(`Telegram albums hold at most ${MAX_ALBUM} photos and videos`);
    const form = new FormData();
    form.set('chat_id', session.remoteAccountId);
    const typeOf = (file: NetworkMedia) => (file.kind === 'video' ? 'video' : 'photo');
    const attach = async (file: NetworkMedia, name: string) =>
      form.set(
        name,
        new Blob([new Uint8Array(await wholeFile(file))], { type: file.mimeType }),
        file.fileName,
      );
    const [only] = media;
    if (media.length === 1 && only) {
      await attach(only, typeOf(only));
      if (text) form.set('caption', text);
      return call<Message>(session.accessToken, only.kind === 'video' ? 'sendVideo' : 'sendPhoto', form);
    }
    form.set(
      'media',
      JSON.stringify(
        media.map((file, index) => ({
          type: typeOf(file),
          media: `attach://file${index}`,
          ...(index === 0 && text ? { caption: text } : {}),
        })),
      ),
    );
    for (const [index, file] of media.entries()) await attach(file, `file${index}`);
    const sent = await call<Message[]>(session.accessToken, 'sendMediaGroup', form);
    if (!sent.ok) return sent;
    const first = sent.value[0];
    return first ? { ok: true, value: first } : refused('Telegram sent the album but named no message');
  }

  return {
    async connect(credentials) {
      const token = credentials.bot_token;
      const me = await call<User>(token, 'getMe');
      if (!me.ok) return me;
      const chat = await call<Chat>(token, 'getChat', { chat_id: credentials.channel });
      if (!chat.ok) return chat;
      if (chat.value.type !== 'channel') {
        return refused(`${credentials.channel} is a ${chat.value.type} chat, not a channel`);
      }
      // A bot that may not post would fail at the first scheduled item: say so now, with the fix.
      const member = await call<ChatMember>(token, 'getChatMember', {
        chat_id: chat.value.id,
        user_id: me.value.id,
      });
      if (!member.ok) return member;
      if (
        member.value.status !== 'creator' &&
        !(member.value.status === 'administrator' && member.value.can_post_messages)
      ) {
        return refused(
          `@${me.value.username ?? me.value.first_name} is not an administrator of ${credentials.channel} allowed to post messages: add it under the channel’s Administrators`,
        );
      }
      const username = chat.value.username;
      const connected: ConnectedAccount = {
        baseUrl: '',
        accessToken: token,
        refreshToken: null,
        // Bot tokens do not expire; they work until revoked in @BotFather.
        tokenExpiresAt: null,
        remoteAccountId: String(chat.value.id),
        displayName: chat.value.title ?? username ?? String(chat.value.id),
        handle: username ? `@${username}` : String(chat.value.id),
        // The channel's photo is reachable only through a URL holding the bot token: not shown.
        avatarUrl: null,
        profileUrl: username ? `https://t.me/${username}` : null,
        scopes: [],
      };
      return { ok: true, value: connected };
    },

    async refresh(session) {
      return { ok: true, value: session };
    },

    async publish(session, publication) {
      return publishConsecutively(publication, async (text, position) => {
        const media = position === 0 ? await publication.media({ maxImageBytes: MAX_PHOTO_BYTES }) : [];
        const sent =
          media.length > 0
            ? await sendWithMedia(session, text, media)
            : await call<Message>(session.accessToken, 'sendMessage', {
                chat_id: session.remoteAccountId,
                text,
              });
        if (!sent.ok) return sent;
        const remoteId = String(sent.value.message_id);
        const part: Omit<PublishedPart, 'position'> = {
          remoteId,
          url: messageUrl(session, remoteId),
        };
        return { ok: true, value: part };
      });
    },

    async metrics() {
      return publishOnly(TELEGRAM, 'bots cannot read a channel’s views');
    },

    async mentions() {
      return publishOnly(TELEGRAM, 'bots cannot read a channel’s comments');
    },

    async reply() {
      return publishOnly(TELEGRAM, 'bots answer no comments');
    },
  };
}

/** `t.me/<channel>/<id>` for a public channel; `t.me/c/<id>/<id>` (members only) for a private one. */
export function messageUrl(
  session: Pick<NetworkSession, 'handle' | 'remoteAccountId'>,
  messageId: string,
): string {
  if (session.handle.startsWith('@')) return `https://t.me/${session.handle.slice(1)}/${messageId}`;
  return `https://t.me/c/${session.remoteAccountId.replace(/^-100/, '')}/${messageId}`;
}
