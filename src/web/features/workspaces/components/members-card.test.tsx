import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { Business, Invitation, Member } from '#shared/business.schema.js';
import type { Role } from '#shared/roles.js';
import { type FakeApi, json, noContent, problem } from '#web/test/fake-api.js';
import { aBusiness, aMember, aUser } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { MembersCard } from './members-card.js';

const me = aUser({ name: 'Ada Lovelace', email: 'ada@example.com' });
const grace = aMember({ name: 'Grace Hopper', email: 'grace@example.com', role: 'editor' });
const alan = aUser({ name: 'Alan Turing', email: 'alan@example.com' });

const INVITATION_ID = '01900000-0000-7000-8000-00000000a001';

/** A pending invitation, as the API answers it. */
function anInvitation(email: string, role: Role): Invitation {
  return {
    id: INVITATION_ID,
    email,
    role,
    invited_by: me.id,
    expires_at: '2026-03-08T10:00:00.000Z',
    expired: false,
    created_at: '2026-03-01T10:00:00.000Z',
    updated_at: '2026-03-01T10:00:00.000Z',
  };
}

/** The members endpoints over an in-memory team, as the API would change it. */
function serveTeam(api: FakeApi, business: Business, team: Member[]) {
  let members = [...team];
  let invitations: Invitation[] = [];
  return api
    .on('GET', API.members(business.id), () => json({ items: members }))
    .on('GET', API.invitations(business.id), () => json({ items: invitations }))
    .on('POST', API.invitationResend(business.id, INVITATION_ID), () => json(invitations[0]))
    .on('DELETE', API.invitation(business.id, INVITATION_ID), () => {
      invitations = [];
      return noContent();
    })
    .on('POST', API.members(business.id), ({ body }) => {
      const { email, role } = body as { email: string; role: Role };
      if (members.some((member) => member.email === email)) return problem(409, 'conflict');
      if (email !== alan.email) {
        invitations = [anInvitation(email, role)];
        return json(invitations[0], 202);
      }
      const added = aMember({ user_id: alan.id, name: alan.name, email, role });
      members = [...members, added];
      return json(added, 201);
    })
    .on('PATCH', API.member(business.id, grace.user_id), ({ body }) => {
      members = members.map((member) =>
        member.user_id === grace.user_id ? { ...member, role: (body as { role: Role }).role } : member,
      );
      return json(members.find((member) => member.user_id === grace.user_id));
    })
    .on('DELETE', API.member(business.id, grace.user_id), () => {
      members = members.filter((member) => member.user_id !== grace.user_id);
      return noContent();
    });
}

function renderMembers(role: Role, team?: Member[]) {
  const business = aBusiness({ role, name: 'Bluebird Bakery' });
  const api = fakeApi();
  serveTeam(
    api,
    business,
    team ?? [aMember({ user_id: me.id, name: me.name, email: me.email, role }), grace],
  );
  const onLeft = vi.fn();
  const rendered = renderWithProviders(<MembersCard business={business} myUserId={me.id} onLeft={onLeft} />, {
    signedIn: me,
  });
  const invite = async (email: string, roleLabel = 'Editor') => {
    await rendered.user.type(screen.getByLabelText('Email address'), email);
    await rendered.user.selectOptions(screen.getByLabelText('Role'), roleLabel);
    await rendered.user.click(screen.getByRole('button', { name: 'Invite' }));
  };
  return { ...rendered, api, business, onLeft, invite };
}

const table = () => screen.findByRole('table', { name: 'Workspace members' });

describe('MembersCard', () => {
  it('invites an address without an account by email, lists it, resends and revokes it', async () => {
    const { invite, user, api, business } = renderMembers('owner');
    await table();
    expect(screen.queryByRole('table', { name: 'Pending invitations' })).toBeNull();

    await invite('nobody.here@example.com', 'Viewer');

    expect(await screen.findByText('Invitation sent to nobody.here@example.com')).toBeTruthy();
    const pending = await screen.findByRole('table', { name: 'Pending invitations' });
    const row = within(pending).getByText('nobody.here@example.com').closest('tr') as HTMLElement;
    expect(within(row).getByText('Viewer')).toBeTruthy();

    await user.click(within(row).getByRole('button', { name: 'Resend to nobody.here@example.com' }));
    expect(await screen.findByText('A new link is on its way to nobody.here@example.com')).toBeTruthy();
    expect(api.sent('POST', API.invitationResend(business.id, INVITATION_ID))).toHaveLength(1);

    await user.click(
      within(row).getByRole('button', { name: 'Revoke the invitation to nobody.here@example.com' }),
    );
    expect(await screen.findByText('The invitation to nobody.here@example.com was revoked')).toBeTruthy();
    await vi.waitFor(() => expect(screen.queryByRole('table', { name: 'Pending invitations' })).toBeNull());
  });

  it('says when the person is already a member', async () => {
    const { invite } = renderMembers('owner');
    await table();

    await invite(grace.email);

    expect(await screen.findByText('This person is already a member.')).toBeTruthy();
  });

  it('invites an existing account with a role, then lists them', async () => {
    const { api, business, invite } = renderMembers('owner');
    await table();

    await invite(alan.email, 'Viewer');

    expect(await screen.findByText('Alan Turing joined as viewer')).toBeTruthy();
    expect(api.sent('POST', API.members(business.id))[0]?.body).toEqual({
      email: alan.email,
      role: 'viewer',
    });
    const row = (await within(await table()).findByText('Alan Turing')).closest('tr') as HTMLElement;
    expect(within(row).getByRole<HTMLSelectElement>('combobox', { name: 'Role of Alan Turing' }).value).toBe(
      'viewer',
    );
    expect(screen.getByLabelText<HTMLInputElement>('Email address').value).toBe('');
  });

  it('changes a member’s role', async () => {
    const { user } = renderMembers('owner');

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Role of Grace Hopper' }), 'Admin');

    expect(await screen.findByText('Grace Hopper is now admin')).toBeTruthy();
    expect(screen.getByRole<HTMLSelectElement>('combobox', { name: 'Role of Grace Hopper' }).value).toBe(
      'admin',
    );
  });

  it('shows why a role change was refused', async () => {
    const { user, api, business } = renderMembers('owner');
    api.on(
      'PATCH',
      API.member(business.id, grace.user_id),
      problem(409, 'last_owner', 'A workspace needs at least one owner.'),
    );

    await user.selectOptions(await screen.findByRole('combobox', { name: 'Role of Grace Hopper' }), 'Viewer');

    expect(await screen.findByText('A workspace needs at least one owner.')).toBeTruthy();
  });

  it('removes a member after asking', async () => {
    const { user } = renderMembers('admin');

    await user.click(await screen.findByRole('button', { name: 'Remove Grace Hopper' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Remove Grace Hopper?' })).getByRole('button', {
        name: 'Remove member',
      }),
    );

    expect(await screen.findByText('Grace Hopper was removed')).toBeTruthy();
    expect(within(await table()).queryByText('Grace Hopper')).toBeNull();
  });

  it('lets an admin manage members but not owners, nor make anyone an owner', async () => {
    const owner = aMember({ name: 'Olive Owner', email: 'olive@example.com', role: 'owner' });
    renderMembers('admin', [
      aMember({ user_id: me.id, name: me.name, email: me.email, role: 'admin' }),
      owner,
      grace,
    ]);

    const roles = await screen.findByRole('combobox', { name: 'Role of Grace Hopper' });
    expect(within(roles).queryByRole('option', { name: 'Owner' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Role of Olive Owner' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Remove Olive Owner' })).toBeNull();
    expect(within(screen.getByLabelText('Role')).queryByRole('option', { name: 'Owner' })).toBeNull();
  });

  it('shows a viewer the team without ways to change it, except leaving', async () => {
    const { user, onLeft, api, business } = renderMembers('viewer');
    api.on('DELETE', API.member(business.id, me.id), noContent());

    await table();
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByLabelText('Email address')).toBeNull();
    expect(screen.queryByRole('combobox')).toBeNull();
    expect(screen.queryByRole('button', { name: /^Remove/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Leave workspace' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Leave Bluebird Bakery?' })).getByRole('button', {
        name: 'Leave workspace',
      }),
    );

    await vi.waitFor(() => expect(onLeft).toHaveBeenCalledOnce());
  });

  it('explains a team that could not be loaded', async () => {
    const business = aBusiness();
    fakeApi()
      .on('GET', API.members(business.id), problem(503, 'service_unavailable'))
      .on('GET', API.invitations(business.id), json({ items: [] }));
    renderWithProviders(<MembersCard business={business} myUserId={me.id} onLeft={() => undefined} />);

    expect((await screen.findByRole('alert')).textContent).toMatch(/^The server is temporarily unavailable/);
  });
});
