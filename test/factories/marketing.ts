import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Campaign } from '#shared/campaign.schema.js';
import type { ContentItem } from '#shared/content.schema.js';
import type { TestAccount } from './accounts.js';

/** Plan a campaign through the API; `fields` override the defaults. */
export async function createCampaign(
  app: FastifyInstance,
  account: TestAccount,
  businessId: string,
  fields: Record<string, unknown> = {},
): Promise<Campaign> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/campaign/',
    headers: account.auth,
    payload: {
      business_id: businessId,
      name: 'Spring launch',
      objective: 'awareness',
      channels: ['instagram', 'x'],
      start_date: '2026-03-01',
      end_date: '2026-03-31',
      ...fields,
    },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<Campaign>();
}

/** Save a content item through the API; `fields` override the defaults (an X draft). */
export async function createContent(
  app: FastifyInstance,
  account: TestAccount,
  businessId: string,
  fields: Record<string, unknown> = {},
): Promise<ContentItem> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/content',
    headers: account.auth,
    payload: { business_id: businessId, channel: 'x', body: 'Fresh sourdough every morning.', ...fields },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<ContentItem>();
}
