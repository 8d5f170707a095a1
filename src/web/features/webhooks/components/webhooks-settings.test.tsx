import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { Role } from '#shared/roles.js';
import { type Webhook, webhookSchema } from '#shared/webhook.schema.js';
import { type FakeApi, json, noContent } from '#web/test/fake-api.js';
import { aBusiness, anId } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { WebhooksSettings } from './webhooks-settings.js';

const RECEIVER = 'https://hooks.example.com/mcc';

/** The webhook endpoints over an in-memory list, as the API keeps it; every new webhook gets `id`. */
function serveWebhooks(api: FakeApi, businessId: string, id: string) {
  let webhooks: Webhook[] = [];
  return api
    .on('GET', API.webhooks, () => json({ items: webhooks }))
    .on('POST', API.webhooks, ({ body }) => {
      const fields = body as Pick<Webhook, 'url' | 'description' | 'events'>;
      const webhook = webhookSchema.parse({
        id,
        business_id: businessId,
        enabled: true,
        created_by: null,
        created_at: '2026-03-02T09:00:00.000Z',
        updated_at: '2026-03-02T09:00:00.000Z',
        ...fields,
      });
      webhooks = [webhook];
      return json({ webhook, secret: 'whsec_test_secret' }, 201);
    })
    .on('PATCH', API.webhook(id), ({ body }) => {
      webhooks = webhooks.map((webhook) => ({ ...webhook, ...(body as Partial<Webhook>) }));
      return json(webhooks[0]);
    })
    .on('DELETE', API.webhook(id), () => {
      webhooks = [];
      return noContent();
    });
}

function renderSettings(role: Role = 'owner') {
  const business = aBusiness({ role });
  const id = anId();
  const api = serveWebhooks(fakeApi(), business.id, id);
  const rendered = renderWithProviders(<WebhooksSettings business={business} />);
  const add = () => screen.getByRole('region', { name: 'Add a webhook' });
  return { ...rendered, api, business, id, add };
}

describe('WebhooksSettings', () => {
  it('checks the form with the shared schema before the server sees it', async () => {
    const { user, api, add } = renderSettings();
    await screen.findByText('No webhooks yet');

    await user.type(within(add()).getByLabelText('Payload URL'), 'not a url');
    await user.click(within(add()).getByRole('checkbox', { name: 'Content published' }));
    await user.click(within(add()).getByRole('checkbox', { name: 'Publishing failed' }));
    await user.click(within(add()).getByRole('button', { name: 'Add webhook' }));

    expect(await within(add()).findByText('Use an http(s) address')).toBeTruthy();
    expect(within(add()).getByText('Pick at least one event')).toBeTruthy();
    expect(api.sent('POST', API.webhooks)).toEqual([]);
  });

  it('adds one, shows its secret once and lists it with its events; then disables and deletes it after asking', async () => {
    const { user, api, business, add } = renderSettings();
    await screen.findByText('No webhooks yet');

    await user.type(within(add()).getByLabelText('Payload URL'), RECEIVER);
    await user.type(within(add()).getByLabelText('Description'), 'Order system');
    await user.click(within(add()).getByRole('checkbox', { name: 'Content published' }));
    await user.click(within(add()).getByRole('checkbox', { name: 'Job failed' }));
    await user.click(within(add()).getByRole('button', { name: 'Add webhook' }));

    const dialog = await screen.findByRole('dialog', { name: 'Webhook added: its signing secret' });
    expect(within(dialog).getByLabelText<HTMLInputElement>('Signing secret').value).toBe('whsec_test_secret');
    expect(api.sent('POST', API.webhooks)[0]?.body).toEqual({
      business_id: business.id,
      url: RECEIVER,
      description: 'Order system',
      events: ['content.failed', 'job.failed'],
    });
    await user.click(within(dialog).getByRole('button', { name: 'I have stored it' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(within(add()).getByLabelText<HTMLInputElement>('Payload URL').value).toBe('');
    const list = await screen.findByRole('list', { name: 'Webhooks' });
    expect(within(list).getByRole('link', { name: RECEIVER })).toBeTruthy();
    expect(
      within(within(list).getByRole('list', { name: 'Events' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Publishing failed', 'Job failed']);

    await user.click(within(list).getByRole('button', { name: 'Disable Order system' }));
    expect(await screen.findByText('Webhook disabled')).toBeTruthy();
    expect(await within(list).findByText('Disabled')).toBeTruthy();
    await user.click(within(list).getByRole('button', { name: 'Delete Order system' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Delete this webhook?' })).getByRole('button', {
        name: 'Delete webhook',
      }),
    );

    expect(await screen.findByText('Webhook deleted')).toBeTruthy();
    expect(await screen.findByText('No webhooks yet')).toBeTruthy();
  });

  it('lets an editor see nothing of the webhooks, and asks the server for none', () => {
    const business = aBusiness({ role: 'editor' });
    const api = fakeApi();
    renderWithProviders(<WebhooksSettings business={business} />);

    expect(
      screen.getByText('Only owners and admins can see and manage webhooks: their URLs are often secrets.'),
    ).toBeTruthy();
    expect(api.requests).toEqual([]);
  });
});
