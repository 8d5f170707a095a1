import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { type AuditEntry, auditEntrySchema } from '#shared/business.schema.js';
import { json, problem } from '#web/test/fake-api.js';
import { aBusiness, aMember, anApiKey, anId } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { AuditLogCard } from './audit-log-card.js';

const business = aBusiness({ role: 'owner' });
const grace = aMember({ name: 'Grace Hopper' });
const zapier = anApiKey({ name: 'Zapier' });

/** The log and the members and keys it names. */
function serveLog(entries: AuditEntry[]) {
  return fakeApi()
    .on('GET', API.auditLog(business.id), json({ items: entries, next_cursor: null }))
    .on('GET', API.members(business.id), json({ items: [grace] }))
    .on('GET', API.apiKeys(business.id), json({ items: [zapier] }));
}

function anEntry(fields: Pick<AuditEntry, 'action'> & Partial<AuditEntry>): AuditEntry {
  return auditEntrySchema.parse({
    id: anId(),
    actor_user_id: null,
    actor_api_key_id: null,
    target: null,
    details: {},
    created_at: '2026-03-02T10:00:00.000Z',
    ...fields,
  });
}

describe('AuditLogCard', () => {
  it('tells a role that cannot read the log so, without asking the server', () => {
    const api = fakeApi();
    renderWithProviders(<AuditLogCard business={{ ...business, role: 'viewer' }} />);

    expect(screen.getByText('Only owners and admins can read the audit log.')).toBeTruthy();
    expect(api.requests).toEqual([]);
  });

  it('says when nothing has been recorded yet', async () => {
    serveLog([]);
    renderWithProviders(<AuditLogCard business={business} />);

    expect(await screen.findByText('Nothing recorded yet')).toBeTruthy();
  });

  it('explains a log that could not be loaded', async () => {
    serveLog([]).on('GET', API.auditLog(business.id), problem(500, 'internal_error'));
    renderWithProviders(<AuditLogCard business={business} />);

    expect((await screen.findByRole('alert')).textContent).toMatch(/^Something went wrong on our side\./);
  });

  it('names who did what to whom, members and API keys alike', async () => {
    serveLog([
      anEntry({
        action: 'member.role_changed',
        actor_user_id: grace.user_id,
        target: grace.user_id,
        details: { role: 'admin' },
      }),
      anEntry({ action: 'business.updated', actor_api_key_id: zapier.id }),
    ]);
    renderWithProviders(<AuditLogCard business={business} />);

    const table = await screen.findByRole('table', { name: 'Audit log' });
    const [, roleChange, update] = within(table).getAllByRole('row') as HTMLElement[];
    expect(within(roleChange as HTMLElement).getByText('Member role changed')).toBeTruthy();
    expect(await within(roleChange as HTMLElement).findAllByText('Grace Hopper')).toHaveLength(2);
    expect(within(roleChange as HTMLElement).getByText('role: admin')).toBeTruthy();
    expect(await within(update as HTMLElement).findByText('API key “Zapier”')).toBeTruthy();
  });
});
