import { screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { ContentMedia } from '#shared/content.schema.js';
import { testI18n } from '#web/test/i18n.js';
import { renderWithProviders } from '#web/test/render.js';
import { AttachedMediaCard } from './attached-media-card.js';

const picture = (name: string, alt_text = 'A loaf on the counter'): ContentMedia => ({
  id: `m-${name}`,
  kind: 'image',
  name,
  alt_text,
  mime_type: 'image/jpeg',
  size_bytes: 200_000,
  width: 1200,
  height: 900,
  video: null,
  thumbnail: null,
});

function renderCard(media: ContentMedia[], language: 'en' | 'fr') {
  return renderWithProviders(
    <I18nextProvider i18n={testI18n(language)}>
      <AttachedMediaCard
        businessId="b-1"
        channel="x"
        media={media}
        onChange={() => {}}
        pending={false}
        error={null}
        canEdit={false}
      />
    </I18nextProvider>,
    { workspace: { locale: language === 'fr' ? 'fr-FR' : 'en-GB', time_zone: 'Europe/Paris' } },
  );
}

describe('AttachedMediaCard', () => {
  const five = ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg', 'e.jpg'].map((name) => picture(name));

  it('says the network’s limits and what breaks them', () => {
    renderCard([...five.slice(0, 4), picture('bare.jpg', ''), ...five.slice(4)], 'en');
    expect(screen.getByText('X: Up to 4 images or 1 video')).toBeTruthy();
    expect(screen.getByText('X takes at most 4 images in a post; this has 6')).toBeTruthy();
    expect(screen.getByText('Describe “bare.jpg” (alt text) before scheduling it to X')).toBeTruthy();
  });

  it('says them in French to a French reader', () => {
    renderCard([...five.slice(0, 4), picture('bare.jpg', ''), ...five.slice(4)], 'fr');
    expect(screen.getByText(/^X : Jusqu’à 4 images ou 1 vidéo$/)).toBeTruthy();
    expect(screen.getByText(/^X accepte au plus 4 images/).textContent).toBe(
      'X accepte au plus 4 images par publication\u00a0; celle-ci en a 6',
    );
    expect(screen.getByText(/^Décrivez/).textContent).toBe(
      'Décrivez «\u00a0bare.jpg\u00a0» (texte alternatif) avant de programmer la publication sur X',
    );
  });
});
