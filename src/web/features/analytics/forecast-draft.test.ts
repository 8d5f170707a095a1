import { describe, expect, it } from 'vitest';
import { type ForecastDraft, initialDraft, toSimulateRequest } from './forecast-draft.js';

const BUSINESS = '01900000-0000-7000-8000-000000000001';
const CAMPAIGN = '01900000-0000-7000-8000-000000000002';

function edit(draft: ForecastDraft, channel: string, change: Record<string, unknown>): ForecastDraft {
  return {
    ...draft,
    channels: draft.channels.map((entry) => (entry.channel === channel ? { ...entry, ...change } : entry)),
  };
}

const MESSAGES = { chooseCampaign: 'Choose a campaign' };

describe('toSimulateRequest', () => {
  it('turns the opening plan into a valid request: percentages to shares, dollars to cents', () => {
    const { body, errors } = toSimulateRequest(BUSINESS, initialDraft(undefined, 7), 100, MESSAGES);
    expect(errors).toEqual({});
    expect(body).toMatchObject({
      business_id: BUSINESS,
      objective: 'sales',
      budget_minor: 100_000,
      seed: 7,
      trials: 10_000,
      channels: [
        { channel: 'instagram', budget_share: 0.6, posts: 8, audience_size: 5000 },
        { channel: 'facebook', budget_share: 0.4, posts: 4, audience_size: 3000 },
      ],
      kpis: [{ metric: 'conversions', target: 20 }],
    });
  });

  it('sends overrides as rates and CPM in major units, leaving the rest out', () => {
    const draft = edit(initialDraft(undefined, 7), 'instagram', {
      rates: { ctr: '1.5', engagement_rate: '', cvr: '', cpm: '8.25', organic_reach: '' },
    });
    expect(toSimulateRequest(BUSINESS, draft, 100, MESSAGES).body?.channels?.[0]?.rates).toEqual({
      ctr: 0.015,
      cpm: 8.25,
    });
  });

  it('explains shares that do not add up to 100% on the channels, before anything is sent', () => {
    const draft = edit(initialDraft(undefined, 7), 'facebook', { sharePercent: '30' });
    const { body, errors } = toSimulateRequest(BUSINESS, draft, 100, MESSAGES);
    expect(body).toBeUndefined();
    expect(errors.channels).toMatch(/add up to 1; these add up to 0\.9/);
  });

  it('puts a per-channel problem on that channel’s input', () => {
    const draft = edit(initialDraft(undefined, 7), 'facebook', { posts: '-2' });
    expect(toSimulateRequest(BUSINESS, draft, 100, MESSAGES).errors['channel.facebook.posts']).toBeDefined();
  });

  it('asks for a campaign in campaign mode and sends only its id, trials and seed', () => {
    const draft = { ...initialDraft(undefined, 9), mode: 'campaign' as const };
    expect(toSimulateRequest(BUSINESS, draft, 100, MESSAGES).errors).toEqual({
      campaignId: 'Choose a campaign',
    });
    expect(toSimulateRequest(BUSINESS, { ...draft, campaignId: CAMPAIGN }, 100, MESSAGES).body).toEqual({
      business_id: BUSINESS,
      campaign_id: CAMPAIGN,
      trials: 10_000,
      seed: 9,
    });
  });
});
