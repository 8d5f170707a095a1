import { newId } from '#server/db/ids.js';
import type { InboxRuleRow } from '#server/db/schema.js';
import { AppError } from '#server/errors/app-error.js';
import type { Repositories } from '#server/repositories/index.js';
import type { CreateInboxRuleBody, InboxRule, UpdateInboxRuleBody } from '#shared/inbox.schema.js';
import type { Principal } from '../access/principal.js';
import { requireRowRole } from '../access/row-access.js';
import { requireWorkspaceRole } from '../access/workspace-access.js';
import { recordAudit } from '../workspace/audit.service.js';
import { requireAssignable } from './inbox.service.js';
import { rulePatternProblem } from './inbox-rule-pattern.js';
import { toInboxRule } from './inbox-views.js';

/**
 * Inbox rules (owners and admins): keyword or pattern matches that label, assign, prioritise or prepare
 * an AI draft. Patterns RE2 cannot run in linear time are refused when saved; auto-send is an explicit,
 * audited opt-in per rule.
 */
export class InboxRuleService {
  constructor(
    private readonly repos: Repositories,
    private readonly now: () => Date,
  ) {}

  async list(principal: Principal, businessId: string): Promise<InboxRule[]> {
    await requireWorkspaceRole(this.repos, principal, businessId, 'inbox.read');
    return (await this.repos.inboxRules.list(businessId)).map(toInboxRule);
  }

  async create(principal: Principal, body: CreateInboxRuleBody): Promise<InboxRule> {
    const businessId = body.business_id;
    await requireWorkspaceRole(this.repos, principal, businessId, 'inbox.manage');
    await this.check(businessId, body, body.match);
    const at = this.now().toISOString();
    const row: InboxRuleRow = {
      id: newId(),
      business_id: businessId,
      name: body.name,
      enabled: body.enabled ? 1 : 0,
      position: body.position,
      match: JSON.stringify(body.match),
      actions: JSON.stringify(body.actions),
      auto_send: body.auto_send ? 1 : 0,
      created_at: at,
      updated_at: at,
    };
    await this.repos.transaction(async (trx) => {
      await trx.inboxRules.insert(row);
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'inbox.rule_created',
        target: row.id,
        details: { name: row.name, auto_send: body.auto_send },
        at,
      });
    });
    return toInboxRule(row);
  }

  async update(principal: Principal, ruleId: string, body: UpdateInboxRuleBody): Promise<InboxRule> {
    const businessId = await this.repos.inboxRules.businessIdOf(ruleId);
    await requireRowRole(this.repos, principal, businessId, 'inbox.manage', 'rule');
    const current = businessId ? await this.repos.inboxRules.find(businessId, ruleId) : undefined;
    if (!current || !businessId) throw new AppError('not_found', 'No such rule');
    const merged = { ...toInboxRule(current), ...body };
    if (merged.auto_send && !merged.actions.prepare_draft) {
      const message = 'Auto-send needs a prepared draft';
      throw new AppError('validation_failed', message, {
        errors: [{ path: 'body.auto_send', message, code: 'invalid' }],
      });
    }
    // Only a pattern being saved is checked: a rule whose old pattern no longer runs can still be renamed
    // or turned off, and its `pattern_problem` keeps saying why it is ignored.
    await this.check(businessId, merged, body.match);
    const at = this.now().toISOString();
    await this.repos.transaction(async (trx) => {
      await trx.inboxRules.update(businessId, ruleId, {
        name: merged.name,
        enabled: merged.enabled ? 1 : 0,
        position: merged.position,
        match: JSON.stringify(merged.match),
        actions: JSON.stringify(merged.actions),
        auto_send: merged.auto_send ? 1 : 0,
        updated_at: at,
      });
      await recordAudit(trx, {
        businessId,
        principal,
        action: 'inbox.rule_updated',
        target: ruleId,
        details: body,
        at,
      });
    });
    const row = await this.repos.inboxRules.find(businessId, ruleId);
    if (!row) throw new AppError('not_found', 'No such rule');
    return toInboxRule(row);
  }

  async delete(principal: Principal, ruleId: string): Promise<void> {
    const businessId = await this.repos.inboxRules.businessIdOf(ruleId);
    await requireRowRole(this.repos, principal, businessId, 'inbox.manage', 'rule');
    const at = this.now().toISOString();
    await this.repos.transaction(async (trx) => {
      if (!businessId || !(await trx.inboxRules.delete(businessId, ruleId))) {
        throw new AppError('not_found', 'No such rule');
      }
      await recordAudit(trx, { businessId, principal, action: 'inbox.rule_deleted', target: ruleId, at });
    });
  }

  /** A pattern RE2 can run (when one is being saved), and an assignee who is a member able to reply. */
  private async check(
    businessId: string,
    rule: { actions: Pick<InboxRule['actions'], 'assignee_id'> },
    savedMatch: Pick<InboxRule['match'], 'regex'> | undefined,
  ): Promise<void> {
    const reason = savedMatch?.regex ? rulePatternProblem(savedMatch.regex) : null;
    if (reason) {
      throw new AppError('validation_failed', reason, {
        errors: [{ path: 'body.match.regex', message: reason, code: 'unsupported_pattern' }],
      });
    }
    if (rule.actions.assignee_id) await requireAssignable(this.repos, businessId, rule.actions.assignee_id);
  }
}
