import { screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { type AiConnectionTest, aiConnectionTestSchema } from '#shared/ai.schema.js';
import { API } from '#shared/api-paths.js';
import { json, problem } from '#web/test/fake-api.js';
import { testI18n } from '#web/test/i18n.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { ConnectionTest } from './connection-test.js';

const BUSINESS_ID = 'b1';

function resultOf(overrides: Partial<AiConnectionTest> = {}): AiConnectionTest {
  return aiConnectionTestSchema.parse({
    source: 'workspace',
    base_url: 'http://localhost:11434/v1',
    model: 'llama3.2',
    answered_by: 'llama3.2',
    answer: 'Hello, marketing team!',
    latency_ms: 412,
    follows_json_schema: true,
    json_schema_detail: null,
    prompt_tokens: 60,
    completion_tokens: 14,
    ...overrides,
  });
}

function renderTest(reply: Parameters<ReturnType<typeof fakeApi>['on']>[2], language: 'en' | 'fr' = 'en') {
  const api = fakeApi().on('POST', API.aiProviderTest(BUSINESS_ID), reply);
  const test = <ConnectionTest businessId={BUSINESS_ID} />;
  const ui = language === 'en' ? test : <I18nextProvider i18n={testI18n(language)}>{test}</I18nextProvider>;
  return { ...renderWithProviders(ui), api };
}

/** The server's answer to a test whose endpoint does not know the model. */
const unknownModel = () =>
  problem(502, 'ai_provider_error', undefined, [
    {
      path: 'model',
      code: 'model_not_found',
      message: 'The endpoint does not know the model "llama3.3" (HTTP 404).',
      facts: { model: 'llama3.3', status: 404 },
    },
  ]);

describe('ConnectionTest', () => {
  it('shows the answer, the latency and that the model follows JSON schemas', async () => {
    const { user, api } = renderTest(() => json(resultOf()));

    await user.click(screen.getByRole('button', { name: 'Test connection' }));

    const result = await screen.findByRole('region', { name: 'Connection test result' });
    expect(within(result).getByText('Hello, marketing team!')).toBeTruthy();
    expect(within(result).getByText('412 ms')).toBeTruthy();
    expect(within(result).getByText('Follows JSON schemas')).toBeTruthy();
    expect(within(result).getByText(/not charged to the budget/)).toBeTruthy();
    expect(api.sent('POST', API.aiProviderTest(BUSINESS_ID))).toHaveLength(1);
  });

  it('warns when the model does not follow JSON schemas, with what it answered', async () => {
    const { user } = renderTest(() =>
      json(resultOf({ follows_json_schema: false, json_schema_detail: 'It answered "Sure! Here you go"' })),
    );

    await user.click(screen.getByRole('button', { name: 'Test connection' }));

    const warning = await screen.findByText('Does not follow JSON schemas');
    expect(warning.closest('[role="status"]')?.textContent).toMatch(/It answered "Sure! Here you go"/);
  });

  it('says why the test failed, in the words the server chose', async () => {
    const { user } = renderTest(() =>
      problem(502, 'ai_provider_error', undefined, [
        {
          path: 'model',
          code: 'model_not_found',
          message: 'The endpoint does not know the model "llama3.3" (HTTP 404).',
        },
      ]),
    );

    await user.click(screen.getByRole('button', { name: 'Test connection' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/does not know the model "llama3.3"/);
    expect(screen.queryByRole('region', { name: 'Connection test result' })).toBeNull();
  });

  it('words a known reason in the reader’s language from the facts the server sent', async () => {
    const { user } = renderTest(unknownModel, 'fr');
    await user.click(screen.getByRole('button', { name: 'Tester la connexion' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'Le point d’accès ne connaît pas le modèle «\u00a0llama3.3\u00a0» (HTTP 404)',
    );
    expect(alert.textContent).not.toMatch(/does not know/);
  });

  it('shows the endpoint’s own message for a reason it cannot word', async () => {
    const { user } = renderTest(
      () =>
        problem(502, 'ai_provider_error', undefined, [
          {
            path: 'base_url',
            code: 'error',
            message: 'upstream said: overloaded.',
            facts: { model: 'm', status: 529 },
          },
        ]),
      'fr',
    );
    await user.click(screen.getByRole('button', { name: 'Tester la connexion' }));
    expect((await screen.findByRole('alert')).textContent).toContain('upstream said: overloaded.');
  });
});
