import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import {
  NOTIFICATION_KIND_INFO,
  NOTIFICATION_KINDS,
  type NotificationPreferences,
} from '#shared/notifications.schema.js';
import { json } from '#web/test/fake-api.js';
import { aBusiness } from '#web/test/fixtures.js';
import { testI18n } from '#web/test/i18n.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { NotificationPreferencesCard } from './notification-preferences-card.js';

const business = aBusiness();

function preferences(mail: NotificationPreferences['mail'], off: string[] = []): NotificationPreferences {
  return {
    mail,
    items: NOTIFICATION_KINDS.map((kind) => ({
      kind,
      in_app: true as const,
      email: NOTIFICATION_KIND_INFO[kind].emailByDefault && !off.includes(kind),
    })),
  };
}

describe('NotificationPreferencesCard', () => {
  it('shows each kind’s email choice and saves a change at once', async () => {
    const api = fakeApi()
      .on('GET', API.notificationPreferences(business.id), json(preferences('smtp')))
      .on('PUT', API.notificationPreferences(business.id), json(preferences('smtp', ['weekly_digest'])));
    const { user } = renderWithProviders(
      <NotificationPreferencesCard businessId={business.id} workspaceName={business.name} />,
    );
    const digest = (await screen.findByLabelText('Email me: Weekly digest')) as HTMLInputElement;
    expect(digest.checked).toBe(true);
    expect((screen.getByLabelText('Email me: Urgent or negative message') as HTMLInputElement).checked).toBe(
      false,
    );
    await user.click(digest);
    expect(await screen.findByText('“Weekly digest” now shows in the app only.')).toBeTruthy();
    expect(api.sent('PUT', API.notificationPreferences(business.id))[0]?.body).toEqual({
      email: { weekly_digest: false },
    });
    expect((screen.getByLabelText('Email me: Weekly digest') as HTMLInputElement).checked).toBe(false);
  });

  it('names each kind in English as the shared schema does, and in French', () => {
    const english = testI18n('en').getFixedT('en', 'notifications');
    const french = testI18n('fr').getFixedT('fr', 'notifications');
    for (const kind of NOTIFICATION_KINDS) {
      expect(english(`kinds.${kind}.label`)).toBe(NOTIFICATION_KIND_INFO[kind].label);
      expect(english(`kinds.${kind}.description`)).toBe(NOTIFICATION_KIND_INFO[kind].description);
      expect(french(`kinds.${kind}.label`)).not.toBe(NOTIFICATION_KIND_INFO[kind].label);
    }
  });

  it('says so when the server sends no email', async () => {
    fakeApi().on('GET', API.notificationPreferences(business.id), json(preferences('none')));
    renderWithProviders(
      <NotificationPreferencesCard businessId={business.id} workspaceName={business.name} />,
    );
    expect(await screen.findByText(/This server sends no email yet/)).toBeTruthy();
  });
});
