import { screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { Passkey } from '#shared/passkey.schema.js';
import type { TwoFactorStatus } from '#shared/two-factor.schema.js';
import { getSessionState } from '#web/lib/auth/session-store.js';
import { json, noContent, problem } from '#web/test/fake-api.js';
import { aSession, aUser } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { PasskeySettings } from './passkey-settings.js';

// The browser's WebAuthn prompt (the real ceremony runs in test/e2e/passkeys.test.ts).
const startRegistration = vi.hoisted(() => vi.fn());
vi.mock('@simplewebauthn/browser', () => ({ startRegistration }));

const OFF: TwoFactorStatus = {
  enabled: false,
  enabled_at: null,
  totp_enabled: false,
  passkeys: 0,
  recovery_codes_left: 0,
};
const LAPTOP: Passkey = {
  id: '0193a1b2-0000-7000-8000-000000000001',
  name: 'Laptop',
  transports: ['internal'],
  created_at: '2026-03-01T10:00:00.000Z',
  last_used_at: null,
};
const CODES = Array.from({ length: 10 }, (_, i) => `abcd-efgh-jkmn-pq${String(i).padStart(2, '0')}`);

describe('PasskeySettings', () => {
  it('adds a named passkey; the first one hands over recovery codes and a new session', async () => {
    const person = aUser({ name: 'Ada With A Passkey' });
    const created = {
      id: 'cred',
      rawId: 'cred',
      type: 'public-key',
      response: { clientDataJSON: 'e30', attestationObject: 'oA', transports: ['internal'] },
      clientExtensionResults: {},
    };
    startRegistration.mockResolvedValueOnce(created);
    const options = {
      rp: { name: 'mcc', id: 'localhost' },
      user: { id: 'dXNlcg', name: 'ada@example.com', displayName: 'Ada' },
      challenge: 'webauthn-challenge',
      pubKeyCredParams: [{ alg: -7, type: 'public-key' }],
    };
    const api = fakeApi()
      .on('GET', API.passkeys, json({ items: [] }))
      .on('POST', API.passkeyOptions, json(options))
      .on(
        'POST',
        API.passkeys,
        json({ passkey: LAPTOP, recovery_codes: CODES, session: aSession(person) }, 201),
      );
    const onCodes = vi.fn();
    const { user } = renderWithProviders(<PasskeySettings status={OFF} onCodes={onCodes} />);

    await user.click(await screen.findByRole('button', { name: 'Add a passkey' }));
    expect(await screen.findByText(/Give the passkey a name/)).toBeTruthy();
    expect(api.sent('POST', API.passkeyOptions)).toEqual([]);

    await user.type(screen.getByLabelText('Passkey name'), ' Laptop ');
    await user.click(screen.getByRole('button', { name: 'Add a passkey' }));
    await vi.waitFor(() => expect(onCodes).toHaveBeenCalledWith(CODES));
    expect(startRegistration).toHaveBeenCalledWith({ optionsJSON: options });
    expect(api.sent('POST', API.passkeys)[0]?.body).toEqual({ name: 'Laptop', response: created });
    expect(getSessionState()).toMatchObject({ user: { name: 'Ada With A Passkey' } });
  });

  it('removes the only second factor with the password and a recovery code', async () => {
    const api = fakeApi()
      .on('GET', API.passkeys, json({ items: [LAPTOP] }))
      .on('POST', API.passkeyRemove(LAPTOP.id), (request) =>
        (request.body as { code?: string }).code === 'wrong-code-here'
          ? problem(401, 'invalid_two_factor_code')
          : noContent(),
      );
    const { user } = renderWithProviders(
      <PasskeySettings
        status={{ ...OFF, enabled: true, passkeys: 1, recovery_codes_left: 10 }}
        onCodes={vi.fn()}
      />,
    );

    await user.click(await screen.findByRole('button', { name: 'Remove Laptop' }));
    const form = screen.getByRole('form', { name: 'Remove Laptop' });
    expect(within(form).getByText(/turns two-factor sign-in off/)).toBeTruthy();
    await user.type(within(form).getByLabelText('Password'), 'amber-lighthouse-meadow');
    await user.click(within(form).getByRole('button', { name: 'Remove passkey' }));
    expect(await within(form).findByText('Enter a recovery code')).toBeTruthy();

    await user.type(within(form).getByLabelText('Recovery code'), 'wrong-code-here');
    await user.click(within(form).getByRole('button', { name: 'Remove passkey' }));
    expect(await within(form).findByText(/That code is not correct/)).toBeTruthy();

    await user.clear(within(form).getByLabelText('Recovery code'));
    await user.type(within(form).getByLabelText('Recovery code'), CODES[0] ?? '');
    await user.click(within(form).getByRole('button', { name: 'Remove passkey' }));
    await vi.waitFor(() => expect(api.sent('POST', API.passkeyRemove(LAPTOP.id))).toHaveLength(2));
    expect(api.sent('POST', API.passkeyRemove(LAPTOP.id))[1]?.body).toEqual({
      password: 'amber-lighthouse-meadow',
      code: CODES[0],
    });
  });
});
