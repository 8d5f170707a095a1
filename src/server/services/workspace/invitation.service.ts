import { isUniqueViolation } from '#server/db/errors.js';
import { newId } from '#server/db/ids.js';
import type { InvitationRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { Mailer } from '#server/integrations/mail/mailer.js';
import { mailUnavailable } from '#server/integrations/mail/unavailable-mailer.js';
import type { AppJobDefinitions } from '#server/jobs/job-definitions.js';
import type { JobQueue } from '#server/jobs/job-types.js';
import type { EventPublisher } from '#server/realtime/event-bus.js';
import type { Repositories } from '#server/repositories/index.js';
import type { RegisterBody } from '#shared/auth.schema.js';
import type { AddMemberBody, Invitation } from '#shared/business.schema.js';
import { pickLanguage } from '#shared/languages.js';
import { can, type Role } from '#shared/roles.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import type { AccountMails } from '../access/account-mails.js';
import type { AuthService, IssuedSession } from '../access/auth.service.js';
import { linkExpired } from '../access/password-reset.service.js';
import type { Principal } from '../access/principal.js';
import { randomToken, sha256 } from '../access/security/tokens.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import { recordAudit } from './audit.service.js';

/** How long an invitation's accept link works after each send. */
export const INVITATION_DAYS = 7;

export interface InvitationServiceDeps {
  repos: Repositories;
  auth: Pick<AuthService, 'registerHashed' | 'hashNewPassword'>;
  queue: Pick<JobQueue<AppJobDefinitions>, 'enqueue'>;
  mailer: Pick<Mailer, 'mode' | 'send'>;
  mails: AccountMails;
  events?: EventPublisher;
  now: () => Date;
}

/**
 * Invitations to people without an account: a pending invitation with its role, emailed as a
 * single-use accept link (a job issues the token, so no request ever holds it); signing up through the
 * link joins the workspace. Owners and admins list, resend and revoke them; only owners invite owners.
 */
export class InvitationService {
  constructor(private readonly deps: InvitationServiceDeps) {}

  async list(principal: Principal, businessId: string): Promise<Invitation[]> {
    await requireWorkspaceRole(this.deps.repos, principal, businessId, 'members.manage');
    const at = this.deps.now().toISOString();
    return (await this.deps.repos.invitations.listPending(businessId)).map((row) => toInvitation(row, at));
  }

  /**
   * Invite an address that has no account (MemberService.add checked); inviting it again while an
   * invitation is pending updates the role and sends the link again.
   */
  async invite(
    principal: Principal,
    businessId: string,
    body: AddMemberBody,
    actorRole: Role,
  ): Promise<Invitation> {
    if (body.role === 'owner') assertCanManageOwners(actorRole);
    if (this.deps.mailer.mode === 'none') throw mailUnavailable();
    const { repos, now } = this.deps;
    const at = now().toISOString();
    const id = await repos
      .transaction(async (trx) => {
        await trx.businesses.lockForWrites(businessId);
        const pending = await trx.invitations.findPendingByEmail(businessId, body.email);
        if (pending) {
          if (pending.role === 'owner') assertCanManageOwners(actorRole);
          await trx.invitations.update(businessId, pending.id, { role: body.role, updated_at: at });
        } else {
          await trx.invitations.insert({
            id: newId(),
            business_id: businessId,
            email: body.email,
            role: body.role,
            invited_by: principal.kind === 'user' ? principal.userId : null,
            expires_at: this.expiry(),
            created_at: at,
            updated_at: at,
          });
        }
        const invitationId =
          pending?.id ?? (await trx.invitations.findPendingByEmail(businessId, body.email))?.id;
        if (!invitationId) throw new Error('The invitation just written is missing');
        await recordAudit(trx, {
          businessId,
          principal,
          action: pending ? 'member.invitation_resent' : 'member.invited',
          target: invitationId,
          details: { email: body.email, role: body.role },
          at,
        });
        return invitationId;
      })
      .catch((error: unknown) => {
        // Two invitations to one address at once: the other one won; it will be listed.
        if (isUniqueViolation(error))
          throw new AppError('conflict', 'This address was just invited', {
            facts: { reason: 'already_invited' },
          });
        throw error;
      });
    await this.enqueueSend(businessId, id);
    return this.requirePending(businessId, id);
  }

  /** Send the link again (a new token; the old link stops working) for another 7 days. */
  async resend(principal: Principal, businessId: string, invitationId: string): Promise<Invitation> {
    const actorRole = await requireWorkspaceRole(this.deps.repos, principal, businessId, 'members.manage');
    const invitation = await this.requirePendingRow(businessId, invitationId);
    if (invitation.role === 'owner') assertCanManageOwners(actorRole);
    if (this.deps.mailer.mode === 'none') throw mailUnavailable();
    await this.deps.repos.transaction(async (trx) => {
      const at = this.deps.now().toISOString();
      await trx.invitations.update(businessId, invitationId, { expires_at: this.expiry(), updated_at: at });
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'member.invitation_resent',
        target: invitationId,
        details: { email: invitation.email, role: invitation.role },
        at,
      });
    });
    await this.enqueueSend(businessId, invitationId);
    return this.requirePending(businessId, invitationId);
  }

  async revoke(principal: Principal, businessId: string, invitationId: string): Promise<void> {
    const actorRole = await requireWorkspaceRole(this.deps.repos, principal, businessId, 'members.manage');
    const invitation = await this.requirePendingRow(businessId, invitationId);
    if (invitation.role === 'owner') assertCanManageOwners(actorRole);
    await this.deps.repos.transaction(async (trx) => {
      const at = this.deps.now().toISOString();
      if (!(await trx.invitations.revoke(businessId, invitationId, at))) throw noSuchInvitation();
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'member.invitation_revoked',
        target: invitationId,
        details: { email: invitation.email, role: invitation.role },
        at,
      });
    });
  }

  /** The `mail.invitation` job: a fresh token, then the email. A revoked or accepted invitation sends nothing. */
  async send(payload: { invitation_id: string }, businessId: string): Promise<Record<string, never>> {
    const { repos, now } = this.deps;
    const invitation = await repos.invitations.findPending(businessId, payload.invitation_id);
    const workspace = await repos.businesses.findById(businessId);
    if (!invitation || !workspace) return {};
    const inviter = invitation.invited_by ? await repos.users.findById(invitation.invited_by) : undefined;
    const token = randomToken(32);
    const renewed = await repos.invitations.update(businessId, invitation.id, {
      token_hash: sha256(token),
      updated_at: now().toISOString(),
    });
    if (!renewed) return {};
    // No account yet, so no language of their own: the inviter's, else the workspace's.
    const language = inviter?.language ?? pickLanguage([workspace.locale]) ?? 'en';
    await this.deps.mailer.send(
      this.deps.mails.invitation(invitation.email, language, {
        workspace: workspace.name,
        inviter: inviter?.name,
        role: invitation.role,
        token,
        days: INVITATION_DAYS,
      }),
    );
    return {};
  }

  /** The `mail.member_added` job: tell someone with an account that they were added to the workspace. */
  async sendAddedNotice(
    payload: { user_id: string; added_by: string | null },
    businessId: string,
  ): Promise<Record<string, never>> {
    const { repos } = this.deps;
    const role = await repos.memberships.findRole(businessId, payload.user_id);
    const user = await repos.users.findById(payload.user_id);
    const workspace = await repos.businesses.findById(businessId);
    if (!role || !user || !workspace) return {};
    const adder = payload.added_by ? await repos.users.findById(payload.added_by) : undefined;
    await this.deps.mailer.send(
      this.deps.mails.addedToWorkspace(user.email, user.language ?? 'en', {
        workspace: workspace.name,
        inviter: adder?.name,
        role,
        workspaceId: businessId,
      }),
    );
    return {};
  }

  /** What the sign-up page shows for an accept link: the address and the workspace. */
  async describe(token: string): Promise<{ email: string; workspace_name: string; role: Role }> {
    const { repos, now } = this.deps;
    const invitation = await repos.invitations.findLiveByTokenHash(sha256(token), now().toISOString());
    const workspace = invitation ? await repos.businesses.findById(invitation.business_id) : undefined;
    if (!invitation || !workspace) throw linkExpired();
    return { email: invitation.email, workspace_name: workspace.name, role: invitation.role };
  }

  /**
   * Sign up through an accept link: the link proves the address, so the account is created at once and
   * joins the workspace with the invitation's role, all in one transaction; the link then stops working.
   */
  async signUp(body: RegisterBody & { invitation_token: string }): Promise<IssuedSession> {
    const { repos, now } = this.deps;
    const tokenHash = sha256(body.invitation_token);
    const invitation = await repos.invitations.findLiveByTokenHash(tokenHash, now().toISOString());
    if (!invitation) throw linkExpired();
    if (invitation.email !== body.email) {
      const message = ruleFieldMessage('invitedAddress', { email: invitation.email });
      throw new AppError('validation_failed', message, {
        errors: [{ path: 'body.email', message, code: 'custom' }],
      });
    }
    const passwordHash = await this.deps.auth.hashNewPassword(body);
    let joined: Role | undefined;
    const issued = await this.deps.auth.registerHashed(
      { email: body.email, name: body.name, passwordHash, language: body.language ?? null },
      async (trx, user) => {
        const at = now().toISOString();
        if (!(await trx.invitations.accept(invitation.id, tokenHash, at))) throw linkExpired();
        await trx.memberships.insert(invitation.business_id, user.id, invitation.role, at);
        await recordAudit(trx, {
          businessId: invitation.business_id,
          principal: { kind: 'user', userId: user.id },
          action: 'member.joined',
          target: user.id,
          details: { role: invitation.role, invitation_id: invitation.id },
          at,
        });
        joined = invitation.role;
      },
    );
    if (joined) {
      this.deps.events?.emit({
        type: 'member.changed',
        business_id: invitation.business_id,
        data: { user_id: issued.session.user.id, role: joined },
      });
    }
    return issued;
  }

  private enqueueSend(businessId: string, invitationId: string): Promise<string> {
    return this.deps.queue.enqueue({
      name: 'mail.invitation',
      businessId,
      payload: { invitation_id: invitationId },
    });
  }

  private expiry(): string {
    return new Date(this.deps.now().getTime() + INVITATION_DAYS * 86_400_000).toISOString();
  }

  private async requirePendingRow(businessId: string, invitationId: string): Promise<InvitationRow> {
    const row = await this.deps.repos.invitations.findPending(businessId, invitationId);
    if (!row) throw noSuchInvitation();
    return row;
  }

  private async requirePending(businessId: string, invitationId: string): Promise<Invitation> {
    return toInvitation(
      await this.requirePendingRow(businessId, invitationId),
      this.deps.now().toISOString(),
    );
  }
}

function toInvitation(row: InvitationRow, at: string): Invitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    invited_by: row.invited_by,
    expires_at: row.expires_at,
    expired: row.expires_at <= at,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}

function noSuchInvitation(): AppError {
  return new AppError('not_found', 'No such pending invitation');
}

function assertCanManageOwners(actorRole: Role): void {
  if (!can(actorRole, 'owners.manage'))
    throw new AppError('forbidden', 'Only owners can grant, change or remove the owner role', {
      facts: { reason: 'owner_only', change: 'owner_role' },
    });
}
