import { screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { testI18n } from '#web/test/i18n.js';
import { renderWithProviders } from '#web/test/render.js';
import { ChannelPreview } from './channel-preview.js';

const frenchWorkspace = { locale: 'fr-FR', time_zone: 'Europe/Paris' };

describe('ChannelPreview', () => {
  it('says what breaks the network’s rules in English, with the right plural', () => {
    renderWithProviders(
      <ChannelPreview channel="threads" author="Bakery" title="" body="Fresh #bread" hashtags={['rye']} />,
    );
    expect(screen.getByText('Threads allows 1 hashtag; this has 2')).toBeTruthy();
  });

  it('says it in French to a French reader, with French spacing before the semicolon', () => {
    renderWithProviders(
      <I18nextProvider i18n={testI18n('fr')}>
        <ChannelPreview channel="threads" author="Bakery" title="" body="Fresh #bread" hashtags={['rye']} />
      </I18nextProvider>,
      { workspace: frenchWorkspace },
    );
    // The matcher folds a no-break space into a space, so the exact text is read from the node.
    expect(screen.getByText(/^Threads accepte au plus 1 hashtag/).textContent).toBe(
      'Threads accepte au plus 1 hashtag\u00a0; ce texte en compte 2',
    );
  });

  it('names the email’s subject in French when it is over the limit', () => {
    renderWithProviders(
      <I18nextProvider i18n={testI18n('fr')}>
        <ChannelPreview channel="email" author="Bakery" title={'s'.repeat(80)} body="Hi" hashtags={[]} />
      </I18nextProvider>,
      { workspace: frenchWorkspace },
    );
    expect(screen.getByText(/^L’objet accepte/).textContent).toBe(
      'L’objet accepte au plus 78 caractères\u00a0; celui-ci en compte 80',
    );
  });
});
