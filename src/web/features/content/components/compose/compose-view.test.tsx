import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { ComposePostBody } from '#shared/compose.schema.js';
import type { Role } from '#shared/roles.js';
import { json, problem } from '#web/test/fake-api.js';
import { aBusiness, aContentItem } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { ComposeView } from './compose-view.js';

const BASE = 'Our spring menu starts today: wild garlic soup and rhubarb tart, made with three local farms.';

function renderComposer(role: Role = 'owner') {
  const business = aBusiness({ role, brand: { channels: ['x', 'linkedin', 'instagram'] } as never });
  const api = fakeApi();
  const rendered = renderWithProviders(
    <ComposeView business={business} campaigns={[]} renderMediaPicker={() => null} />,
    { url: `/w/${business.id}/compose`, route: '/w/:businessId/compose' },
  );
  const tab = (name: string) => screen.getByRole('tab', { name: new RegExp(`^${name}`) });
  const panel = () => screen.getByRole('tabpanel');
  return { ...rendered, api, business, tab, panel };
}

describe('ComposeView', () => {
  it('starts every network from the base text, tailors one with the AI and schedules all together', async () => {
    const { user, api, business, tab, panel } = renderComposer();
    api.on('POST', API.aiTask('rewriteContent'), () =>
      json({
        call_id: '0190d7a4-0000-7000-8000-0000000000a1',
        task: 'rewriteContent',
        provider: 'offline',
        model: 'offline',
        offline: true,
        cached: false,
        prompt_tokens: 0,
        completion_tokens: 0,
        cost_micro_usd: 0,
        output: { text: 'Spring menu today 🌱 #SpringMenu', hashtags: ['#SpringMenu'], warnings: [] },
      }),
    );
    const items = ['x', 'linkedin', 'instagram'].map((channel) =>
      aContentItem({ business_id: business.id, channel: channel as 'x', status: 'scheduled' }),
    );
    api.on('POST', API.contentPosts, () =>
      json({ post_group: '0190d7a4-0000-7000-8000-0000000000b2', items }, 201),
    );

    await user.type(screen.getByLabelText('Title'), 'Spring menu');
    await user.click(screen.getByLabelText('Base text'));
    await user.paste(BASE);
    expect((within(panel()).getByLabelText('Text for X') as HTMLTextAreaElement).value).toBe(BASE);
    expect(within(panel()).getByText(`${BASE.length} / 280 X characters`)).toBeTruthy();

    await user.click(tab('LinkedIn'));
    expect((within(panel()).getByLabelText('Text for LinkedIn') as HTMLTextAreaElement).value).toBe(BASE);
    // Counts are numbers in the workspace's locale, as everywhere else.
    expect(within(panel()).getByText(`${BASE.length} / 3,000 LinkedIn characters`)).toBeTruthy();

    // The arrow keys move between the networks' tabs (LinkedIn → X, wrapping from X to Instagram).
    await user.keyboard('{ArrowLeft}');
    expect(tab('X').getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(tab('X'));
    await user.click(within(panel()).getByRole('button', { name: 'Tailor with AI' }));
    expect(await within(panel()).findByDisplayValue('Spring menu today 🌱 #SpringMenu')).toBeTruthy();
    expect(api.sent('POST', API.aiTask('rewriteContent'))[0]?.body).toEqual({
      business_id: business.id,
      input: { channel: 'x', text: BASE, mode: 'tailor' },
    });

    // Instagram needs a picture before anything goes out: its tab says so and nothing can be scheduled.
    await user.click(screen.getByRole('radio', { name: 'Schedule at one time' }));
    await user.type(screen.getByLabelText('Publish at'), '2027-04-01T09:30');
    expect(tab('Instagram').textContent).toContain('needs changes');
    expect(screen.getByRole('button', { name: /Schedule all/ })).toHaveProperty('disabled', true);
    await user.click(screen.getByRole('checkbox', { name: 'Instagram' }));

    await user.click(screen.getByRole('button', { name: 'Schedule all (2)' }));
    expect(await screen.findByText('3 variants scheduled:')).toBeTruthy();
    const body = api.sent('POST', API.contentPosts)[0]?.body as ComposePostBody;
    expect(body).toMatchObject({
      title: 'Spring menu',
      intent: 'schedule',
      // 09:30 in Paris (summer time) is 07:30 UTC.
      scheduled_at: '2027-04-01T07:30:00.000Z',
      media_ids: [],
    });
    expect(Object.keys(body.variants)).toEqual(['x', 'linkedin']);
    expect(body.variants.x).toMatchObject({
      body: 'Spring menu today 🌱 #SpringMenu',
      hashtags: ['#SpringMenu'],
    });
    expect(body.variants.linkedin?.body).toBe(BASE);
    expect(screen.getByRole('link', { name: 'LinkedIn' }).getAttribute('href')).toBe(
      `/w/${business.id}/content/${items[1]?.id}`,
    );
  });

  it('shows the server’s refusal on the tab of the channel it names', async () => {
    const { user, api, tab, panel } = renderComposer();
    api.on('POST', API.contentPosts, () =>
      problem(400, 'validation_failed', 'LinkedIn: LinkedIn allows 3000 characters; this has 3001', [
        {
          path: 'body.variants.linkedin.body',
          code: 'too_long',
          message: 'LinkedIn: LinkedIn allows 3000 characters; this has 3001',
        },
      ]),
    );
    await user.type(screen.getByLabelText('Base text'), 'Hello');
    await user.click(screen.getByRole('button', { name: 'Save drafts (3)' }));
    expect((await screen.findAllByText(/LinkedIn allows 3000 characters/)).length).toBeGreaterThan(0);
    expect(tab('LinkedIn').textContent).toContain('needs changes');
    await user.click(tab('LinkedIn'));
    expect(within(panel()).getByText('LinkedIn allows 3000 characters; this has 3001')).toBeTruthy();
  });

  it('offers an editor drafts and review, not scheduling', () => {
    renderComposer('editor');
    expect(screen.getByRole('radio', { name: 'Save as drafts' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'Send for review' })).toBeTruthy();
    expect(screen.queryByRole('radio', { name: 'Schedule at one time' })).toBeNull();
    expect(screen.queryByRole('radio', { name: 'Add all to the queue' })).toBeNull();
  });
});
