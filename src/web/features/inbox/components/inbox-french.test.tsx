import { screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { json } from '#web/test/fake-api.js';
import { aBusiness, aConversation, aMember, aMessage, aUser } from '#web/test/fixtures.js';
import { testI18n } from '#web/test/i18n.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { InboxView } from './inbox-view.js';

describe('InboxView, in French', () => {
  it('lists, filters and opens a conversation with French words, plurals and typography', async () => {
    const me = aUser({ name: 'Ada Lovelace' });
    const business = aBusiness({ role: 'owner' });
    const conversation = aConversation({
      business_id: business.id,
      priority: 'urgent',
      sentiment: 'negative',
      message_count: 2,
    });
    fakeApi()
      .on('GET', API.messages, json({ items: [conversation], next_cursor: null }))
      .on('GET', API.cannedReplies, json({ items: [] }))
      .on(
        'GET',
        API.message(conversation.id),
        json({ conversation, messages: [aMessage(conversation, { body: 'Vous livrez le samedi ?' })] }),
      );
    const path = `/w/${business.id}/inbox`;
    renderWithProviders(
      <I18nextProvider i18n={testI18n('fr')}>
        <InboxView
          business={business}
          members={[aMember({ user_id: me.id, name: me.name, email: me.email, role: 'owner' })]}
        />
      </I18nextProvider>,
      {
        url: `${path}?priority=urgent&conversation=${conversation.id}`,
        route: '/w/:businessId/inbox',
        signedIn: me,
      },
    );

    expect(screen.getByRole('heading', { level: 1, name: 'Messagerie' })).toBeTruthy();
    // The dashboard's link asked for urgent conversations: status and priority are on.
    expect(screen.getByText('Filtres (2 actifs)')).toBeTruthy();
    const row = await within(await screen.findByRole('list', { name: 'Conversations' })).findByRole(
      'button',
      {
        name: /Ana Costa/,
      },
    );
    expect(row.textContent).toContain('2 messages');
    // The screen reader's prefix keeps a non-breaking space before the colon.
    expect(row.textContent).toContain('Priorité\u00a0: Urgente');

    const panel = await screen.findByRole('complementary', { name: 'Client et IA' });
    expect(within(panel).getByRole('heading', { name: 'Client' })).toBeTruthy();
    expect(within(panel).getByText('Pas encore de réponse')).toBeTruthy();
    expect(within(panel).getByRole('button', { name: 'Résoudre' })).toBeTruthy();
    const reply = screen.getByRole('form', { name: 'Réponse' });
    expect(within(reply).getByRole('button', { name: 'Envoyer et résoudre' })).toBeTruthy();
    expect(
      within(reply).getByText('Appuyez sur r n’importe où dans la messagerie pour revenir ici.'),
    ).toBeTruthy();
  });
});
