import type { Kysely } from 'kysely';
import type { Role } from '#shared/roles.js';
import { compileOnce } from '../db/compile-once.js';
import type { DB } from '../db/schema.js';

/** A member row joined with the user's public fields. */
export interface MemberRow {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  created_at: string;
}

/** A member's role with what the workspace's two-factor requirement needs to know. */
export interface MemberAccess {
  role: Role;
  /** The workspace requires two-factor sign-in of its members. */
  requiresTwoFactor: boolean;
  /** The member has two-factor sign-in enabled (an authenticator app or a passkey). */
  hasTwoFactor: boolean;
}

/** The members of one workspace with their public user fields. */
function membersOf(db: Kysely<DB>, businessId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as user_id',
      'users.email',
      'users.name',
      'memberships.role',
      'memberships.created_at',
    ])
    .where('memberships.business_id', '=', businessId);
}

/** Who belongs to a workspace, and as what. Every method takes the workspace id first. */
export class MembershipRepository {
  // Asked by every workspace-scoped request: compiled once (see compileOnce); the SQL is unchanged.
  private readonly findAccessQuery = compileOnce(2, (businessId: string, userId: string) =>
    this.db
      .selectFrom('memberships')
      .innerJoin('businesses', 'businesses.id', 'memberships.business_id')
      .leftJoin('two_factor_credentials', 'two_factor_credentials.user_id', 'memberships.user_id')
      .select((eb) => [
        'memberships.role',
        'businesses.require_two_factor',
        'two_factor_credentials.enabled_at as two_factor_enabled_at',
        eb
          .exists(
            eb
              .selectFrom('passkey_credentials')
              .select('passkey_credentials.id')
              .whereRef('passkey_credentials.user_id', '=', 'memberships.user_id'),
          )
          .as('has_passkey'),
      ])
      .where('memberships.business_id', '=', businessId)
      .where('memberships.user_id', '=', userId),
  );

  constructor(private readonly db: Kysely<DB>) {}

  async findRole(businessId: string, userId: string): Promise<Role | undefined> {
    const row = await this.db
      .selectFrom('memberships')
      .select('role')
      .where('business_id', '=', businessId)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    return row?.role;
  }

  /** The role and two-factor state of `userId` in `businessId`, in one query (every workspace request asks). */
  async findAccess(businessId: string, userId: string): Promise<MemberAccess | undefined> {
    const [row] = (await this.db.executeQuery(this.findAccessQuery(businessId, userId))).rows;
    return (
      row && {
        role: row.role,
        requiresTwoFactor: Number(row.require_two_factor) === 1,
        // A passkey is a second factor as much as an authenticator app is.
        hasTwoFactor: row.two_factor_enabled_at != null || Boolean(row.has_passkey),
      }
    );
  }

  list(businessId: string): Promise<MemberRow[]> {
    return membersOf(this.db, businessId).orderBy('memberships.created_at').orderBy('users.id').execute();
  }

  find(businessId: string, userId: string): Promise<MemberRow | undefined> {
    return membersOf(this.db, businessId).where('memberships.user_id', '=', userId).executeTakeFirst();
  }

  async insert(businessId: string, userId: string, role: Role, createdAt: string): Promise<void> {
    await this.db
      .insertInto('memberships')
      .values({ business_id: businessId, user_id: userId, role, created_at: createdAt })
      .execute();
  }

  async updateRole(businessId: string, userId: string, role: Role): Promise<void> {
    await this.db
      .updateTable('memberships')
      .set({ role })
      .where('business_id', '=', businessId)
      .where('user_id', '=', userId)
      .execute();
  }

  async delete(businessId: string, userId: string): Promise<void> {
    await this.db
      .deleteFrom('memberships')
      .where('business_id', '=', businessId)
      .where('user_id', '=', userId)
      .execute();
  }

  async countOwners(businessId: string): Promise<number> {
    const row = await this.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('business_id', '=', businessId)
      .where('role', '=', 'owner')
      .executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
