import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ContentItem } from '#shared/content.schema.js';
import type { LiveEvent } from '#shared/events.schema.js';
import { createBusiness, registerAccount, type TestAccount } from '../factories/accounts.js';
import { createSqliteTestDatabase } from '../support/databases.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

describe('content changes as live events', () => {
  let t: TestApp;
  let owner: TestAccount;
  let businessId: string;
  let otherBusinessId: string;
  const seen: LiveEvent[] = [];

  beforeEach(async () => {
    t = await createTestApp(await createSqliteTestDatabase());
    owner = await registerAccount(t.app);
    businessId = (await createBusiness(t.app, owner)).id;
    otherBusinessId = (await createBusiness(t.app, owner, 'Other')).id;
    seen.length = 0;
    await t.services.events.subscribe(businessId, (event) => seen.push(event));
    await t.services.events.subscribe(otherBusinessId, (event) => seen.push(event));
  });
  afterEach(() => t.close());

  it('announces create, edit, status change and delete to the item’s workspace only', async () => {
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/content',
      headers: owner.auth,
      payload: { business_id: businessId, channel: 'linkedin', title: 'Hello', body: 'First draft' },
    });
    const item = created.json<ContentItem>();
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/content/${item.id}`,
      headers: owner.auth,
      payload: { version: item.version, body: 'Second draft' },
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/content/${item.id}/transition`,
      headers: owner.auth,
      payload: { version: edited.json<ContentItem>().version, to: 'in_review' },
    });
    await t.app.inject({ method: 'DELETE', url: `/api/content/${item.id}`, headers: owner.auth });
    await vi.waitFor(() => expect(seen).toHaveLength(4));
    expect(
      seen.map((event) => [
        event.type,
        event.business_id,
        event.type === 'content.changed' ? event.data.change : '',
      ]),
    ).toEqual([
      ['content.changed', businessId, 'created'],
      ['content.changed', businessId, 'updated'],
      ['content.changed', businessId, 'status'],
      ['content.changed', businessId, 'deleted'],
    ]);
  });
});
