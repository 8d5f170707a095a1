import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Business } from '#shared/business.schema.js';
import type { CannedReply, InboxRule, KnowledgeEntry } from '#shared/inbox.schema.js';
import { addMember, createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { describeEachDialect } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// Canned replies (anyone who replies keeps them), the knowledge base and rules (owners and admins curate
// them, everyone reads them): create, list, change, delete, with the roles enforced.

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describeEachDialect('inbox canned replies, knowledge base and rules', (create) => {
  let t: TestApp;
  let owner: TestAccount;
  let editor: TestAccount;
  let viewer: TestAccount;
  let business: Business;

  beforeEach(async () => {
    t = await createTestApp(await create());
    owner = await registerAccount(t.app);
    business = await createBusiness(t.app, owner);
    editor = await registerAccount(t.app);
    viewer = await registerAccount(t.app);
    await addMember(t.app, owner, business, editor, 'editor');
    await addMember(t.app, owner, business, viewer, 'viewer');
  });
  afterEach(() => t.close());

  const as = (account: TestAccount, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, headers: account.auth, ...(payload ? { payload } : {}) });
  const items = async <T>(account: TestAccount, path: string) =>
    (await as(account, 'GET', `${path}?business_id=${business.id}`)).json<{ items: T[] }>().items;

  it('keeps canned replies for everyone who replies, sorted by title; viewers only read them', async () => {
    const path = '/api/inbox/canned-replies';
    const created = await as(editor, 'POST', path, {
      business_id: business.id,
      title: 'Thanks',
      body: 'Thank you!',
    });
    expect(created.statusCode, created.body).toBe(201);
    const thanks = created.json<CannedReply>();
    await as(owner, 'POST', path, {
      business_id: business.id,
      title: 'Address',
      body: 'We are at 1 Main St.',
    });
    expect((await items<CannedReply>(viewer, path)).map((c) => c.title)).toEqual(['Address', 'Thanks']);
    const edited = await as(editor, 'PATCH', `${path}/${thanks.id}`, { body: 'Thanks a lot!' });
    expect(edited.json<CannedReply>()).toMatchObject({ title: 'Thanks', body: 'Thanks a lot!' });
    expect(
      (await as(viewer, 'POST', path, { business_id: business.id, title: 'x', body: 'y' })).statusCode,
    ).toBe(403);
    expect((await as(viewer, 'DELETE', `${path}/${thanks.id}`)).statusCode).toBe(403);
    expect((await as(editor, 'DELETE', `${path}/${thanks.id}`)).statusCode).toBe(204);
    expect((await as(editor, 'PATCH', `${path}/${thanks.id}`, { body: 'z' })).statusCode).toBe(404);
    expect(
      (await as(owner, 'POST', path, { business_id: business.id, title: '', body: 'y' })).statusCode,
    ).toBe(400);
  });

  it('curates the knowledge base (owners and admins), which everyone can read', async () => {
    const path = '/api/inbox/knowledge';
    const created = await as(owner, 'POST', path, {
      business_id: business.id,
      kind: 'policy',
      title: 'Returns',
      body: 'Unopened goods can be returned within 14 days for a refund.',
    });
    expect(created.statusCode, created.body).toBe(201);
    const entry = created.json<KnowledgeEntry>();
    expect(entry).toMatchObject({ kind: 'policy', enabled: true });
    expect(await items<KnowledgeEntry>(viewer, path)).toEqual([entry]);
    const off = await as(owner, 'PATCH', `${path}/${entry.id}`, { enabled: false });
    expect(off.json<KnowledgeEntry>()).toMatchObject({ enabled: false, title: 'Returns' });
    expect(
      (await as(editor, 'POST', path, { business_id: business.id, title: 'x', body: 'y' })).statusCode,
    ).toBe(403);
    expect((await as(editor, 'PATCH', `${path}/${entry.id}`, { title: 'x' })).statusCode).toBe(403);
    expect((await as(owner, 'DELETE', `${path}/${entry.id}`)).statusCode).toBe(204);
    expect(await items(owner, path)).toEqual([]);
  });

  it('changes rules in place, refuses auto-send without a draft, and audits every change', async () => {
    const created = await as(owner, 'POST', '/api/inbox/rules', {
      business_id: business.id,
      name: 'Spam',
      position: 5,
      match: { keywords: ['click here'], channels: ['x'] },
      actions: { labels: ['spam'], priority: 'low' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const rule = created.json<InboxRule>();
    expect(rule).toMatchObject({
      enabled: true,
      auto_send: false,
      match: { keywords: ['click here'], regex: null, channels: ['x'] },
      actions: { labels: ['spam'], assignee_id: null, priority: 'low', prepare_draft: false },
      pattern_problem: null,
    });
    const url = `/api/inbox/rules/${rule.id}`;
    expect((await as(owner, 'PATCH', url, { auto_send: true })).statusCode).toBe(400);
    const changed = await as(owner, 'PATCH', url, {
      actions: { labels: ['spam'], prepare_draft: true },
      auto_send: true,
      enabled: false,
    });
    expect(changed.json<InboxRule>()).toMatchObject({
      enabled: false,
      auto_send: true,
      actions: { prepare_draft: true },
    });
    const backReference = await as(owner, 'PATCH', url, { match: { regex: '(\\w+) \\1' } });
    expect(backReference.statusCode).toBe(400);
    expect(backReference.json()).toMatchObject({
      errors: [{ path: 'body.match.regex', code: 'unsupported_pattern', message: /^Back-references/ }],
    });
    expect(await items<InboxRule>(viewer, '/api/inbox/rules')).toHaveLength(1);
    expect((await as(editor, 'DELETE', url)).statusCode).toBe(403);
    expect((await as(owner, 'DELETE', url)).statusCode).toBe(204);
    const audit = (await as(owner, 'GET', `/api/business/${business.id}/audit-log`)).body;
    for (const action of ['inbox.rule_created', 'inbox.rule_updated', 'inbox.rule_deleted']) {
      expect(audit).toContain(action);
    }
  });

  it('shows why a pattern saved before RE2 is ignored, and still lets it be renamed or turned off', async () => {
    const created = await as(owner, 'POST', '/api/inbox/rules', {
      business_id: business.id,
      name: 'Refunds',
      match: { keywords: ['money back'], regex: 'refund' },
      actions: { labels: ['refunds'] },
    });
    const rule = created.json<InboxRule>();
    // What an older version accepted and stored: a look-ahead.
    await t.database.db
      .updateTable('inbox_rules')
      .set({ match: JSON.stringify({ ...rule.match, regex: 'refund(?!ed)' }) })
      .where('id', '=', rule.id)
      .execute();
    const [listed] = await items<InboxRule>(viewer, '/api/inbox/rules');
    expect(listed?.pattern_problem).toMatch(
      /^Look-around .* is not supported: rules run on a linear-time engine$/,
    );
    const url = `/api/inbox/rules/${rule.id}`;
    const renamed = await as(owner, 'PATCH', url, { name: 'Old refunds', enabled: false });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json<InboxRule>()).toMatchObject({ name: 'Old refunds', enabled: false });
    expect(renamed.json<InboxRule>().pattern_problem).not.toBeNull();
    const fixed = await as(owner, 'PATCH', url, { match: { keywords: ['money back'], regex: 'refund\\b' } });
    expect(fixed.json<InboxRule>()).toMatchObject({ match: { regex: 'refund\\b' }, pattern_problem: null });
  });
});
