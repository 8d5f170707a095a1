import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { ConnectNetworkAccountBody, NetworkAccount } from '#shared/network.schema.js';
import type { OAuthNetwork } from '#shared/oauth.schema.js';
import type { Role } from '#shared/roles.js';
import { type FakeApi, json, noContent, problem } from '#web/test/fake-api.js';
import { aBlueskyAccount, aBusiness, aNetworkAccount, anId, aUser } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { renderApp, serveWorkspace } from '#web/test/render-app.js';
import { ChannelsSettings } from './channels-settings.js';

const INSTANCE = 'https://mastodon.social';
const CREATED_AT = '2026-12-01T10:00:00.000Z';
const REFUSED = 'Mastodon refused the token: The access token is invalid';

const X_NETWORK: OAuthNetwork = {
  network: 'x',
  name: 'X',
  scopes: ['tweet.read', 'tweet.write', 'users.read', 'offline.access', 'media.write'],
  redirect_url: 'https://mcc.example.org/api/oauth/x/callback',
  app_source: 'instance',
  workspace_app: null,
};

/** The network-account endpoints over an in-memory list, as the API keeps it. */
function serveAccounts(
  api: FakeApi,
  businessId: string,
  initial: NetworkAccount[] = [],
  oauthNetworks: OAuthNetwork[] = [X_NETWORK],
) {
  let accounts = initial;
  return api
    .on('GET', API.oauthNetworks, () => json({ items: oauthNetworks }))
    .on('GET', API.networkAccounts, ({ query }) =>
      json({ items: accounts.filter((account) => account.business_id === query.get('business_id')) }),
    )
    .on('POST', API.networkAccounts, ({ body }) => {
      const connect = body as ConnectNetworkAccountBody;
      const account =
        connect.network === 'bluesky'
          ? aBlueskyAccount({
              business_id: businessId,
              handle: `@${connect.credentials.handle}`,
              base_url: connect.credentials.pds_url,
            })
          : connect.network === 'mastodon'
            ? aNetworkAccount({ business_id: businessId, base_url: connect.credentials.instance_url })
            : aNetworkAccount({ business_id: businessId, network: connect.network, base_url: null });
      accounts = [...accounts, account];
      return json(account, 201);
    });
}

function renderSettings(
  accounts: NetworkAccount[] = [],
  role: Role = 'owner',
  { oauthNetworks = [X_NETWORK], url = '/' }: { oauthNetworks?: OAuthNetwork[]; url?: string } = {},
) {
  const business = aBusiness({ role });
  const api = serveAccounts(
    fakeApi(),
    business.id,
    accounts.map((account) => ({ ...account, business_id: business.id })),
    oauthNetworks,
  );
  const visited: string[] = [];
  const rendered = renderWithProviders(
    <ChannelsSettings business={business} go={(to) => visited.push(to)} />,
    { url, route: '/' },
  );
  const connect = () => screen.getByRole('region', { name: 'Connect Mastodon' });
  const connectBluesky = () => screen.getByRole('region', { name: 'Connect Bluesky' });
  return { ...rendered, api, business, connect, connectBluesky, visited };
}

/** The message shown under a field, found through the field's own description. */
function fieldError(input: HTMLElement): string | null {
  return document.getElementById(`${input.id}-error`)?.textContent ?? null;
}

describe('ChannelsSettings', () => {
  it('shows each account’s avatar from our own API as a data: URL, and initials without one', async () => {
    const businessId = anId();
    const pictured = aNetworkAccount({ business_id: businessId });
    const src = `${API.networkAccountAvatar(pictured.id)}?v=abc123`;
    const { api } = renderSettings([
      { ...pictured, avatar_src: src },
      aNetworkAccount({
        business_id: businessId,
        display_name: 'Bakery news',
        handle: '@news@fosstodon.org',
      }),
    ]);
    api.on('GET', API.networkAccountAvatar(pictured.id), {
      status: 200,
      text: 'webp-bytes',
      headers: { 'content-type': 'image/webp' },
    });

    const list = await screen.findByRole('list', { name: 'Connected accounts' });
    const [withPicture, without] = within(list).getAllByRole('listitem') as [HTMLElement, HTMLElement];
    // The CSP allows `data:` and our origin, never the network's host (avatar_url).
    await vi.waitFor(() =>
      expect(withPicture.querySelector('img')?.getAttribute('src')).toMatch(/^data:image\/webp;base64,/),
    );
    const [request] = api.sent('GET', API.networkAccountAvatar(pictured.id));
    expect(request?.query.get('v')).toBe('abc123');
    expect(request?.headers.get('authorization')).toMatch(/^Bearer /);
    expect(without.querySelector('img')).toBeNull();
    expect(without.querySelector('.network-account__avatar')?.textContent).toBe('BN');
  });

  it('lists each account with its network, instance and token health, and says why one needs reconnecting', async () => {
    const businessId = anId();
    renderSettings([
      aNetworkAccount({ business_id: businessId }),
      aNetworkAccount({
        business_id: businessId,
        display_name: 'Bakery news',
        handle: '@news@fosstodon.org',
        base_url: 'https://fosstodon.org',
        status: 'needs_reconnect',
        last_error: 'Mastodon refused the token (HTTP 401): The access token was revoked',
      }),
    ]);

    const list = await screen.findByRole('list', { name: 'Connected accounts' });
    const [ok, broken] = within(list).getAllByRole('listitem') as [HTMLElement, HTMLElement];
    expect(within(ok).getByText('Bluebird Bakery')).toBeTruthy();
    expect(within(ok).getByRole('link', { name: '@bakery@mastodon.social' })).toBeTruthy();
    expect(within(ok).getByText('Connected')).toBeTruthy();
    expect(within(ok).getByText(/on mastodon\.social · Token does not expire · last checked/)).toBeTruthy();
    expect(within(broken).getByText('Needs reconnecting')).toBeTruthy();
    expect(within(broken).getByText(/on fosstodon\.org/)).toBeTruthy();
    expect(within(broken).getByText(/The access token was revoked/)).toBeTruthy();
    expect(
      within(broken).getByRole<HTMLButtonElement>('button', { name: 'Sync @news@fosstodon.org now' })
        .disabled,
    ).toBe(true);
  });

  it('checks the form with the shared schema, then connects and lists the account', async () => {
    const { user, api, business, connect } = renderSettings();
    await screen.findByText('No account connected yet');
    const instance = within(connect()).getByLabelText('Instance address');
    const token = within(connect()).getByLabelText('Access token');

    await user.type(instance, 'mastodon.social');
    await user.click(within(connect()).getByRole('button', { name: 'Connect Mastodon' }));
    expect(
      await within(connect()).findByText('Use the instance’s address, such as https://mastodon.social'),
    ).toBeTruthy();
    expect(fieldError(token)).toBe('Paste the access token');
    expect(api.sent('POST', API.networkAccounts)).toEqual([]);

    await user.clear(instance);
    await user.type(instance, INSTANCE);
    await user.type(token, 'tok_abc123');
    await user.click(within(connect()).getByRole('button', { name: 'Connect Mastodon' }));

    expect(await screen.findByText('@bakery@mastodon.social connected')).toBeTruthy();
    expect(api.sent('POST', API.networkAccounts)[0]?.body).toEqual({
      business_id: business.id,
      network: 'mastodon',
      credentials: { instance_url: INSTANCE, access_token: 'tok_abc123' },
    });
    const list = await screen.findByRole('list', { name: 'Connected accounts' });
    expect(within(list).getByText('Bluebird Bakery')).toBeTruthy();
    expect(within(connect()).getByLabelText<HTMLInputElement>('Access token').value).toBe('');
  });

  it('shows Mastodon’s refusal on the token field', async () => {
    const { user, api, connect } = renderSettings();
    api.on('POST', API.networkAccounts, () =>
      problem(422, 'network_refused', REFUSED, [
        { path: 'body.credentials.access_token', message: REFUSED, code: 'token_refused' },
      ]),
    );
    await screen.findByText('No account connected yet');

    await user.type(within(connect()).getByLabelText('Instance address'), INSTANCE);
    await user.type(within(connect()).getByLabelText('Access token'), 'revoked-token');
    await user.click(within(connect()).getByRole('button', { name: 'Connect Mastodon' }));

    const token = within(connect()).getByLabelText('Access token');
    expect(await within(connect()).findByText(REFUSED)).toBeTruthy();
    expect(fieldError(token)).toBe(REFUSED);
    expect(token.getAttribute('aria-invalid')).toBe('true');
    expect(within(connect()).queryByRole('alert')).toBeNull();
    expect(screen.getByText('No account connected yet')).toBeTruthy();
  });

  it('reconnects an account with a new token for its instance', async () => {
    const businessId = anId();
    const broken = aNetworkAccount({
      business_id: businessId,
      status: 'needs_reconnect',
      last_error: REFUSED,
    });
    const { user, api } = renderSettings([broken]);
    const fixed = { ...broken, status: 'connected' as const, last_error: null };
    api.on('PUT', API.networkAccountCredentials(broken.id), () => {
      api.on('GET', API.networkAccounts, json({ items: [fixed] }));
      return json(fixed);
    });

    await user.click(await screen.findByRole('button', { name: 'Reconnect @bakery@mastodon.social' }));
    const dialog = screen.getByRole('dialog', { name: 'Reconnect @bakery@mastodon.social' });
    const instance = within(dialog).getByLabelText<HTMLInputElement>('Instance address');
    expect(instance.value).toBe(INSTANCE);
    expect(instance.readOnly).toBe(true);
    await user.type(within(dialog).getByLabelText('Access token'), 'new-token');
    await user.click(within(dialog).getByRole('button', { name: 'Reconnect' }));

    expect(await screen.findByText('@bakery@mastodon.social reconnected')).toBeTruthy();
    expect(api.sent('PUT', API.networkAccountCredentials(broken.id))[0]?.body).toEqual({
      credentials: { instance_url: INSTANCE, access_token: 'new-token' },
    });
    expect(await screen.findByText('Connected')).toBeTruthy();
    expect(screen.queryByText('Needs reconnecting')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('connects a Bluesky account with its handle and an app password, on bsky.social unless told otherwise', async () => {
    const { user, api, business, connectBluesky } = renderSettings();
    await screen.findByText('No account connected yet');
    const form = connectBluesky();
    const handle = within(form).getByLabelText('Handle');
    const password = within(form).getByLabelText('App password');
    const pds = within(form).getByLabelText<HTMLInputElement>('PDS address');
    expect(pds.value).toBe('https://bsky.social');

    await user.type(handle, '@bakery.bsky.social');
    // The account's own password is refused before it leaves the browser.
    await user.type(password, 'my-secret-password');
    await user.click(within(form).getByRole('button', { name: 'Connect Bluesky' }));
    expect(await within(form).findByText(/Use an app password/)).toBeTruthy();
    expect(fieldError(password)).toContain('never the account’s own password');
    expect(api.sent('POST', API.networkAccounts)).toEqual([]);

    await user.clear(password);
    await user.type(password, 'ABCD-efgh-ijkl-mnop');
    await user.click(within(form).getByRole('button', { name: 'Connect Bluesky' }));

    expect(await screen.findByText('@bakery.bsky.social connected')).toBeTruthy();
    expect(api.sent('POST', API.networkAccounts)[0]?.body).toEqual({
      business_id: business.id,
      network: 'bluesky',
      credentials: {
        handle: 'bakery.bsky.social',
        app_password: 'abcd-efgh-ijkl-mnop',
        pds_url: 'https://bsky.social',
      },
    });
    const list = await screen.findByRole('list', { name: 'Connected accounts' });
    const [item] = within(list).getAllByRole('listitem') as [HTMLElement];
    expect(within(item).getByText('Bluesky')).toBeTruthy();
    expect(within(item).getByRole('link', { name: '@bakery.bsky.social' })).toBeTruthy();
    expect(within(item).getByText(/on bsky\.social · Token expires/)).toBeTruthy();
  });

  it('shows Bluesky’s refusal on the app password field', async () => {
    const refused = 'Bluesky refused the app password: Invalid identifier or password';
    const { user, api, connectBluesky } = renderSettings();
    api.on('POST', API.networkAccounts, () =>
      problem(422, 'network_refused', refused, [
        { path: 'body.credentials.app_password', message: refused, code: 'token_refused' },
      ]),
    );
    await screen.findByText('No account connected yet');

    const form = connectBluesky();
    await user.type(within(form).getByLabelText('Handle'), 'bakery.bsky.social');
    await user.clear(within(form).getByLabelText('PDS address'));
    await user.type(within(form).getByLabelText('PDS address'), 'https://pds.bakery.example');
    await user.type(within(form).getByLabelText('App password'), 'abcd-efgh-ijkl-mnop');
    await user.click(within(form).getByRole('button', { name: 'Connect Bluesky' }));

    const password = within(form).getByLabelText('App password');
    expect(await within(form).findByText(refused)).toBeTruthy();
    expect(fieldError(password)).toBe(refused);
    expect(password.getAttribute('aria-invalid')).toBe('true');
    expect(api.sent('POST', API.networkAccounts)[0]?.body).toMatchObject({
      credentials: { pds_url: 'https://pds.bakery.example' },
    });
  });

  it('reconnects a Bluesky account with a new app password for its handle and PDS', async () => {
    const businessId = anId();
    const broken = aBlueskyAccount({
      business_id: businessId,
      status: 'needs_reconnect',
      last_error: 'Bluesky refused the session (HTTP 400 ExpiredToken): Token has been revoked',
    });
    const { user, api } = renderSettings([broken]);
    const fixed = { ...broken, status: 'connected' as const, last_error: null };
    api.on('PUT', API.networkAccountCredentials(broken.id), () => {
      api.on('GET', API.networkAccounts, json({ items: [fixed] }));
      return json(fixed);
    });

    expect(await screen.findByText(/Token has been revoked/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Reconnect @bakery.bsky.social' }));
    const dialog = screen.getByRole('dialog', { name: 'Reconnect @bakery.bsky.social' });
    const handle = within(dialog).getByLabelText<HTMLInputElement>('Handle');
    expect(handle.value).toBe('bakery.bsky.social');
    expect(handle.readOnly).toBe(true);
    expect(within(dialog).getByLabelText<HTMLInputElement>('PDS address').readOnly).toBe(true);
    await user.type(within(dialog).getByLabelText('App password'), 'wxyz-2345-abcd-efgh');
    await user.click(within(dialog).getByRole('button', { name: 'Reconnect' }));

    expect(await screen.findByText('@bakery.bsky.social reconnected')).toBeTruthy();
    expect(api.sent('PUT', API.networkAccountCredentials(broken.id))[0]?.body).toEqual({
      credentials: {
        handle: 'bakery.bsky.social',
        app_password: 'wxyz-2345-abcd-efgh',
        pds_url: 'https://bsky.social',
      },
    });
  });

  it('connects a Telegram channel with a masked bot token, its @username normalised by the shared schema', async () => {
    const { user, api, business } = renderSettings();
    await screen.findByText('No account connected yet');
    const form = screen.getByRole('region', { name: 'Connect Telegram' });
    const token = within(form).getByLabelText<HTMLInputElement>('Bot token');
    expect(token.type).toBe('password');
    expect(within(form).getByText('@BotFather')).toBeTruthy();

    await user.type(token, 'not a token');
    await user.type(within(form).getByLabelText('Channel'), 't.me/bakerynews');
    await user.click(within(form).getByRole('button', { name: 'Connect Telegram' }));
    expect(fieldError(token)).toMatch(/Paste the token @BotFather gave/);
    expect(api.sent('POST', API.networkAccounts)).toEqual([]);

    await user.clear(token);
    await user.type(token, `123456789:${'A'.repeat(35)}`);
    await user.click(within(form).getByRole('button', { name: 'Connect Telegram' }));
    await screen.findByText(/connected$/);
    expect(api.sent('POST', API.networkAccounts)[0]?.body).toEqual({
      business_id: business.id,
      network: 'telegram',
      credentials: { bot_token: `123456789:${'A'.repeat(35)}`, channel: '@bakerynews' },
    });
  });

  it('offers no Sync for a webhook account: nothing comes back from it', async () => {
    const businessId = anId();
    renderSettings([
      aNetworkAccount({
        business_id: businessId,
        network: 'slack',
        display_name: '#announcements',
        handle: '#announcements',
        base_url: null,
        profile_url: null,
      }),
    ]);
    const list = await screen.findByRole('list', { name: 'Connected accounts' });
    expect(within(list).getByText(/publishes only: no results or messages come back/)).toBeTruthy();
    expect(within(list).queryByRole('button', { name: /^Sync/ })).toBeNull();
    expect(within(list).getByRole('button', { name: 'Reconnect #announcements' })).toBeTruthy();
  });

  it('disconnects an account only after asking', async () => {
    const businessId = anId();
    const account = aNetworkAccount({ business_id: businessId });
    const { user, api } = renderSettings([account]);
    api.on('DELETE', API.networkAccount(account.id), () => {
      api.on('GET', API.networkAccounts, json({ items: [] }));
      return noContent();
    });

    await user.click(await screen.findByRole('button', { name: 'Disconnect @bakery@mastodon.social' }));
    const dialog = screen.getByRole('dialog', { name: 'Disconnect @bakery@mastodon.social?' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(api.sent('DELETE', API.networkAccount(account.id))).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Disconnect @bakery@mastodon.social' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Disconnect @bakery@mastodon.social?' })).getByRole(
        'button',
        {
          name: 'Disconnect',
        },
      ),
    );

    expect(await screen.findByText('@bakery@mastodon.social disconnected')).toBeTruthy();
    expect(await screen.findByText('No account connected yet')).toBeTruthy();
    expect(api.sent('DELETE', API.networkAccount(account.id))).toHaveLength(1);
  });

  it('syncs now and says what it read, with what could not be read', async () => {
    const account = aNetworkAccount({ business_id: anId() });
    const { user, api } = renderSettings([account]);
    api.on(
      'POST',
      API.networkAccountSync(account.id),
      json({ posts_measured: 3, messages_received: 1, problems: ['Status 42 is gone'] }),
    );

    await user.click(await screen.findByRole('button', { name: 'Sync @bakery@mastodon.social now' }));

    expect(
      await screen.findByText('Results of 3 posts and 1 new message read from @bakery@mastodon.social'),
    ).toBeTruthy();
    expect(screen.getByText('Status 42 is gone')).toBeTruthy();
  });

  it('shows an editor nothing of the accounts, and asks the server for none', () => {
    const business = aBusiness({ role: 'editor' });
    const api = fakeApi();
    renderWithProviders(<ChannelsSettings business={business} />);

    expect(
      screen.getByText('Only owners and admins can see and connect the workspace’s network accounts.'),
    ).toBeTruthy();
    expect(api.requests).toEqual([]);
  });
});

describe('ChannelsSettings with OAuth networks', () => {
  const CONSENT = 'https://x.com/i/oauth2/authorize?state=s';

  it('shows the redirect URL to register, and Connect goes to the network’s consent page', async () => {
    const { user, api, business, visited } = renderSettings();
    const card = await screen.findByRole('region', { name: 'Connect X' });
    expect(within(card).getByText('https://mcc.example.org/api/oauth/x/callback')).toBeTruthy();
    expect(within(card).getByText(/This server has its own X app/)).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Copy the X redirect URL' })).toBeTruthy();
    api.on('POST', API.oauthStart('x'), () => json({ authorization_url: CONSENT, expires_at: CREATED_AT }));

    await user.click(within(card).getByRole('button', { name: 'Connect X' }));

    await vi.waitFor(() => expect(visited).toEqual([CONSENT]));
    expect(api.requests.find((request) => request.path === API.oauthStart('x'))?.body).toEqual({
      business_id: business.id,
    });
  });

  it('asks for the workspace’s own app when the server has none, and keeps its secret out of sight', async () => {
    const { user, api } = renderSettings([], 'owner', {
      oauthNetworks: [{ ...X_NETWORK, app_source: null }],
    });
    const card = await screen.findByRole('region', { name: 'Connect X' });
    expect(within(card).getByRole<HTMLButtonElement>('button', { name: 'Connect X' }).disabled).toBe(true);
    api.on('PUT', API.oauthApp('x'), () =>
      json({
        ...X_NETWORK,
        app_source: 'workspace',
        workspace_app: { client_id: 'my-client', has_secret: true, updated_at: CREATED_AT },
      }),
    );

    await user.type(within(card).getByLabelText('Client ID'), 'my-client');
    await user.type(within(card).getByLabelText('Client secret'), 'my-secret');
    await user.click(within(card).getByRole('button', { name: 'Save the app' }));

    expect(await screen.findByText('X app saved')).toBeTruthy();
    expect(api.requests.find((request) => request.path === API.oauthApp('x'))?.body).toMatchObject({
      client_id: 'my-client',
      client_secret: 'my-secret',
    });
  });

  it('reconnects an X account by running the flow again for it, and shows its token’s scopes', async () => {
    const businessId = anId();
    const account = aNetworkAccount({
      business_id: businessId,
      network: 'x',
      handle: '@bakery',
      base_url: null,
      scopes: ['tweet.read', 'tweet.write'],
      token_expires_at: '2099-01-01T00:00:00.000Z',
    });
    const { user, api, visited } = renderSettings([account]);
    api.on('POST', API.oauthStart('x'), () => json({ authorization_url: CONSENT, expires_at: CREATED_AT }));

    expect(await screen.findByText('Scopes: tweet.read, tweet.write')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Reconnect @bakery' }));

    await vi.waitFor(() => expect(visited).toEqual([CONSENT]));
    expect(api.requests.find((request) => request.path === API.oauthStart('x'))?.body).toMatchObject({
      account_id: account.id,
    });
  });

  it('reconnects an OAuth account through the flow even before the list of OAuth networks has come', async () => {
    const businessId = anId();
    const account = aNetworkAccount({
      business_id: businessId,
      network: 'linkedin',
      display_name: 'Bakery & Co',
      handle: 'Bakery & Co',
      base_url: null,
      scopes: ['w_organization_social', 'r_organization_social'],
      token_expires_at: '2099-01-01T00:00:00.000Z',
    });
    // The server's list of OAuth networks (which says how each account reconnects) is empty here, as while
    // it loads or when it failed: LinkedIn has no credentials form, so the flow is still the way back.
    const { user, api, visited } = renderSettings([account], 'owner', { oauthNetworks: [] });
    api.on('POST', API.oauthStart('linkedin'), () =>
      json({ authorization_url: CONSENT, expires_at: CREATED_AT }),
    );
    const item = (await screen.findByText('Bakery & Co', { selector: '.network-account__name' })).closest(
      'li',
    );
    if (!item) throw new Error('no account item');
    expect(within(item).getByText(/Token expires/)).toBeTruthy();
    expect(within(item).getByText('Scopes: w_organization_social, r_organization_social')).toBeTruthy();
    expect(within(item).getByRole('button', { name: 'Sync Bakery & Co now' })).toBeTruthy();
    await user.click(within(item).getByRole('button', { name: 'Reconnect Bakery & Co' }));

    await vi.waitFor(() => expect(visited).toEqual([CONSENT]));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(api.requests.find((request) => request.path === API.oauthStart('linkedin'))?.body).toMatchObject({
      account_id: account.id,
    });
  });

  it('says why the network did not connect, from the callback’s redirect', async () => {
    renderSettings([], 'owner', {
      url: '/?oauth=failed&network=x&message=You+did+not+allow+mcc+to+use+your+X+account',
    });
    expect(await screen.findByText('You did not allow mcc to use your X account')).toBeTruthy();
  });

  it('lets the person pick the account when the login manages several', async () => {
    const flowId = anId();
    const business = aBusiness({ role: 'owner' });
    const api = serveAccounts(fakeApi(), business.id)
      .on('GET', API.oauthPick(flowId), () =>
        json({
          id: flowId,
          business_id: business.id,
          network: 'x',
          targets: [
            { id: 'north', name: 'Bakery North', avatar_url: null },
            { id: 'south', name: 'Bakery South', avatar_url: null },
          ],
          expires_at: CREATED_AT,
        }),
      )
      .on('POST', API.oauthPick(flowId), () =>
        json(aNetworkAccount({ business_id: business.id, network: 'x', display_name: 'Bakery South' }), 201),
      );
    const { user } = renderWithProviders(<ChannelsSettings business={business} />, {
      url: `/?oauth=pick&network=x&flow=${flowId}`,
      route: '/',
    });

    const dialog = await screen.findByRole('dialog', { name: 'Which X account?' });
    await user.click(await within(dialog).findByLabelText('Bakery South'));
    await user.click(within(dialog).getByRole('button', { name: 'Connect' }));

    expect(await screen.findByText('Bakery South connected')).toBeTruthy();
    expect(
      api.requests.find((request) => request.method === 'POST' && request.path === API.oauthPick(flowId))
        ?.body,
    ).toEqual({
      target_id: 'south',
    });
  });
});

describe('Settings → Channels', () => {
  it('is a settings tab for an admin and opens the accounts', async () => {
    const business = aBusiness({ role: 'admin' });
    serveAccounts(serveWorkspace(fakeApi(), business), business.id);
    const { user } = renderApp(`/w/${business.id}/settings`, { signedIn: aUser() });

    const nav = await screen.findByRole('navigation', { name: 'Settings' });
    await user.click(within(nav).getByRole('link', { name: 'Channels' }));

    expect(await screen.findByRole('region', { name: 'Connect Mastodon' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Connect Bluesky' })).toBeTruthy();
    expect(await screen.findByText('No account connected yet')).toBeTruthy();
  });

  it('is no tab for an editor', async () => {
    const business = aBusiness({ role: 'editor' });
    serveWorkspace(fakeApi(), business);
    renderApp(`/w/${business.id}/settings`, { signedIn: aUser() });

    const nav = await screen.findByRole('navigation', { name: 'Settings' });
    expect(within(nav).queryByRole('link', { name: 'Channels' })).toBeNull();
    expect(within(nav).getByRole('link', { name: 'Members' })).toBeTruthy();
  });
});
