import { describe, expect, it } from 'vitest';
import type { ContentItemRow } from '#server/db/schema.js';
import { ROLES, type Role } from '#shared/roles.js';
import { bulkActionRefusal, type PlannedBulkBody, planBulkStep } from './content-bulk.js';
import { changedFields } from './content-changes.js';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const row = (fields: Partial<ContentItemRow> = {}): ContentItemRow => ({
  id: 'i1',
  business_id: 'b1',
  campaign_id: null,
  channel: 'x',
  format: 'post',
  title: '',
  body: 'Hello',
  thread: '[]',
  hashtags: '["#bread"]',
  call_to_action: '',
  media_brief: '',
  preheader: '',
  pillar: null,
  scheduled_at: '2026-03-02T09:00:00.000Z',
  status: 'draft',
  variant_group: null,
  post_group: null,
  evergreen_days: null,
  evergreen_of: null,
  version: 3,
  ai_call_id: null,
  created_by: null,
  updated_by: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  publish_job_id: null,
  ai_warnings: '[]',
  published_at: null,
  publish_error: null,
  deleted_at: null,
  ...fields,
});
const body = (fields: object) => ({ business_id: 'b1', ids: ['i1'], ...fields }) as PlannedBulkBody;

describe('bulk planning', () => {
  it('shifts a planned time and records it as an edit', () => {
    expect(planBulkStep(row(), body({ action: 'reschedule', shift_minutes: 1440 }), 'editor', NOW)).toEqual({
      ok: true,
      kind: 'update',
      patch: { scheduled_at: '2026-03-03T09:00:00.000Z' },
      action: 'edited',
      snapshot: { scheduled_at: '2026-03-03T09:00:00.000Z' },
    });
  });

  it('refuses what the role or the state does not allow', () => {
    const shift = body({ action: 'reschedule', shift_minutes: 60 });
    expect(planBulkStep(row({ scheduled_at: null }), shift, 'editor', NOW)).toMatchObject({
      ok: false,
      code: 'validation_failed',
    });
    expect(planBulkStep(row({ status: 'scheduled' }), shift, 'editor', NOW)).toMatchObject({
      code: 'forbidden',
    });
    expect(planBulkStep(row({ status: 'published' }), shift, 'owner', NOW)).toEqual({
      ok: false,
      code: 'invalid_transition',
      message: 'A published item cannot be moved',
      facts: { reason: 'published_item_locked', action: 'move' },
    });
    const intoPast = body({ action: 'reschedule', shift_minutes: -24 * 60 });
    expect(planBulkStep(row({ status: 'scheduled' }), intoPast, 'admin', NOW)).toMatchObject({
      code: 'validation_failed',
    });
    expect(planBulkStep(row(), body({ action: 'delete' }), 'editor', NOW)).toMatchObject({
      code: 'forbidden',
    });
    expect(planBulkStep(row(), body({ action: 'set_status', to: 'approved' }), 'owner', NOW)).toMatchObject({
      code: 'invalid_transition',
    });
  });

  it('plans a status change with the workflow’s action name', () => {
    expect(
      planBulkStep(
        row({ status: 'in_review' }),
        body({ action: 'set_status', to: 'draft', comment: 'Why' }),
        'admin',
        NOW,
      ),
    ).toMatchObject({ ok: true, action: 'sent_back', patch: { status: 'draft' } });
  });
});

describe('bulk access by role', () => {
  it.each([
    [{ action: 'delete' }, ['owner', 'admin']],
    [{ action: 'reschedule', shift_minutes: 60 }, ['owner', 'admin', 'editor']],
    [{ action: 'set_status', to: 'in_review' }, ['owner', 'admin', 'editor']],
    [{ action: 'set_status', to: 'draft' }, ['owner', 'admin', 'editor']],
    [{ action: 'set_status', to: 'approved' }, ['owner', 'admin']],
    [{ action: 'set_status', to: 'scheduled' }, ['owner', 'admin']],
    // Refused per item as an invalid move, but only to roles that may move items at all.
    [{ action: 'set_status', to: 'published' }, ['owner', 'admin', 'editor']],
  ] as const)('lets only the roles that could change some item ask for %j', (fields, allowed) => {
    for (const role of ROLES) {
      const refusal = bulkActionRefusal(body(fields), role);
      if ((allowed as readonly Role[]).includes(role)) expect(refusal).toBeUndefined();
      else {
        expect(refusal?.message).toContain(`Your role (${role}) cannot`);
        expect(refusal?.options.facts).toMatchObject({ reason: 'role_cannot', role });
      }
    }
  });
});

describe('changed fields', () => {
  it('keeps only real changes, comparing arrays by value and times as instants', () => {
    expect(
      changedFields(row(), {
        body: 'Hello',
        hashtags: ['#bread'],
        scheduled_at: '2026-03-02T10:00:00+01:00',
        pillar: 'Tips',
      }),
    ).toEqual({ pillar: 'Tips' });
    expect(changedFields(row(), { hashtags: ['#cake'], scheduled_at: null })).toEqual({
      hashtags: ['#cake'],
      scheduled_at: null,
    });
  });
});
