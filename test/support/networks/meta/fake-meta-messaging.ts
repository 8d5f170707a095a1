import { type FakeInstagramAccount, type FakePage, graphError, graphTime } from './fake-meta-server.js';

// The Messenger Platform's side of the fake Graph API, as Meta's references describe it: the
// Conversations API (`GET /{page-id}/conversations?platform=messenger|instagram`, most recently active
// first, cursor paging, `user_id` to find one person's, nested `messages.limit(N){…}` newest first) and the
// Send API (`POST /{page-id}/messages`, `recipient={"id"}`, `message={"text"}`, Messenger's
// `messaging_type`), both with the Page's token (`me` is the Page). Reading needs the Conversations API's
// permissions; an answer more than 24 hours after the person's last message is refused as Meta refuses it.

const DAY_MS = 24 * 60 * 60 * 1000;
const MESSENGER_TEXT_CHARACTERS = 2000;
const INSTAGRAM_TEXT_BYTES = 1000;
/** What each platform's Conversations API asks of the token (developers.facebook.com/docs/messenger-platform/conversations). */
const READ_SCOPES = {
  messenger: ['pages_messaging', 'pages_manage_metadata', 'pages_read_engagement'],
  instagram: ['instagram_basic', 'instagram_manage_messages', 'pages_manage_metadata'],
} as const;
const SEND_SCOPE = { messenger: 'pages_messaging', instagram: 'instagram_manage_messages' } as const;

export type MessagingPlatform = 'messenger' | 'instagram';

/** A person who writes to a business: a Page-scoped id (Messenger) or an Instagram-scoped id. */
export interface FakeMessagingUser {
  id: string;
  platform: MessagingPlatform;
  /** Messenger shows a name, Instagram a username. */
  name: string | null;
  username: string | null;
}

export interface FakeDirectMessage {
  id: string;
  /** The person's id, or the business's (the Page, or the Instagram account). */
  fromId: string;
  text: string;
  createdAt: number;
}

export interface FakeConversation {
  id: string;
  platform: MessagingPlatform;
  /** The Page (Messenger) or the Instagram account. */
  ownerId: string;
  user: FakeMessagingUser;
  /** Oldest first. */
  messages: FakeDirectMessage[];
}

/** What the messaging fake needs of the server around it. */
export interface MessagingHost {
  nextId(): string;
  now(): Date;
  url: string;
  instagramAccount(id: string): FakeInstagramAccount | undefined;
}

type Answer = { status: number; body: unknown };
interface Grant {
  scopes: string[];
}

export class FakeMetaMessaging {
  readonly conversations: FakeConversation[] = [];

  constructor(private readonly host: MessagingHost) {}

  /** Someone who will write in Messenger (to a Page) or Instagram Direct (to an Instagram account). */
  user(platform: MessagingPlatform, name: string): FakeMessagingUser {
    return {
      id: this.host.nextId(),
      platform,
      name: platform === 'messenger' ? name : null,
      username: platform === 'instagram' ? name : null,
    };
  }

  /** `user` writes to the Page or Instagram account `ownerId`, now (the host's clock). */
  write(ownerId: string, user: FakeMessagingUser, text: string): FakeDirectMessage {
    return this.append(this.conversationWith(ownerId, user), user.id, text);
  }

  /** The business writes to `user` outside mcc (in Meta's own inbox). */
  writeAsBusiness(ownerId: string, user: FakeMessagingUser, text: string): FakeDirectMessage {
    return this.append(this.conversationWith(ownerId, user), ownerId, text);
  }

  /** What the business sent `user`, oldest first. */
  sentTo(ownerId: string, user: FakeMessagingUser): FakeDirectMessage[] {
    const conversation = this.find(ownerId, user.platform, user.id);
    return conversation?.messages.filter((message) => message.fromId === ownerId) ?? [];
  }

  /** `GET /{page-id}/conversations`. */
  list(page: FakePage, grant: Grant, params: Record<string, string>): Answer {
    const platform = platformOf(params.platform);
    if (!platform) {
      return invalid('(#100) Param platform must be one of {MESSENGER, INSTAGRAM}');
    }
    const denied = lacking(grant, READ_SCOPES[platform], platform);
    if (denied) return denied;
    const ownerId = this.ownerOf(page, platform);
    let found = this.conversations
      .filter((conversation) => conversation.platform === platform && conversation.ownerId === ownerId)
      .sort((a, b) => updatedAt(b) - updatedAt(a));
    if (params.user_id) found = found.filter((conversation) => conversation.user.id === params.user_id);
    const limit = Math.min(Number(params.limit ?? 25) || 25, 100);
    const start = params.after ? offsetOf(params.after) : 0;
    if (start === null) return invalid('(#100) The after cursor is not valid');
    const slice = found.slice(start, start + limit);
    const fields = parseFields(params.fields ?? '');
    const data = slice.map((conversation) => this.conversationJson(conversation, page, fields));
    const more = start + limit < found.length;
    const cursors = { before: cursorOf(start), after: cursorOf(start + slice.length) };
    const next = new URL(`${this.host.url}/v21.0/${page.id}/conversations`);
    for (const [name, value] of Object.entries(params))
      if (name !== 'after') next.searchParams.set(name, value);
    next.searchParams.set('after', cursors.after);
    return { status: 200, body: { data, paging: { cursors, ...(more ? { next: next.toString() } : {}) } } };
  }

  /** `POST /{page-id}/messages`. */
  send(page: FakePage, grant: Grant, params: Record<string, string>): Answer {
    const recipient = jsonOf(params.recipient) as { id?: unknown } | null;
    const message = jsonOf(params.message) as { text?: unknown } | null;
    if (!recipient || typeof recipient.id !== 'string') {
      return invalid('(#100) param recipient must be a JSON object with an id');
    }
    if (!message || typeof message.text !== 'string' || !message.text.trim()) {
      return invalid('(#100) param message must be non-empty');
    }
    const conversation = this.conversations.find(
      (candidate) =>
        candidate.user.id === recipient.id && candidate.ownerId === this.ownerOf(page, candidate.platform),
    );
    if (!conversation) {
      return {
        status: 400,
        body: graphError(100, '(#100) No matching user found', { error_subcode: 2018001 }),
      };
    }
    const { platform } = conversation;
    const denied = lacking(grant, [SEND_SCOPE[platform]], platform);
    if (denied) return denied;
    if (platform === 'messenger') {
      if (!['RESPONSE', 'UPDATE', 'MESSAGE_TAG'].includes(params.messaging_type ?? '')) {
        return invalid('(#100) param messaging_type must be one of {RESPONSE, UPDATE, MESSAGE_TAG}');
      }
      if ([...message.text].length > MESSENGER_TEXT_CHARACTERS) {
        return invalid(
          `(#100) Length of param message[text] must be less than or equal to ${MESSENGER_TEXT_CHARACTERS}`,
        );
      }
    } else if (Buffer.byteLength(message.text, 'utf8') > INSTAGRAM_TEXT_BYTES) {
      return invalid(
        `(#100) Length of param message[text] must be less than or equal to ${INSTAGRAM_TEXT_BYTES}`,
      );
    }
    const theirs = conversation.messages.filter((entry) => entry.fromId === conversation.user.id).at(-1);
    if (!theirs || this.host.now().getTime() - theirs.createdAt > DAY_MS) {
      return platform === 'messenger'
        ? {
            status: 400,
            body: graphError(
              10,
              '(#10) This message is sent outside of allowed window. Learn more about the new policy here: https://developers.facebook.com/docs/messenger-platform/policy-overview',
              { error_subcode: 2018278 },
            ),
          }
        : {
            status: 400,
            body: graphError(10, 'This message is sent outside of allowed window.', {
              error_subcode: 2534022,
              type: 'IGApiException',
            }),
          };
    }
    const sent = this.append(conversation, conversation.ownerId, message.text);
    return { status: 200, body: { recipient_id: conversation.user.id, message_id: sent.id } };
  }

  private ownerOf(page: FakePage, platform: MessagingPlatform): string | null {
    return platform === 'messenger' ? page.id : page.instagramId;
  }

  private find(ownerId: string, platform: MessagingPlatform, userId: string) {
    return this.conversations.find(
      (conversation) =>
        conversation.ownerId === ownerId &&
        conversation.platform === platform &&
        conversation.user.id === userId,
    );
  }

  private conversationWith(ownerId: string, user: FakeMessagingUser): FakeConversation {
    const existing = this.find(ownerId, user.platform, user.id);
    if (existing) return existing;
    const number = this.host.nextId();
    const conversation: FakeConversation = {
      // Messenger's thread ids are short; Instagram's are long opaque strings.
      id:
        user.platform === 'messenger'
          ? `t_${number}`
          : Buffer.from(`ig_message_thread:1:IGMessageThread:${ownerId}:${number}${number}`).toString(
              'base64url',
            ),
      platform: user.platform,
      ownerId,
      user,
      messages: [],
    };
    this.conversations.push(conversation);
    return conversation;
  }

  private append(conversation: FakeConversation, fromId: string, text: string): FakeDirectMessage {
    const number = this.host.nextId();
    const message: FakeDirectMessage = {
      // Messenger's message ids start `m_`; Instagram's are long base64 (over a hundred characters).
      id:
        conversation.platform === 'messenger'
          ? `m_${Buffer.from(`mid.${number}`).toString('base64url')}`
          : Buffer.from(
              `ig_message_item:1:IGMessageThread:${conversation.ownerId}:${number}${number}:${number}${number}`,
            ).toString('base64url'),
      fromId,
      text,
      createdAt: this.host.now().getTime(),
    };
    conversation.messages.push(message);
    return message;
  }

  private conversationJson(conversation: FakeConversation, page: FakePage, fields: Fields) {
    const business = this.party(conversation, page, conversation.ownerId);
    const person = this.party(conversation, page, conversation.user.id);
    const messages = fields.messages
      ? [...conversation.messages].reverse().slice(0, fields.messages.limit)
      : [];
    return {
      id: conversation.id,
      ...(fields.names.has('updated_time') ? { updated_time: graphTime(updatedAt(conversation)) } : {}),
      ...(fields.names.has('participants') ? { participants: { data: [person, business] } } : {}),
      ...(fields.messages
        ? {
            messages: {
              data: messages.map((message) =>
                pick(
                  {
                    id: message.id,
                    message: message.text,
                    created_time: graphTime(message.createdAt),
                    from: message.fromId === person.id ? person : business,
                    to: { data: [message.fromId === person.id ? business : person] },
                  },
                  fields.messages?.fields ?? new Set(['id', 'created_time']),
                ),
              ),
              paging: { cursors: { before: cursorOf(0), after: cursorOf(messages.length) } },
            },
          }
        : {}),
    };
  }

  /** A participant as the API shows one: Messenger with name and email, Instagram with username. */
  private party(conversation: FakeConversation, page: FakePage, id: string) {
    if (conversation.platform === 'instagram') {
      const own = id === conversation.ownerId ? this.host.instagramAccount(id) : undefined;
      return { username: own?.username ?? conversation.user.username ?? '', id };
    }
    if (id === page.id) return { name: page.name, email: `${page.id}@facebook.com`, id };
    return { name: conversation.user.name ?? '', email: `${id}@facebook.com`, id };
  }
}

interface Fields {
  names: Set<string>;
  messages: { limit: number; fields: Set<string> } | null;
}

/** `updated_time,messages.limit(20){id,message,from}` → the top-level names and the messages' limit and fields. */
function parseFields(raw: string): Fields {
  const names = new Set<string>();
  let messages: Fields['messages'] = null;
  const pattern = /([a-z_]+)((?:\.[a-z_]+\([^)]*\))*)(?:\{([^}]*)\})?/g;
  for (const match of raw.matchAll(pattern)) {
    const [, name = '', modifiers = '', nested] = match;
    names.add(name);
    if (name === 'messages') {
      const limit = /\.limit\((\d+)\)/.exec(modifiers);
      messages = {
        limit: limit ? Number(limit[1]) : 25,
        fields: new Set((nested ?? 'id,created_time').split(',').map((field) => field.trim())),
      };
    }
  }
  return { names, messages };
}

function pick(record: Record<string, unknown>, fields: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name === 'id' || fields.has(name)));
}

function updatedAt(conversation: FakeConversation): number {
  return conversation.messages.at(-1)?.createdAt ?? 0;
}

function platformOf(raw: string | undefined): MessagingPlatform | null {
  // Without the parameter the Conversations API answers Messenger's.
  const value = (raw ?? 'messenger').toLowerCase();
  return value === 'messenger' || value === 'instagram' ? value : null;
}

function lacking(grant: Grant, scopes: readonly string[], platform: MessagingPlatform): Answer | null {
  const missing = scopes.find((scope) => !grant.scopes.includes(scope));
  if (!missing) return null;
  return platform === 'messenger'
    ? { status: 403, body: graphError(200, `(#200) Requires ${missing} permission to manage the object`) }
    : { status: 403, body: graphError(10, '(#10) Application does not have permission for this action') };
}

function invalid(message: string): Answer {
  return { status: 400, body: graphError(100, message) };
}

function jsonOf(raw: string | undefined): unknown {
  try {
    return raw ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

function cursorOf(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString('base64url');
}

function offsetOf(cursor: string): number | null {
  const match = /^offset:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) : null;
}
