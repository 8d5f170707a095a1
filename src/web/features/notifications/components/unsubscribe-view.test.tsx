import { screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { json, problem } from '#web/test/fake-api.js';
import { testI18n } from '#web/test/i18n.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { UnsubscribeView } from './unsubscribe-view.js';

const link = {
  kind: 'review_requested',
  kind_label: 'Review requested',
  workspace_name: 'Acme',
  email: true,
};

describe('UnsubscribeView', () => {
  it('says what the link stops and turns it off only when asked, without signing in', async () => {
    const api = fakeApi()
      .on('GET', API.unsubscribe, json(link))
      .on('POST', API.unsubscribe, json({ ...link, email: false }));
    const { user } = renderWithProviders(<UnsubscribeView token="tok.en" />, { signedIn: null });
    expect(await screen.findByText(/Stop emails about “Review requested” from Acme\?/)).toBeTruthy();
    expect(api.sent('POST', API.unsubscribe)).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Unsubscribe' }));
    expect(await screen.findByText('You are unsubscribed')).toBeTruthy();
    const [sent] = api.sent('POST', API.unsubscribe);
    expect(sent?.query.get('token')).toBe('tok.en');
    expect(sent?.headers.get('authorization')).toBeNull();
  });

  it('tells apart a link that does not work', async () => {
    fakeApi().on(
      'GET',
      API.unsubscribe,
      problem(400, 'validation_failed', 'This unsubscribe link is not valid'),
    );
    renderWithProviders(<UnsubscribeView token="forged" />, { signedIn: null });
    expect(await screen.findByText('This link does not work')).toBeTruthy();
  });

  it('names the kind of email in the reader’s language, not the API’s English label', async () => {
    fakeApi().on('GET', API.unsubscribe, json(link));
    renderWithProviders(
      <I18nextProvider i18n={testI18n('fr')}>
        <UnsubscribeView token="tok.en" />
      </I18nextProvider>,
      { signedIn: null },
    );
    expect(await screen.findByText(/«\s?Relecture demandée\s?»/)).toBeTruthy();
    expect(screen.queryByText(/Review requested/)).toBeNull();
  });
});
