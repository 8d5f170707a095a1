import { screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { AttentionItem } from '#shared/attention.schema.js';
import { failureReason } from '#shared/failure-reasons.js';
import { aBusiness, anAttention, anId } from '#web/test/fixtures.js';
import { testI18n } from '#web/test/i18n.js';
import { renderWithProviders } from '#web/test/render.js';
import { AttentionBoard } from './attention-board.js';

function aFailedItem(overrides: Partial<AttentionItem>): AttentionItem {
  return {
    id: anId(),
    title: 'Soldes',
    channel: 'instagram',
    status: 'failed',
    scheduled_at: '2026-12-07T09:00:00.000Z',
    updated_at: '2026-12-07T09:00:00.000Z',
    waiting_since: null,
    publish_error: null,
    ...overrides,
  };
}

describe('AttentionBoard, in French', () => {
  it('names the cards, counts in French plurals and keeps the inbox links whole for screen readers', () => {
    const business = aBusiness({ locale: 'fr-FR' });
    const attention = anAttention({
      business_id: business.id,
      first_run: false,
      approvals: { count: 0, oldest: [] },
      failed: { count: 2, items: [] },
      inbox: { open: 1, unanswered: 4, urgent: 2, negative: 0 },
      campaigns: {
        more: false,
        items: [
          {
            campaign_id: anId(),
            name: 'Soldes d’hiver',
            start_date: '2026-12-01',
            end_date: '2026-12-24',
            days_elapsed: 7,
            days_total: 24,
            currency: 'EUR',
            kpis: [
              {
                metric: 'clicks',
                forecast_metric: 'clicks',
                target: 1000,
                actual: null,
                probability: 0.62,
                status: 'behind',
              },
            ],
          },
        ],
      },
    });
    renderWithProviders(
      <I18nextProvider i18n={testI18n('fr')}>
        <AttentionBoard business={business} attention={attention} />
      </I18nextProvider>,
      { url: `/w/${business.id}`, route: '/w/:businessId' },
    );

    // French counts zero in the singular.
    expect(screen.getByRole('region', { name: 'En attente d’approbation' }).textContent).toContain(
      '0 contenu en relecture',
    );
    expect(screen.getByRole('region', { name: 'Échecs de publication' }).textContent).toContain(
      '2 publications échouées',
    );
    const inbox = screen.getByRole('region', { name: 'Messagerie' });
    expect(inbox.textContent).toContain('4 en attente de réponse');
    expect(within(inbox).getByRole('link', { name: '2 conversations urgentes' })).toBeTruthy();
    expect(within(inbox).getByRole('link', { name: '0 conversation négative' })).toBeTruthy();
    expect(within(inbox).getByRole('link', { name: '1 conversation ouverte au total' })).toBeTruthy();

    const campaigns = screen.getByRole('region', { name: 'Campagnes en cours' });
    expect(campaigns.textContent).toContain('Jour 7 sur 24');
    const [kpi] = within(campaigns).getAllByRole('listitem').slice(1);
    expect(kpi?.textContent).toMatch(/^clicks objectif\u00a0: 1\s000 · En retard · 62\s%\sde chances$/);
  });

  it('says why a publication failed in French, keeping the network’s own words', () => {
    const business = aBusiness({ locale: 'fr-FR' });
    const refusal = failureReason('tokenRefusedBecause', {
      network: 'Mastodon',
      status: 401,
      reason: 'The access token was revoked',
    });
    const attention = anAttention({
      business_id: business.id,
      failed: {
        count: 2,
        items: [
          aFailedItem({
            channel: 'mastodon',
            publish_error: failureReason('noLongerAccepted', { via: '@ada', reason: refusal }),
          }),
          aFailedItem({
            title: 'Lettre',
            channel: 'email',
            publish_error: failureReason('noConnector', { channel: 'email' }),
          }),
        ],
      },
    });
    renderWithProviders(
      <I18nextProvider i18n={testI18n('fr')}>
        <AttentionBoard business={business} attention={attention} />
      </I18nextProvider>,
      { url: `/w/${business.id}`, route: '/w/:businessId' },
    );

    const [viaAccount, noConnector] = within(
      screen.getByRole('list', { name: 'Derniers échecs' }),
    ).getAllByRole('listitem');
    expect(viaAccount?.textContent).toContain(
      '«\u00a0@ada\u00a0» n’accepte plus nos requêtes (reconnectez-le)\u00a0: ' +
        'Mastodon a refusé le jeton (HTTP 401)\u00a0: The access token was revoked',
    );
    expect(noConnector?.textContent).toContain(
      'Aucun connecteur de publication n’est configuré pour Email\u00a0: ajoutez-en un',
    );
  });
});
