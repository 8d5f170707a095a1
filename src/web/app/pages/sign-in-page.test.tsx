import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { json, never, noContent } from '#web/test/fake-api.js';
import { aBusiness, aSession, aUser } from '#web/test/fixtures.js';
import { fakeApi } from '#web/test/render.js';
import { renderApp, serveWorkspace } from '#web/test/render-app.js';

const person = aUser();

async function signInAs(user: ReturnType<typeof renderApp>['user']) {
  await user.type(await screen.findByLabelText('Email'), person.email);
  await user.type(screen.getByLabelText('Password'), 'amber-lighthouse-meadow');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('Sign-in page', () => {
  it('sends a visitor to sign in, then back to the page they asked for', async () => {
    const business = aBusiness();
    const api = fakeApi().on('POST', API.login, json(aSession(person)));
    serveWorkspace(api, business).on('GET', API.jobs, json({ items: [], next_cursor: null }));
    const { user, location } = renderApp(`/w/${business.id}/jobs?state=dead`, { signedIn: null });

    await screen.findByRole('heading', { name: 'Sign in', level: 1 });
    expect(location()).toBe(`/sign-in?next=${encodeURIComponent(`/w/${business.id}/jobs?state=dead`)}`);
    await signInAs(user);

    expect(await screen.findByRole('heading', { name: 'Jobs', level: 1 })).toBeTruthy();
    expect(location()).toBe(`/w/${business.id}/jobs?state=dead`);
  });

  it('lands where the sign-in page decides, never on the home page first', async () => {
    const business = aBusiness();
    let release = () => {};
    const listed = new Promise<void>((resolve) => {
      release = resolve;
    });
    const api = fakeApi().on('POST', API.login, json(aSession(person)));
    serveWorkspace(api, business)
      .on('GET', API.businesses, async () => {
        await listed;
        return json({ items: [business] });
      })
      .on('GET', API.jobs, json({ items: [], next_cursor: null }));
    const { user, location } = renderApp(`/w/${business.id}/jobs`, { signedIn: null });
    await screen.findByRole('heading', { name: 'Sign in', level: 1 });
    await signInAs(user);

    // Signed in, the landing waits for the workspace list: meanwhile nothing sends the person home.
    await waitFor(() => expect(api.sent('GET', API.businesses)).toHaveLength(1));
    expect(location()).toMatch(/^\/sign-in\?next=/);
    release();
    expect(await screen.findByRole('heading', { name: 'Jobs', level: 1 })).toBeTruthy();
    expect(location()).toBe(`/w/${business.id}/jobs`);
    expect(api.sent('GET', API.members(business.id))).toEqual([]);
  });

  it('never follows a `next` that leaves the site', async () => {
    fakeApi()
      .on('POST', API.login, json(aSession(person)))
      .on('GET', API.businesses, json({ items: [] }));
    const { user, location } = renderApp('/sign-in?next=%2F%2Fevil.example%2Fphish', { signedIn: null });

    await signInAs(user);

    // Home, which sends someone without a workspace to onboarding.
    expect(await screen.findByRole('heading', { name: 'Create your first business' })).toBeTruthy();
    expect(location()).toBe('/onboarding');
  });

  it('sends a signed-in person on to their workspace', async () => {
    const business = aBusiness({ name: 'Harbour Books' });
    const api = fakeApi().on('GET', API.members(business.id), json({ items: [] }));
    serveWorkspace(api, business);
    const { location } = renderApp('/sign-in', { signedIn: person });

    await screen.findByRole('heading', { name: 'Harbour Books', level: 1 });
    expect(location()).toBe(`/w/${business.id}`);
  });

  it("signing out leads to plain sign-in: the next person is not sent to the last one's workspace", async () => {
    const business = aBusiness({ name: 'Harbour Books' });
    const api = fakeApi()
      .on('GET', API.members(business.id), json({ items: [] }))
      .on('POST', API.logout, noContent());
    serveWorkspace(api, business);
    const { user, location } = renderApp(`/w/${business.id}`, { signedIn: person });
    await screen.findByRole('heading', { name: 'Harbour Books', level: 1 });

    await user.click(screen.getByRole('button', { name: /^Account:/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));

    await screen.findByRole('heading', { name: 'Sign in', level: 1 });
    expect(location()).toBe('/sign-in');
  });

  it('signs out at once, before the server answers, so nothing coming back meanwhile can leave a `next`', async () => {
    const business = aBusiness({ name: 'Harbour Books' });
    const api = fakeApi()
      .on('GET', API.members(business.id), json({ items: [] }))
      // The server has revoked the session but its answer is still on the way; a request in flight then
      // comes back 401, which would otherwise end the session as expired, with a `next` to this workspace.
      .on('POST', API.logout, () => never());
    serveWorkspace(api, business);
    const { user, location } = renderApp(`/w/${business.id}`, { signedIn: person });
    await screen.findByRole('heading', { name: 'Harbour Books', level: 1 });

    await user.click(screen.getByRole('button', { name: /^Account:/ }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));

    await screen.findByRole('heading', { name: 'Sign in', level: 1 });
    expect(location()).toBe('/sign-in');
  });

  it('a `next` into a workspace the person signing in cannot see opens their own home instead', async () => {
    const mine = aBusiness({ name: 'Harbour Books' });
    const api = fakeApi()
      .on('POST', API.login, json(aSession(person)))
      .on('GET', API.members(mine.id), json({ items: [] }));
    serveWorkspace(api, mine);
    const { user, location } = renderApp(
      `/sign-in?next=${encodeURIComponent('/w/someone-elses-workspace/calendar')}`,
      { signedIn: null },
    );

    await signInAs(user);

    await screen.findByRole('heading', { name: 'Harbour Books', level: 1 });
    expect(location()).toBe(`/w/${mine.id}`);
    expect(screen.queryByText('Workspace not found')).toBeNull();
  });
});
