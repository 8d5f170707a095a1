import { newId } from '#server/db/ids.js';
import type { AuditLogRow } from '#server/db/schema.js';
import type { Repositories } from '#server/repositories/index.js';
import type { AuditAction } from '#shared/audit-actions.js';
import type { AuditEntry } from '#shared/business.schema.js';
import { actorOf, type Principal } from '../access/principal.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';

/** Append an audit entry; call it with the transaction's repositories so it commits with the change. */
export async function recordAudit(
  repos: Pick<Repositories, 'auditLog'>,
  entry: {
    businessId: string;
    principal: Principal;
    action: AuditAction;
    target?: string;
    details?: object;
    at: string;
  },
): Promise<void> {
  await repos.auditLog.insert({
    id: newId(),
    business_id: entry.businessId,
    ...actorOf(entry.principal),
    action: entry.action,
    target: entry.target ?? null,
    details: JSON.stringify(entry.details ?? {}),
    created_at: entry.at,
  });
}

/** Reading the audit log (owners and admins). */
export class AuditService {
  constructor(private readonly repos: Repositories) {}

  async page(
    principal: Principal,
    businessId: string,
    query: { limit: number; cursor?: string },
  ): Promise<{ items: AuditEntry[]; next_cursor: string | null }> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'audit.read');
    const rows = await this.repos.auditLog.page(businessId, { limit: query.limit + 1, before: query.cursor });
    const items = rows.slice(0, query.limit).map(toAuditEntry);
    return { items, next_cursor: rows.length > query.limit ? (items.at(-1)?.id ?? null) : null };
  }
}

function toAuditEntry(row: AuditLogRow): AuditEntry {
  return {
    id: row.id,
    action: row.action,
    actor_user_id: row.actor_user_id,
    actor_api_key_id: row.actor_api_key_id,
    target: row.target,
    details: JSON.parse(row.details) as Record<string, unknown>,
    created_at: row.created_at,
  };
}
