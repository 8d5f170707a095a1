import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { type AiConnectionTest, aiConnectionTestSchema } from '#shared/ai.schema.js';
import { API } from '#shared/api-paths.js';
import { json, problem } from '#web/test/fake-api.js';
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

function renderTest(reply: Parameters<ReturnType<typeof fakeApi>['on']>[2]) {
  const api = fakeApi().on('POST', API.aiProviderTest(BUSINESS_ID), reply);
  return { ...renderWithProviders(<ConnectionTest businessId={BUSINESS_ID} />), api };
}

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
});
