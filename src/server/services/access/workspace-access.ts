import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import { can, type Permission, type Role } from '#shared/roles.js';
import type { Principal } from './principal.js';

/**
 * The caller's role in `businessId`, checked against `permission`.
 * Not a member (or another workspace's API key) → `not_found`, so ids of other tenants reveal nothing;
 * a person without two-factor sign-in in a workspace that requires it → `two_factor_required` (API keys
 * are not people and sign in with no password, so the requirement is not theirs);
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
      : await memberRole(repos, businessId, principal.userId);
  if (!role) throw new AppError('not_found', 'No such workspace');
  if (!can(role, permission)) throw new AppError('forbidden', `Your role (${role}) does not allow this`);
  return role;
}

async function memberRole(
  repos: Pick<Repositories, 'memberships'>,
  businessId: string,
  userId: string,
): Promise<Role | undefined> {
  const access = await repos.memberships.findAccess(businessId, userId);
  if (access?.requiresTwoFactor && !access.hasTwoFactor) throw twoFactorRequired();
  return access?.role;
}

/** The answer for a person who must turn on two-factor sign-in before using a workspace. */
export function twoFactorRequired(
  detail = 'This workspace requires two-factor sign-in. Turn it on in Profile → Two-factor sign-in, then try again.',
): AppError {
  return new AppError('two_factor_required', detail);
}

/** The user behind a user principal; API keys cannot act on accounts. */
export function requireUser(principal: Principal): string {
  if (principal.kind !== 'user')
    throw new AppError('forbidden', 'API keys cannot manage accounts or workspaces', {
      facts: { reason: 'api_key_not_a_person', scope: 'accounts' },
    });
  return principal.userId;
}
