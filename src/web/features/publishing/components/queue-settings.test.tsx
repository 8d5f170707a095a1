import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { CHANNEL_IDS, type ChannelId } from '#shared/channel-ids.js';
import { defaultSlots } from '#shared/queue-slots.js';
import type { BestTimes, ChannelQueue, Queues } from '#shared/queues.schema.js';
import type { Role } from '#shared/roles.js';
import { json } from '#web/test/fake-api.js';
import { aBusiness } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { QueueSettings } from './queue-settings.js';

const FALLBACK: BestTimes = { basis: 'channel_rules', results: 3, needed: 10, slots: [] };

/** The queues endpoints over in-memory slots, as the API keeps them. */
function renderQueues(role: Role, suggested: Partial<Record<ChannelId, BestTimes>> = {}) {
  const business = aBusiness({ role, time_zone: 'Europe/Paris' });
  const own = new Map<ChannelId, { weekday: number; time: string }[]>();
  const queueOf = (channel: ChannelId): ChannelQueue => {
    const slots = own.get(channel) ?? [];
    return {
      channel,
      slots: slots.length > 0 ? slots : defaultSlots(channel),
      uses_defaults: slots.length === 0,
      suggested: suggested[channel] ?? {
        ...FALLBACK,
        slots: defaultSlots(channel)
          .slice(0, 3)
          .map((slot) => ({ ...slot, posts: 0, engagement_rate: null })),
      },
    };
  };
  const api = fakeApi().on('GET', API.queues(business.id), () =>
    json({ time_zone: business.time_zone, channels: CHANNEL_IDS.map(queueOf) } satisfies Queues),
  );
  for (const channel of CHANNEL_IDS) {
    api.on('PUT', API.queueChannel(business.id, channel), ({ body }) => {
      own.set(channel, (body as { slots: { weekday: number; time: string }[] }).slots);
      return json(queueOf(channel));
    });
  }
  const rendered = renderWithProviders(<QueueSettings business={business} />);
  return { ...rendered, api, business };
}

describe('QueueSettings', () => {
  it('starts from the network’s times, and saves the slots an owner removes and adds', async () => {
    const { user, api, business } = renderQueues('owner');
    await user.selectOptions(await screen.findByLabelText('Channel'), 'linkedin');
    const slots = await screen.findByRole('region', { name: 'LinkedIn slots' });
    expect(within(slots).getByText(/No slots of your own yet/)).toBeTruthy();
    expect(
      within(slots).getByText(/Best times come from your own results once 10 published LinkedIn posts/),
    ).toBeTruthy();
    expect(within(slots).getByText(/\(3 so far\)/)).toBeTruthy();

    await user.click(within(slots).getByRole('button', { name: 'Remove Tuesday 10:00' }));
    await user.selectOptions(within(slots).getByLabelText('Weekday'), '1');
    const time = within(slots).getByLabelText('Time');
    await user.clear(time);
    await user.type(time, '08:30');
    await user.click(within(slots).getByRole('button', { name: 'Add slot' }));
    expect(within(within(slots).getByRole('list', { name: 'Monday slots' })).getByText('08:30')).toBeTruthy();
    await user.click(within(slots).getByRole('button', { name: 'Save slots' }));

    expect(await screen.findByText('LinkedIn slots saved')).toBeTruthy();
    expect(api.sent('PUT', API.queueChannel(business.id, 'linkedin'))[0]?.body).toEqual({
      slots: [
        { weekday: 1, time: '08:30' },
        { weekday: 2, time: '11:00' },
        { weekday: 3, time: '10:00' },
        { weekday: 3, time: '11:00' },
        { weekday: 4, time: '10:00' },
        { weekday: 4, time: '11:00' },
      ],
    });
  });

  it('refuses a slot that is already there, and takes the best times from results with “Use suggested”', async () => {
    const { user, api, business } = renderQueues('admin', {
      instagram: {
        basis: 'results',
        results: 14,
        needed: 10,
        slots: [
          { weekday: 5, time: '17:00', posts: 4, engagement_rate: 0.1 },
          { weekday: 2, time: '09:00', posts: 6, engagement_rate: 0.05 },
        ],
      },
    });
    const slots = await screen.findByRole('region', { name: 'Instagram slots' });
    expect(
      within(slots).getByText(
        'From your 14 published Instagram posts with results, by engagements per impression.',
      ),
    ).toBeTruthy();
    expect(within(slots).getByText('Friday 17:00 · 10.0% from 4 posts')).toBeTruthy();

    const time = within(slots).getByLabelText('Time');
    await user.selectOptions(within(slots).getByLabelText('Weekday'), '1');
    await user.clear(time);
    await user.type(time, '10:00');
    await user.click(within(slots).getByRole('button', { name: 'Add slot' }));
    expect(within(slots).getByText('Monday 10:00 is already a slot')).toBeTruthy();

    await user.click(within(slots).getByRole('button', { name: 'Use suggested' }));
    await user.click(within(slots).getByRole('button', { name: 'Save slots' }));
    expect(await screen.findByText('Instagram slots saved')).toBeTruthy();
    expect(api.sent('PUT', API.queueChannel(business.id, 'instagram'))[0]?.body).toEqual({
      slots: [
        { weekday: 2, time: '09:00' },
        { weekday: 5, time: '17:00' },
      ],
    });
  });

  it('shows an editor the slots without a way to change them', async () => {
    renderQueues('editor');
    const slots = await screen.findByRole('region', { name: 'Instagram slots' });
    expect(within(slots).getAllByText('10:00').length).toBeGreaterThan(0);
    expect(within(slots).queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(within(slots).queryByRole('button', { name: 'Save slots' })).toBeNull();
  });
});
