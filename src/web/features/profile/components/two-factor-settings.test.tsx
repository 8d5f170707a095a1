import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { TwoFactorStatus } from '#shared/two-factor.schema.js';
import { getSessionState } from '#web/lib/auth/session-store.js';
import { json, noContent, problem } from '#web/test/fake-api.js';
import { aSession, aUser } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { TwoFactorSettings } from './two-factor-settings.js';

const OFF: TwoFactorStatus = {
  enabled: false,
  enabled_at: null,
  totp_enabled: false,
  passkeys: 0,
  recovery_codes_left: 0,
};
const ON: TwoFactorStatus = {
  enabled: true,
  enabled_at: '2026-03-01T10:00:00.000Z',
  totp_enabled: true,
  passkeys: 0,
  recovery_codes_left: 7,
};
const CODES = Array.from({ length: 10 }, (_, i) => `abcd-efgh-jkmn-pq${String(i).padStart(2, '0')}`);

describe('TwoFactorSettings', () => {
  it('sets up with a QR code, confirms a code, and shows the recovery codes once', async () => {
    let status = OFF;
    const person = aUser({ name: 'Ada After Enrolment' });
    const api = fakeApi()
      .on('GET', API.passkeys, json({ items: [] }))
      .on('GET', API.twoFactor, () => json(status))
      .on(
        'POST',
        API.twoFactorSetup,
        json({
          secret: 'JBSWY3DPEHPK3PXP',
          otpauth_uri: 'otpauth://totp/x?secret=JBSWY3DPEHPK3PXP',
          qr_code: 'data:image/png;base64,iVBORw0KGgo=',
        }),
      )
      .on('POST', API.twoFactorEnable, () => {
        status = { ...ON, recovery_codes_left: 10 };
        return json({ recovery_codes: CODES, session: aSession(person) });
      });
    const { user } = renderWithProviders(<TwoFactorSettings />);

    await user.click(await screen.findByRole('button', { name: 'Set up two-factor sign-in' }));
    const qr = await screen.findByRole('img', { name: /QR code/ });
    expect(qr.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(screen.getByText('JBSWY3DPEHPK3PXP')).toBeTruthy();

    await user.type(screen.getByLabelText('Code from the app'), '12');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(await screen.findByText('Enter the 6-digit code from your authenticator app')).toBeTruthy();
    expect(api.sent('POST', API.twoFactorEnable)).toEqual([]);

    await user.type(screen.getByLabelText('Code from the app'), '3 456');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));
    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(CODES);
    expect(api.sent('POST', API.twoFactorEnable)[0]?.body).toEqual({ code: '123456' });
    // Enabling signs out the other devices; this tab continues on the session the server answered.
    expect(getSessionState()).toMatchObject({ user: { name: 'Ada After Enrolment' } });

    await user.click(screen.getByRole('button', { name: 'I have saved them' }));
    expect(await screen.findByText(/10 of 10 recovery codes left/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).toBeNull();
  });

  it('says when the first code is wrong', async () => {
    fakeApi()
      .on('GET', API.passkeys, json({ items: [] }))
      .on('GET', API.twoFactor, json(OFF))
      .on(
        'POST',
        API.twoFactorSetup,
        json({
          secret: 'JBSWY3DPEHPK3PXP',
          otpauth_uri: 'otpauth://totp/x',
          qr_code: 'data:image/png;base64,AA==',
        }),
      )
      .on('POST', API.twoFactorEnable, problem(401, 'invalid_two_factor_code'));
    const { user } = renderWithProviders(<TwoFactorSettings />);

    await user.click(await screen.findByRole('button', { name: 'Set up two-factor sign-in' }));
    await user.type(await screen.findByLabelText('Code from the app'), '654321');
    await user.click(screen.getByRole('button', { name: 'Turn on' }));

    expect(await screen.findByText(/That code is not correct/)).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).toBeNull();
  });

  it('makes new recovery codes with the password', async () => {
    const api = fakeApi()
      .on('GET', API.passkeys, json({ items: [] }))
      .on('GET', API.twoFactor, json(ON))
      .on('POST', API.twoFactorRecoveryCodes, json({ recovery_codes: CODES }));
    const { user } = renderWithProviders(<TwoFactorSettings />);

    expect(await screen.findByText(/7 of 10 recovery codes left/)).toBeTruthy();
    await user.type(screen.getByLabelText('Password for new codes'), 'amber-lighthouse-meadow');
    await user.click(screen.getByRole('button', { name: 'Make new recovery codes' }));

    expect(await screen.findByRole('list', { name: 'Recovery codes' })).toBeTruthy();
    expect(api.sent('POST', API.twoFactorRecoveryCodes)[0]?.body).toEqual({
      password: 'amber-lighthouse-meadow',
    });
  });

  it('turns off with the password and a code, and says which one was wrong', async () => {
    let status = ON;
    let attempts = 0;
    const api = fakeApi()
      .on('GET', API.passkeys, json({ items: [] }))
      .on('GET', API.twoFactor, () => json(status))
      .on('POST', API.twoFactorDisable, () => {
        attempts += 1;
        if (attempts === 1) return problem(401, 'invalid_two_factor_code');
        status = OFF;
        return noContent();
      });
    const { user } = renderWithProviders(<TwoFactorSettings />);
    const form = await screen.findByRole('form', { name: 'Turn off two-factor sign-in' });

    await user.click(within(form).getByRole('button', { name: 'Turn off two-factor sign-in' }));
    expect(await within(form).findByText('Enter your password')).toBeTruthy();
    expect(api.sent('POST', API.twoFactorDisable)).toEqual([]);

    await user.type(within(form).getByLabelText('Password'), 'amber-lighthouse-meadow');
    await user.type(within(form).getByLabelText('Code or recovery code'), '000000');
    await user.click(within(form).getByRole('button', { name: 'Turn off two-factor sign-in' }));
    expect(await within(form).findByText(/That code is not correct/)).toBeTruthy();

    await user.click(within(form).getByRole('button', { name: 'Turn off two-factor sign-in' }));
    expect(await screen.findByRole('button', { name: 'Set up two-factor sign-in' })).toBeTruthy();
    expect(api.sent('POST', API.twoFactorDisable)[1]?.body).toEqual({
      password: 'amber-lighthouse-meadow',
      code: '000000',
    });
  });
});
