import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import { can, type Permission, type Role } from '#shared/roles.js';
import type { Principal } from './principal.js';

/**
 * The caller's role in `businessId`, checked against `permission`.
 * Not a member (or another workspace's API key) → `not_found`, so ids of other tenants reveal nothing;
 * a member whose role lacks the permission → `forbidden`.
 */
export async function requireWorkspaceRole(
  repos: Pick<Repositories, 'memberships'>,
  principal: Principal,
  businessId: string,
  permission: Permission,
): Promise<Role> {
  const role =
    principal.kind === 'api_key'
      ? principal.businessId === businessId
        ? principal.role
        : undefined
      : await repos.memberships.findRole(businessId, principal.userId);
  if (!role) throw new AppError('not_found', 'No such workspace');
  if (!can(role, permission)) throw new AppError('forbidden', `Your role (${role}) does not allow this`);
  return role;
}

/** The user behind a user principal; API keys cannot act on accounts. */
export function requireUser(principal: Principal): string {
  if (principal.kind !== 'user')
    throw new AppError('forbidden', 'API keys cannot manage accounts or workspaces');
  return principal.userId;
}
