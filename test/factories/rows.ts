import { newId } from '#server/db/ids.js';
import type { BusinessRow, UserRow } from '#server/db/schema.js';
import type { Repositories } from '#server/repositories/index.js';
import type { Role } from '#shared/roles.js';

const AT = '2026-01-01T00:00:00.000Z';
let sequence = 0;

/** Insert a user row directly (no password hashing: repository tests do not need it). */
export async function insertUser(repos: Repositories, overrides: Partial<UserRow> = {}): Promise<UserRow> {
  sequence += 1;
  const user: UserRow = {
    id: newId(),
    email: `user${sequence}-${newId().slice(-6)}@example.com`,
    name: `User ${sequence}`,
    password_hash: 'not-a-real-hash',
    language: null,
    created_at: AT,
    updated_at: AT,
    ...overrides,
  };
  await repos.users.insert(user);
  return user;
}

/** Insert a business with `owner` as its owner, plus any other members. */
export async function insertBusiness(
  repos: Repositories,
  owner: UserRow,
  members: Array<[UserRow, Role]> = [],
  overrides: Partial<BusinessRow> = {},
): Promise<BusinessRow> {
  const business: BusinessRow = {
    id: newId(),
    name: `Business ${++sequence}`,
    industry: null,
    description: null,
    website: null,
    time_zone: 'UTC',
    locale: 'en',
    brand_profile: '{}',
    require_two_factor: 0,
    created_at: AT,
    updated_at: AT,
    ...overrides,
  };
  await repos.businesses.insert(business);
  await repos.memberships.insert(business.id, owner.id, 'owner', AT);
  for (const [user, role] of members) await repos.memberships.insert(business.id, user.id, role, AT);
  return business;
}
