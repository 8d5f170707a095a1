import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { json } from '#web/test/fake-api.js';
import { aBusiness, aUser } from '#web/test/fixtures.js';
import { fakeApi } from '#web/test/render.js';
import { renderApp, serveWorkspace } from '#web/test/render-app.js';

describe('Account menu', () => {
  it('links to the API documentation as a page of its own (the server’s /docs, not an app route)', async () => {
    const business = aBusiness({ name: 'Harbour Books' });
    serveWorkspace(fakeApi().on('GET', API.members(business.id), json({ items: [] })), business);
    const { user } = renderApp(`/w/${business.id}`, { signedIn: aUser() });
    await screen.findByRole('heading', { name: 'Harbour Books', level: 1 });

    await user.click(screen.getByRole('button', { name: /^Account:/ }));
    const docs = await screen.findByRole('menuitem', { name: 'API documentation' });
    expect(docs.getAttribute('href')).toBe('/docs');
    expect(docs.hasAttribute('data-discover')).toBe(false);
  });
});
