import { isUniqueViolation } from '#server/db/errors.js';
import { AppError } from '#server/errors/app-error.js';
import type { EventPublisher } from '#server/realtime/event-bus.js';
import type { Repositories } from '#server/repositories/index.js';
import type { AddMemberBody, Invitation, Member } from '#shared/business.schema.js';
import { can, type Role } from '#shared/roles.js';
import { ruleFieldMessage } from '#shared/rule-field-messages.js';
import type { Principal } from '../access/principal.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import { recordAudit } from './audit.service.js';
import type { InvitationService } from './invitation.service.js';

/** What adding someone by email did: added an account, or invited an address without one. */
export type AddOutcome = { kind: 'member'; member: Member } | { kind: 'invitation'; invitation: Invitation };

/** What MemberService needs for people without an account, and to tell those added by email. */
export interface MemberInvitations {
  invitations: Pick<InvitationService, 'invite'>;
  /** Queue the "you were added" email; undefined when this server cannot send mail. */
  notifyAdded?: (businessId: string, userId: string, addedBy: string | null) => Promise<unknown>;
}

/**
 * Membership and roles. Rules: admins manage editors and viewers; only owners grant, change or remove
 * the owner role; a workspace always keeps one owner; anyone may leave (except that last owner).
 * Every change is announced as `member.changed`, which is also how a removed member's live-update socket
 * stops hearing the workspace at once.
 */
export class MemberService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
    private readonly events: EventPublisher | undefined,
    private readonly invitations: MemberInvitations,
  ) {}

  async list(principal: Principal, businessId: string): Promise<Member[]> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'members.read');
    return this.repos.memberships.list(businessId);
  }

  /**
   * Add someone by email: an account joins at once (and is told by email); an address without one gets a
   * pending invitation (InvitationService).
   */
  async add(principal: Principal, businessId: string, body: AddMemberBody): Promise<AddOutcome> {
    const actorRole = await requireWorkspaceRole(this.repos, principal, businessId, 'members.manage');
    if (body.role === 'owner') assertCanManageOwners(actorRole);
    const user = await this.repos.users.findByEmail(body.email);
    if (!user) {
      const invitation = await this.invitations.invitations.invite(principal, businessId, body, actorRole);
      return { kind: 'invitation', invitation };
    }
    const at = this.now().toISOString();
    try {
      await this.repos.transaction(async (trx) => {
        await trx.memberships.insert(businessId, user.id, body.role, at);
        await recordAudit(trx, {
          businessId,
          principal,
          action: 'member.added',
          target: user.id,
          details: { role: body.role },
          at,
        });
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const message = ruleFieldMessage('alreadyMember');
      throw new AppError('conflict', message, {
        errors: [{ path: 'body.email', message, code: 'conflict' }],
        facts: { reason: 'already_member' },
      });
    }
    this.announce(businessId, user.id, body.role);
    // A courtesy email: the membership stands even if it cannot be queued.
    await this.invitations
      .notifyAdded?.(businessId, user.id, principal.kind === 'user' ? principal.userId : null)
      .catch(() => undefined);
    return { kind: 'member', member: await this.requireMember(businessId, user.id) };
  }

  async changeRole(principal: Principal, businessId: string, userId: string, role: Role): Promise<Member> {
    const actorRole = await requireWorkspaceRole(this.repos, principal, businessId, 'members.manage');
    const changed = await this.repos.transaction(async (trx) => {
      await trx.businesses.lockForWrites(businessId);
      const current = await trx.memberships.findRole(businessId, userId);
      if (!current) throw new AppError('not_found', 'No such member');
      if (current === role) return false;
      if (current === 'owner' || role === 'owner') assertCanManageOwners(actorRole);
      if (current === 'owner' && (await trx.memberships.countOwners(businessId)) <= 1) throw lastOwner();
      await trx.memberships.updateRole(businessId, userId, role);
      const at = this.now().toISOString();
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'member.role_changed',
        target: userId,
        details: { from: current, to: role },
        at,
      });
      return true;
    });
    if (changed) this.announce(businessId, userId, role);
    return this.requireMember(businessId, userId);
  }

  /** Remove a member, or leave when `userId` is the caller. */
  async remove(principal: Principal, businessId: string, userId: string): Promise<void> {
    const leaving = principal.kind === 'user' && principal.userId === userId;
    const actorRole = await requireWorkspaceRole(
      this.repos,
      principal,
      businessId,
      leaving ? 'members.read' : 'members.manage',
    );
    await this.repos.transaction(async (trx) => {
      await trx.businesses.lockForWrites(businessId);
      const current = await trx.memberships.findRole(businessId, userId);
      if (!current) throw new AppError('not_found', 'No such member');
      if (current === 'owner' && !leaving) assertCanManageOwners(actorRole);
      if (current === 'owner' && (await trx.memberships.countOwners(businessId)) <= 1) throw lastOwner();
      await trx.memberships.delete(businessId, userId);
      const at = this.now().toISOString();
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'member.removed',
        target: userId,
        details: { role: current, left: leaving },
        at,
      });
    });
    this.announce(businessId, userId, null);
  }

  /** After the commit, so a subscriber never hears of a change that was rolled back. */
  private announce(businessId: string, userId: string, role: Role | null): void {
    this.events?.emit({ type: 'member.changed', business_id: businessId, data: { user_id: userId, role } });
  }

  private async requireMember(businessId: string, userId: string): Promise<Member> {
    const member = await this.repos.memberships.find(businessId, userId);
    if (!member) throw new AppError('not_found', 'No such member');
    return member;
  }
}

function assertCanManageOwners(actorRole: Role): void {
  if (!can(actorRole, 'owners.manage'))
    throw new AppError('forbidden', 'Only owners can grant, change or remove the owner role', {
      facts: { reason: 'owner_only', change: 'owner_role' },
    });
}

function lastOwner(): AppError {
  return new AppError('last_owner', 'Make someone else an owner first: a workspace needs at least one owner');
}
