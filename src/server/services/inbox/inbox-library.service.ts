import { newId } from '#server/db/ids.js';
import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import type { CannedReply, KnowledgeEntry } from '#shared/inbox.schema.js';
import type { Permission } from '#shared/roles.js';
import type { Principal } from '../access/principal.js';
import { requireRowRole } from '../access/row-access.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import { toCannedReply, toKnowledgeEntry } from './inbox-views.js';

/** The body of creating a canned reply. */
export interface NewCannedReply {
  business_id: string;
  title: string;
  body: string;
}

/** The body of creating a knowledge entry. */
export interface NewKnowledgeEntry {
  business_id: string;
  kind: KnowledgeEntry['kind'];
  title: string;
  body: string;
  enabled: boolean;
}

/**
 * What answers are made of: canned replies (anyone who replies keeps them) and the knowledge base that
 * grounds AI suggestions (owners and admins curate it; everyone can read it).
 */
export class InboxLibraryService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
  ) {}

  async listCanned(principal: Principal, businessId: string): Promise<CannedReply[]> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'inbox.read');
    return (await this.repos.cannedReplies.list(businessId)).map(toCannedReply);
  }

  async createCanned(principal: Principal, body: NewCannedReply): Promise<CannedReply> {
    await requireWorkspaceRole(this.repos, principal, body.business_id, 'inbox.reply');
    const at = this.now().toISOString();
    const row = { id: newId(), ...body, created_at: at, updated_at: at };
    await this.repos.cannedReplies.insert(row);
    return toCannedReply(row);
  }

  async updateCanned(
    principal: Principal,
    id: string,
    body: { title?: string; body?: string },
  ): Promise<CannedReply> {
    const businessId = await this.access(principal, 'canned', id, 'inbox.reply');
    await this.repos.cannedReplies.update(businessId, id, { ...body, updated_at: this.now().toISOString() });
    const row = await this.repos.cannedReplies.find(businessId, id);
    if (!row) throw new AppError('not_found', 'No such canned reply');
    return toCannedReply(row);
  }

  async deleteCanned(principal: Principal, id: string): Promise<void> {
    const businessId = await this.access(principal, 'canned', id, 'inbox.reply');
    await this.repos.cannedReplies.delete(businessId, id);
  }

  async listKnowledge(principal: Principal, businessId: string): Promise<KnowledgeEntry[]> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'inbox.read');
    return (await this.repos.knowledge.list(businessId)).map(toKnowledgeEntry);
  }

  async createKnowledge(principal: Principal, body: NewKnowledgeEntry): Promise<KnowledgeEntry> {
    await requireWorkspaceRole(this.repos, principal, body.business_id, 'inbox.manage');
    const at = this.now().toISOString();
    const row = { id: newId(), ...body, enabled: body.enabled ? 1 : 0, created_at: at, updated_at: at };
    await this.repos.knowledge.insert(row);
    return toKnowledgeEntry(row);
  }

  async updateKnowledge(
    principal: Principal,
    id: string,
    body: Partial<Omit<NewKnowledgeEntry, 'business_id'>>,
  ): Promise<KnowledgeEntry> {
    const businessId = await this.access(principal, 'knowledge', id, 'inbox.manage');
    const { enabled, ...rest } = body;
    await this.repos.knowledge.update(businessId, id, {
      ...rest,
      ...(enabled !== undefined ? { enabled: enabled ? 1 : 0 } : {}),
      updated_at: this.now().toISOString(),
    });
    const row = await this.repos.knowledge.find(businessId, id);
    if (!row) throw new AppError('not_found', 'No such knowledge entry');
    return toKnowledgeEntry(row);
  }

  async deleteKnowledge(principal: Principal, id: string): Promise<void> {
    const businessId = await this.access(principal, 'knowledge', id, 'inbox.manage');
    await this.repos.knowledge.delete(businessId, id);
  }

  /** The workspace of an item reached by id alone, after checking the caller's role there. */
  private async access(
    principal: Principal,
    kind: 'canned' | 'knowledge',
    id: string,
    permission: Permission,
  ): Promise<string> {
    const repo = kind === 'canned' ? this.repos.cannedReplies : this.repos.knowledge;
    const businessId = await repo.businessIdOf(id);
    const noun = kind === 'canned' ? 'canned reply' : 'knowledge entry';
    await requireRowRole(this.repos, principal, businessId, permission, noun);
    return businessId as string;
  }
}
