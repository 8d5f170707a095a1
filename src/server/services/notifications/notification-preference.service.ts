import { AppError } from '#server/errors/app-error.js';
import type { MailMode } from '#server/integrations/mail/mailer.js';
import type { Repositories } from '#server/repositories/index.js';
import {
  NOTIFICATION_KIND_INFO,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationPreferences,
  type UnsubscribeResult,
  type UpdateNotificationPreferences,
} from '#shared/notifications.schema.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import type { Principal } from '../access/principal.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import type { UnsubscribeClaim, UnsubscribeTokens } from './unsubscribe-tokens.js';

/**
 * Each person's choice, per workspace and kind, of which notifications also come by email (every one
 * shows in the app), and the unsubscribe links that turn one kind off without signing in.
 */
export class NotificationPreferenceService {
  constructor(
    private readonly repos: Repositories,
    private readonly tokens: UnsubscribeTokens,
    private readonly mailMode: MailMode,
    private readonly now: () => Date,
  ) {}

  async get(principal: Principal, businessId: string): Promise<NotificationPreferences> {
    const userId = await this.member(principal, businessId);
    return this.read(businessId, userId);
  }

  /** Change the kinds named in the body; the others keep their choice (or default). */
  async update(
    principal: Principal,
    businessId: string,
    body: UpdateNotificationPreferences,
  ): Promise<NotificationPreferences> {
    const userId = await this.member(principal, businessId);
    const at = this.now().toISOString();
    await this.repos.transaction(async (trx) => {
      for (const kind of NOTIFICATION_KINDS) {
        const email = body.email[kind];
        if (email !== undefined) await trx.notifications.savePreference(businessId, userId, kind, email, at);
      }
    });
    return this.read(businessId, userId);
  }

  /** What an unsubscribe link is for, and whether that email is on now; changes nothing. */
  async describe(token: string): Promise<UnsubscribeResult> {
    const claim = this.verify(token);
    const { workspace, member } = await this.subject(claim);
    const choice = member
      ? (await this.repos.notifications.emailChoices(claim.businessId, claim.kind, [claim.userId])).get(
          claim.userId,
        )
      : false;
    return result(claim.kind, workspace, choice ?? NOTIFICATION_KIND_INFO[claim.kind].emailByDefault);
  }

  /**
   * Turn the link's kind of email off for its person and workspace (RFC 8058 one-click, or the web page's
   * button). Doing it twice is harmless; someone who has left the workspace gets no email anyway.
   */
  async unsubscribe(token: string): Promise<UnsubscribeResult> {
    const claim = this.verify(token);
    const { workspace, member } = await this.subject(claim);
    if (member) {
      await this.repos.notifications.savePreference(
        claim.businessId,
        claim.userId,
        claim.kind,
        false,
        this.now().toISOString(),
      );
    }
    return result(claim.kind, workspace, false);
  }

  private async read(businessId: string, userId: string): Promise<NotificationPreferences> {
    const saved = new Map(
      (await this.repos.notifications.preferences(businessId, userId)).map((row) => [
        row.kind,
        Number(row.email) === 1,
      ]),
    );
    return {
      items: NOTIFICATION_KINDS.map((kind) => ({
        kind,
        in_app: true as const,
        email: saved.get(kind) ?? NOTIFICATION_KIND_INFO[kind].emailByDefault,
      })),
      mail: this.mailMode,
    };
  }

  private verify(token: string): UnsubscribeClaim {
    const claim = this.tokens.verify(token);
    if (!claim) {
      const message = ruleFieldMessage('unsubscribeLinkInvalid');
      throw new AppError('validation_failed', message, {
        errors: [{ path: 'query.token', message, code: 'invalid' }],
      });
    }
    return claim;
  }

  private async subject(claim: UnsubscribeClaim): Promise<{ workspace: string; member: boolean }> {
    const workspace = await this.repos.businesses.findById(claim.businessId);
    if (!workspace) throw new AppError('link_expired', 'The workspace of this email no longer exists');
    const role = await this.repos.memberships.findRole(claim.businessId, claim.userId);
    return { workspace: workspace.name, member: role !== undefined };
  }

  /** The caller, a person who is a member of the workspace; API keys have no notifications. */
  private async member(principal: Principal, businessId: string): Promise<string> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'business.read');
    if (principal.kind !== 'user') {
      throw new AppError('forbidden', 'Notifications belong to people; API keys have none', {
        facts: { reason: 'api_key_not_a_person', scope: 'notifications' },
      });
    }
    return principal.userId;
  }
}

function result(kind: NotificationKind, workspace: string, email: boolean): UnsubscribeResult {
  return { kind, kind_label: NOTIFICATION_KIND_INFO[kind].label, workspace_name: workspace, email };
}
