import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { ApiKey } from '#shared/business.schema.js';
import { json, noContent, problem } from '#web/test/fake-api.js';
import { aBusiness, anApiKey } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { ApiKeysCard } from './api-keys-card.js';

const business = aBusiness({ role: 'admin' });

describe('ApiKeysCard', () => {
  it('tells a role that cannot manage keys so, without asking the server', async () => {
    const api = fakeApi();
    renderWithProviders(<ApiKeysCard business={{ ...business, role: 'editor' }} />);

    expect(screen.getByText('Only owners and admins can see and manage API keys.')).toBeTruthy();
    expect(api.requests).toEqual([]);
  });

  it('shows the keys loading, then that there are none', async () => {
    let answer: (keys: ApiKey[]) => void = () => undefined;
    fakeApi().on(
      'GET',
      API.apiKeys(business.id),
      () =>
        new Promise((resolve) => {
          answer = (keys) => resolve(json({ items: keys }));
        }),
    );
    renderWithProviders(<ApiKeysCard business={business} />);

    const list = screen.getByRole('region', { name: 'API keys' });
    expect((await within(list).findByRole('status')).textContent).toBe('Loading API keys');
    answer([]);
    expect(await within(list).findByText('No API keys yet')).toBeTruthy();
  });

  it('points to the API documentation, a page of the server outside the app', async () => {
    fakeApi().on('GET', API.apiKeys(business.id), json({ items: [] }));
    renderWithProviders(<ApiKeysCard business={business} />);

    const link = screen.getByRole('link', { name: 'API documentation' });
    expect(link.getAttribute('href')).toBe('/docs');
    expect(await screen.findByText('No API keys yet')).toBeTruthy();
  });

  it('explains keys that could not be loaded', async () => {
    fakeApi().on('GET', API.apiKeys(business.id), problem(403, 'forbidden'));
    renderWithProviders(<ApiKeysCard business={business} />);

    expect((await screen.findByRole('alert')).textContent).toBe(
      'Your role in this workspace does not allow that.',
    );
  });

  it('names a new key, shows its secret once, then lists it', async () => {
    const created = anApiKey({ name: 'CRM sync', role: 'viewer' });
    let keys: ApiKey[] = [];
    const api = fakeApi()
      .on('GET', API.apiKeys(business.id), () => json({ items: keys }))
      .on('POST', API.apiKeys(business.id), () => {
        keys = [created];
        return json({ api_key: created, secret: 'mcc_k1a2_secret-shown-once' }, 201);
      });
    const { user } = renderWithProviders(<ApiKeysCard business={business} />);
    await screen.findByText('No API keys yet');

    await user.click(screen.getByRole('button', { name: 'Create key' }));
    expect(await screen.findByText('Name the key (up to 100 characters)')).toBeTruthy();
    await user.type(screen.getByLabelText('Key name'), 'CRM sync');
    await user.selectOptions(screen.getByLabelText('Role'), 'Viewer');
    await user.click(screen.getByRole('button', { name: 'Create key' }));

    const dialog = await screen.findByRole('dialog', { name: 'API key “CRM sync” created' });
    expect(within(dialog).getByLabelText<HTMLInputElement>('API key secret').value).toBe(
      'mcc_k1a2_secret-shown-once',
    );
    expect(api.sent('POST', API.apiKeys(business.id))[0]?.body).toEqual({ name: 'CRM sync', role: 'viewer' });
    await user.click(within(dialog).getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    const row = (await screen.findByRole('cell', { name: 'CRM sync' })).closest('tr') as HTMLElement;
    expect(within(row).getByText('Viewer')).toBeTruthy();
    expect(within(row).getByText('Never')).toBeTruthy();
    expect(screen.queryByText(/secret-shown-once/)).toBeNull();
  });

  it('revokes a key after warning that it stops working', async () => {
    let key = anApiKey();
    fakeApi()
      .on('GET', API.apiKeys(business.id), () => json({ items: [key] }))
      .on('DELETE', API.apiKey(business.id, key.id), () => {
        key = { ...key, revoked_at: key.created_at };
        return noContent();
      });
    const { user } = renderWithProviders(<ApiKeysCard business={business} />);

    await user.click(await screen.findByRole('button', { name: 'Revoke Zapier' }));
    const dialog = screen.getByRole('dialog', { name: 'Revoke “Zapier”?' });
    expect(within(dialog).getByText(/stops working at once/)).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Revoke key' }));

    expect(await screen.findByText('Key “Zapier” revoked')).toBeTruthy();
    expect(await screen.findByText('Revoked')).toBeTruthy();
  });
});
