import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { generateContentResultSchema } from '#shared/content.schema.js';
import type { Role } from '#shared/roles.js';
import { eventStream, problem } from '#web/test/fake-api.js';
import { aBusiness, anId } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { TryAiCard } from './try-ai-card.js';

const BRIEF = 'Our spring menu launches Friday: three new pastries.';

function renderCard(role: Role = 'owner') {
  const business = aBusiness({ role });
  const rendered = renderWithProviders(<TryAiCard business={business} />, {
    url: `/w/${business.id}`,
    route: '/w/:businessId',
  });
  const write = async (brief: string) => {
    await rendered.user.type(screen.getByLabelText('Brief'), brief);
    await rendered.user.click(screen.getByRole('button', { name: 'Write 2 variants' }));
  };
  return { ...rendered, business, write };
}

describe('TryAiCard', () => {
  it('asks what the post is about before calling the AI', async () => {
    const api = fakeApi();
    const { write } = renderCard();

    await write('Hi');

    expect(await screen.findByText('Say in a few words what the post is about')).toBeTruthy();
    expect(api.requests).toEqual([]);
  });

  it('shows the streamed variants, each against the channel’s limit', async () => {
    const result = generateContentResultSchema.parse({
      call_id: anId(),
      task: 'writeContent',
      provider: 'offline',
      model: 'offline',
      offline: true,
      cached: false,
      prompt_tokens: 0,
      completion_tokens: 0,
      cost_micro_usd: 0,
      output: {
        variants: [
          { title: 'Spring is here', body: 'Three new pastries this Friday.' },
          { title: 'Fresh on Friday', body: 'Come taste spring: three new pastries.' },
        ],
      },
    });
    const api = fakeApi().on(
      'POST',
      API.generateContent,
      eventStream([
        { event: 'start', data: { provider: 'offline', model: 'offline', offline: true } },
        { event: 'delta', data: { text: 'Three new' } },
        { event: 'result', data: result },
      ]),
    );
    const { write } = renderCard();

    await write(BRIEF);

    const variants = within(await screen.findByRole('list', { name: 'Variants' })).getAllByRole('article');
    expect(variants.map((variant) => variant.getAttribute('aria-label'))).toEqual(['Variant 1', 'Variant 2']);
    for (const variant of variants) {
      expect(within(variant).getByText('Offline writer')).toBeTruthy();
      expect(within(variant).getByText(/ \/ 2,200 characters on Instagram/)).toBeTruthy();
    }
    expect(screen.getByText('2 variants written · $0.00')).toBeTruthy();
    expect(api.sent('POST', API.generateContent)[0]?.body).toMatchObject({
      channel: 'instagram',
      format: 'post',
      variants: 2,
      brief: BRIEF,
    });
  });

  it('sends an owner over budget to where the budget is raised', async () => {
    fakeApi().on(
      'POST',
      API.generateContent,
      problem(402, 'budget_exceeded', 'This workspace has spent its monthly AI budget of $0.00.'),
    );
    const { user, business, location, write } = renderCard('owner');

    await write(BRIEF);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Monthly AI budget spent')).toBeTruthy();
    await user.click(within(alert).getByRole('link', { name: 'Raise the budget in Settings → AI' }));
    expect(location()).toBe(`/w/${business.id}/settings/ai`);
  });

  it('tells an editor over budget whom to ask', async () => {
    fakeApi().on('POST', API.generateContent, problem(402, 'budget_exceeded'));
    const { write } = renderCard('editor');

    await write(BRIEF);

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/Ask an owner or admin of this workspace\.$/)).toBeTruthy();
    expect(within(alert).queryByRole('link')).toBeNull();
  });
});
