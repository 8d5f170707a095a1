import { newId } from '#server/db/ids.js';
import type { BusinessRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import { EMPTY_BRAND_PROFILE } from '#shared/brand.schema.js';
import type { Business, CreateBusinessBody, UpdateBusinessBody } from '#shared/business.schema.js';
import type { Role } from '#shared/roles.js';
import type { Principal } from '../access/principal.js';
import { hasSecondFactor } from '../access/second-factor.js';
import { requireUser, requireWorkspaceRole, twoFactorRequired } from '../access/workspace-access.js';
import { recordAudit } from './audit.service.js';
import { parseBrandProfile } from './brand-profile.js';

/** Workspaces ("businesses"): create, read, update, delete, each behind a role check. */
export class WorkspaceService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
  ) {}

  /** The caller's workspaces; an API key sees only its own. */
  async list(principal: Principal): Promise<Business[]> {
    if (principal.kind === 'api_key') return [await this.get(principal, principal.businessId)];
    const rows = await this.repos.businesses.listForUser(principal.userId);
    return rows.map((row) => toBusiness(row, row.role));
  }

  /** Create a workspace with the caller as its owner. */
  async create(principal: Principal, body: CreateBusinessBody): Promise<Business> {
    const userId = requireUser(principal);
    const at = this.now().toISOString();
    const row: BusinessRow = {
      id: newId(),
      name: body.name,
      industry: body.industry || null,
      description: body.description || null,
      website: body.website ?? null,
      time_zone: body.time_zone,
      locale: body.locale,
      brand_profile: JSON.stringify(body.brand ?? EMPTY_BRAND_PROFILE),
      require_two_factor: 0,
      created_at: at,
      updated_at: at,
    };
    await this.repos.transaction(async (trx) => {
      await trx.businesses.insert(row);
      await trx.memberships.insert(row.id, userId, 'owner', at);
      await recordAudit(trx, {
        businessId: row.id,
        principal,
        action: 'business.created',
        details: { name: row.name },
        at,
      });
    });
    return toBusiness(row, 'owner');
  }

  async get(principal: Principal, businessId: string): Promise<Business> {
    if (principal.kind === 'user') {
      const row = await this.repos.businesses.findForMember(businessId, principal.userId);
      if (!row) throw new AppError('not_found', 'No such workspace');
      return toBusiness(row, row.role);
    }
    const role = await requireWorkspaceRole(this.repos, principal, businessId, 'business.read');
    const row = await this.repos.businesses.findById(businessId);
    if (!row) throw new AppError('not_found', 'No such workspace');
    return toBusiness(row, role);
  }

  /**
   * The caller's role in a workspace they may use now: unlike `get`, a workspace that requires two-factor
   * sign-in answers `two_factor_required` to a member without it (live updates follow this).
   */
  roleOf(principal: Principal, businessId: string): Promise<Role> {
    return requireWorkspaceRole(this.repos, principal, businessId, 'business.read');
  }

  async update(principal: Principal, businessId: string, body: UpdateBusinessBody): Promise<Business> {
    const role = await requireWorkspaceRole(this.repos, principal, businessId, 'business.update');
    if (body.require_two_factor !== undefined) await this.assertMayRequireTwoFactor(principal, role, body);
    const at = this.now().toISOString();
    await this.repos.transaction(async (trx) => {
      const { brand, require_two_factor: requireTwoFactor, ...fields } = body;
      await trx.businesses.update(businessId, {
        ...fields,
        ...(brand ? { brand_profile: JSON.stringify(brand) } : {}),
        ...(requireTwoFactor === undefined ? {} : { require_two_factor: requireTwoFactor ? 1 : 0 }),
        updated_at: at,
      });
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'business.updated',
        details: { fields: Object.keys(body) },
        at,
      });
    });
    return this.get(principal, businessId);
  }

  /**
   * Only owners set the two-factor requirement, and only once their own account has it: otherwise the
   * setting would lock them out of the workspace they just changed.
   */
  private async assertMayRequireTwoFactor(
    principal: Principal,
    role: Role,
    body: UpdateBusinessBody,
  ): Promise<void> {
    if (role !== 'owner' || principal.kind !== 'user') {
      throw new AppError('forbidden', 'Only owners can change whether two-factor sign-in is required', {
        facts: { reason: 'owner_only', change: 'two_factor_requirement' },
      });
    }
    if (!body.require_two_factor) return;
    if (!(await hasSecondFactor(this.repos, principal.userId))) {
      throw twoFactorRequired(
        'Turn on two-factor sign-in for your own account (Profile → Two-factor sign-in) before requiring it of members',
      );
    }
  }

  /** Owners only; everything the workspace holds goes with it. */
  async delete(principal: Principal, businessId: string): Promise<void> {
    requireUser(principal);
    await requireWorkspaceRole(this.repos, principal, businessId, 'business.delete');
    await this.repos.businesses.delete(businessId);
  }
}

function toBusiness(row: BusinessRow, role: Role): Business {
  return {
    id: row.id,
    name: row.name,
    industry: row.industry,
    description: row.description,
    website: row.website,
    time_zone: row.time_zone,
    locale: row.locale,
    brand: parseBrandProfile(row.brand_profile),
    require_two_factor: Number(row.require_two_factor) === 1,
    role,
    created_at: row.created_at,
    updated_at: row.updated_at,
  };
}
