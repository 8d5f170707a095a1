import { AppError } from '#server/errors/app-error.js';
import { verifySignatureHeader } from '#server/integrations/signed-delivery.js';
import type { Repositories } from '#server/repositories/index.js';
import { CHANNEL_IDS, type ChannelId } from '#shared/channel-ids.js';
import type { InboundSecret } from '#shared/inbox.schema.js';
import { inboundEventSchema } from '#shared/inbox.schema.js';
import { stripNulCharacters } from '#shared/nul-characters.js';
import type { Principal } from '../access/principal.js';
import type { SecretBox } from '../access/security/secret-box.js';
import { randomToken } from '../access/security/tokens.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import { recordAudit } from '../workspace/audit.service.js';
import {
  announceReceived,
  type InboxAnnounceDeps,
  queueClassification,
  storeInbound,
} from './inbox-ingest.js';

/** Inbound secrets start with this, so a leaked one is easy to recognise (and tell from outbound ones). */
export const INBOUND_SECRET_PREFIX = 'whin_';
/** How far the signature's timestamp may be from our clock. */
export const INBOUND_TOLERANCE_SECONDS = 300;
/** How long accepted event ids are remembered; anything older fails the timestamp window anyway. */
export const INBOUND_EVENT_TTL_MS = 24 * 60 * 60 * 1000;

/** What the inbound webhook answers: accepted (with what it stored) or a duplicate (nothing new). */
export type InboundResult =
  | { status: 'accepted'; conversation_id: string; message_id: string }
  | { status: 'duplicate'; conversation_id: string | null; message_id: string | null };

/** What the inbound webhook is built from. */
export interface InboxInboundDeps extends InboxAnnounceDeps {
  repos: Repositories;
  secretBox: SecretBox;
  now: () => Date;
}

function unauthenticated(): AppError {
  // One answer for every refusal (unknown workspace, no secret, bad or stale signature): a forger
  // learns nothing about which it was.
  return new AppError('unauthenticated', 'The signature is missing, invalid or too old');
}

/**
 * The signed inbound webhook `POST /api/inbound/{workspaceId}/{source}`: verify `X-MCC-Signature`
 * (HMAC-SHA256 of "t.body" with the workspace's inbound secret, five-minute window) over the exact bytes
 * received, ignore an event id seen before, and store the message like any other ingest. Also the secret
 * itself: shown once when issued, rotated by owners and admins.
 */
export class InboxInboundService {
  constructor(private readonly deps: InboxInboundDeps) {}

  async receive(
    workspaceId: string,
    source: string,
    rawBody: string,
    signature: string | undefined,
  ): Promise<InboundResult> {
    const { repos, now } = this.deps;
    const stored = await repos.inboundEvents.findSecret(workspaceId);
    if (!stored || !signature) throw unauthenticated();
    let secret: string;
    try {
      secret = this.deps.secretBox.open(stored.sealed);
    } catch {
      throw unauthenticated();
    }
    const nowDate = now();
    if (
      !verifySignatureHeader(secret, rawBody, signature, nowDate.getTime() / 1000, INBOUND_TOLERANCE_SECONDS)
    ) {
      throw unauthenticated();
    }
    const event = parseEvent(rawBody, source);
    const at = nowDate.toISOString();
    const result = await repos.transaction(async (trx) => {
      if (!(await trx.inboundEvents.remember(workspaceId, event.event_id, source, at))) return undefined;
      const stored = await storeInbound(trx, workspaceId, event.message, nowDate);
      await announceReceived(this.deps.events, trx, workspaceId, [stored]);
      return stored;
    });
    await repos.inboundEvents.forgetBefore(
      workspaceId,
      new Date(nowDate.getTime() - INBOUND_EVENT_TTL_MS).toISOString(),
    );
    if (!result) return { status: 'duplicate', conversation_id: null, message_id: null };
    if (result.duplicate) return { status: 'duplicate', ...ids(result) };
    await queueClassification(this.deps, workspaceId, [result]);
    return { status: 'accepted', ...ids(result) };
  }

  /** Whether the workspace has an inbound secret (never the secret itself) and where to send events. */
  async secretStatus(principal: Principal, businessId: string): Promise<InboundSecret> {
    await requireWorkspaceRole(this.deps.repos, principal, businessId, 'inbox.manage');
    const stored = await this.deps.repos.inboundEvents.findSecret(businessId);
    return view(businessId, null, stored?.rotated_at ?? null);
  }

  /** Issue a secret (the first, or a new one), shown in this answer only; an old one stops working at once. */
  async rotateSecret(principal: Principal, businessId: string): Promise<InboundSecret> {
    const { repos } = this.deps;
    await requireWorkspaceRole(repos, principal, businessId, 'inbox.manage');
    const secret = `${INBOUND_SECRET_PREFIX}${randomToken(32)}`;
    const at = this.deps.now().toISOString();
    await repos.transaction(async (trx) => {
      // The first secret is created, not rotated: the audit log says which.
      const existing = await trx.inboundEvents.findSecret(businessId);
      await trx.inboundEvents.saveSecret(businessId, this.deps.secretBox.seal(secret), at);
      const action = existing ? 'inbox.inbound_secret_rotated' : 'inbox.inbound_secret_created';
      await recordAudit(trx, { businessId, principal, action, at });
    });
    return view(businessId, secret, at);
  }
}

function ids(result: { conversation_id: string; message_id: string }) {
  return { conversation_id: result.conversation_id, message_id: result.message_id };
}

function view(businessId: string, secret: string | null, rotatedAt: string | null): InboundSecret {
  return {
    business_id: businessId,
    secret,
    configured: rotatedAt !== null,
    url_template: `/api/inbound/${businessId}/{source}`,
    rotated_at: rotatedAt,
  };
}

/** The signed body as an event; the URL's `{source}` is the channel when the body names none. */
function parseEvent(rawBody: string, source: string) {
  let json: unknown;
  try {
    // After the signature check: customer text may hold U+0000, which the sender cannot correct and
    // PostgreSQL cannot store, so it is dropped (docs/inbox.md) rather than refused for ever.
    json = stripNulCharacters(JSON.parse(rawBody));
  } catch {
    throw new AppError('malformed_body', 'The body is not valid JSON');
  }
  const parsed = inboundEventSchema.safeParse(json);
  if (!parsed.success) {
    throw new AppError('validation_failed', 'The event does not have the expected fields', {
      errors: parsed.error.issues.map((issue) => ({
        path: ['body', ...issue.path.map(String)].join('.'),
        message: issue.message,
        code: issue.code,
      })),
    });
  }
  const { event_id: eventId, channel, ...rest } = parsed.data;
  const resolved =
    channel ?? ((CHANNEL_IDS as readonly string[]).includes(source) ? (source as ChannelId) : undefined);
  if (!resolved) {
    const message = `Say which channel in the body, or use a channel (${CHANNEL_IDS.join(', ')}) as the source`;
    throw new AppError('validation_failed', message, {
      errors: [{ path: 'body.channel', message, code: 'invalid_value' }],
    });
  }
  return { event_id: eventId, message: { ...rest, channel: resolved } };
}
