import { screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { ACCEPTED_MEDIA_DESCRIPTION } from '#shared/media.schema.js';
import { ChannelsSettings } from '#web/features/channels/components/channels-settings.js';
import { MediaLibrary } from '#web/features/media/components/media-library.js';
import { WorkspaceSummary } from '#web/features/workspaces/components/workspace-summary.js';
import english from '#web/locales/en/media.json';
import { json } from '#web/test/fake-api.js';
import { aBusiness, aMediaItem, aMember, aNetworkAccount } from '#web/test/fixtures.js';
import { testI18n } from '#web/test/i18n.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';

function inFrench(node: React.ReactNode) {
  return <I18nextProvider i18n={testI18n('fr')}>{node}</I18nextProvider>;
}

describe('Channels, media and the workspace, in French', () => {
  it('Settings → Channels: the connected accounts and a credentials form, hints included', async () => {
    const business = aBusiness({ role: 'owner' });
    const account = aNetworkAccount({ business_id: business.id });
    fakeApi()
      .on('GET', API.oauthNetworks, json({ items: [] }))
      .on('GET', API.networkAccounts, json({ items: [account] }));
    renderWithProviders(inFrench(<ChannelsSettings business={business} />));

    const list = await screen.findByRole('list', { name: 'Comptes connectés' });
    expect(within(list).getByText('Connecté')).toBeTruthy();
    expect(
      within(list).getByText(/^sur mastodon\.social · Jeton sans expiration · vérifié le /),
    ).toBeTruthy();
    expect(
      within(list).getByRole('button', { name: 'Synchroniser @bakery@mastodon.social maintenant' }),
    ).toBeTruthy();

    const mastodon = screen.getByRole('region', { name: 'Connecter Mastodon' });
    expect(within(mastodon).getByLabelText('Adresse de l’instance')).toBeTruthy();
    expect(within(mastodon).getByLabelText('Jeton d’accès')).toBeTruthy();
    // The network's menu names stay in bold inside the translated sentence.
    expect(within(mastodon).getByText('Préférences → Développement → Nouvelle application').tagName).toBe(
      'STRONG',
    );
    expect(within(mastodon).getByRole('button', { name: 'Connecter Mastodon' })).toBeTruthy();
  });

  it('the media library: upload, filters and tiles', async () => {
    const business = aBusiness();
    const beach = aMediaItem({ business_id: business.id, name: 'beach.jpg' });
    fakeApi()
      .on('GET', API.media, json({ items: [beach], next_cursor: null }))
      .on('GET', API.mediaRendition(beach.id, 'w320.webp'), { status: 200, text: 'webp-bytes' });
    renderWithProviders(inFrench(<MediaLibrary businessId={business.id} canEdit />));

    const tile = await screen.findByRole('button', { name: 'beach.jpg' });
    expect(within(tile).getByText('Sans texte alternatif')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Choisir des fichiers' })).toBeTruthy();
    expect(screen.getByText('Images JPEG, PNG, WebP, GIF, HEIC et vidéos MP4 ou MOV')).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Rechercher' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Étiquette' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Créer une image' })).toBeTruthy();
  });

  it('says the accepted types as the server does, in English', () => {
    expect(english.upload.accepted).toBe(ACCEPTED_MEDIA_DESCRIPTION);
  });

  it('the workspace summary counts the rest of the team in French', async () => {
    const business = aBusiness({ role: 'owner' });
    const team = Array.from({ length: 8 }, (_, index) =>
      aMember({ name: `Member ${index + 1}`, email: `member${index + 1}@example.com`, role: 'viewer' }),
    );
    fakeApi().on('GET', API.members(business.id), json({ items: team }));
    renderWithProviders(inFrench(<WorkspaceSummary business={business} />));

    expect(await screen.findByText('et 2 autres')).toBeTruthy();
    const role = screen.getByRole('region', { name: 'Votre rôle' });
    expect(within(role).getByText('Propriétaire')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Équipe' })).getAllByText('Lecteur')).toHaveLength(6);
  });
});
