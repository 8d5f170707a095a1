import { screen, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { json } from '#web/test/fake-api.js';
import { aBusiness, aContentItem, anId } from '#web/test/fixtures.js';
import { testI18n } from '#web/test/i18n.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { ContentEditor } from './editor/content-editor.js';
import { ContentListView } from './list/content-list-view.js';

function inFrench(node: ReactNode) {
  return <I18nextProvider i18n={testI18n('fr')}>{node}</I18nextProvider>;
}

describe('Content, in French', () => {
  it('lists, filters and selects content with French words, plurals and typography', async () => {
    const business = aBusiness({ role: 'owner' });
    const group = anId();
    const items = (['x', 'linkedin'] as const).map((channel) =>
      aContentItem({
        business_id: business.id,
        channel,
        title: 'Soirée poésie',
        status: 'in_review',
        post_group: group,
      }),
    );
    fakeApi().on('GET', API.contentItems, json({ items, next_cursor: null }));
    const { user } = renderWithProviders(
      inFrench(<ContentListView business={business} campaigns={[{ id: anId(), name: 'Menu d’hiver' }]} />),
      { url: `/w/${business.id}/content`, route: '/w/:businessId/content' },
    );

    const [first] = await screen.findAllByRole('link', { name: 'Soirée poésie' });
    const row = first?.closest('tr') as HTMLElement;
    expect(row.textContent).toContain('X · aussi sur LinkedIn');
    expect(within(row).getByText('En relecture')).toBeTruthy();
    expect(within(row).getByText('Non programmé')).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Statut' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'Rechercher' })).toBeTruthy();
    expect(screen.getByRole('combobox', { name: 'Statut' })).toBeTruthy();

    await user.click(screen.getByRole('checkbox', { name: 'Sélectionner tous les contenus affichés' }));
    const bar = screen.getByRole('region', { name: 'Modifier les contenus sélectionnés' });
    expect(bar.textContent).toContain('2 contenus sélectionnés');
    expect(within(bar).getByRole('button', { name: 'Approuver' })).toBeTruthy();
    expect(within(bar).getByRole('combobox', { name: 'Décaler les heures' })).toBeTruthy();
  });

  it('edits an item with French labels, and says in French why a viewer has no move', async () => {
    const business = aBusiness({ role: 'viewer' });
    const item = aContentItem({ business_id: business.id });
    fakeApi().on('GET', API.contentHistory(item.id), json({ items: [], next_cursor: null }));
    renderWithProviders(inFrench(<ContentEditor item={item} business={business} />));

    const review = await screen.findByRole('region', { name: 'Relecture' });
    // The sentence keeps a non-breaking space before the semicolon.
    expect(review.textContent).toContain(
      'Vous pouvez lire ce contenu\u00a0; un propriétaire, un administrateur ou un éditeur peut le modifier.',
    );
    expect(screen.getByRole('textbox', { name: 'Texte' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Appel à l’action' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Historique' })).toBeTruthy();
    expect(screen.getByRole('complementary', { name: 'Aperçu et relecture' })).toBeTruthy();
  });
});
