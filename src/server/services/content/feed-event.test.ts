import { describe, expect, it } from 'vitest';
import type { ContentItemRow } from '#server/db/schema.js';
import { buildIcal, unfoldLines } from '#server/exports/ical.js';
import { feedEvent } from './feed-event.js';

const ROW: ContentItemRow = {
  id: '0190d7a4-0000-7000-8000-000000000001',
  business_id: '0190d7a4-0000-7000-8000-0000000000b1',
  campaign_id: null,
  channel: 'linkedin',
  format: 'post',
  title: 'Spring sale, 25% off; today',
  body: 'Everything in store.',
  thread: '[]',
  hashtags: '["spring"]',
  call_to_action: '',
  media_brief: '',
  preheader: '',
  pillar: null,
  scheduled_at: '2026-03-07T08:30:00.000Z',
  status: 'scheduled',
  variant_group: null,
  post_group: null,
  evergreen_days: null,
  evergreen_of: null,
  version: 3,
  ai_call_id: null,
  created_by: null,
  updated_by: null,
  created_at: '2026-03-01T00:00:00.000Z',
  updated_at: '2026-03-02T00:00:00.000Z',
  ai_warnings: '[]',
  publish_job_id: null,
  published_at: null,
  publish_error: null,
  deleted_at: null,
};
const URL = `https://mcc.example.com/w/${ROW.business_id}/content/${ROW.id}`;

function calendarOf(row: ContentItemRow, url = URL): string[] {
  return unfoldLines(
    buildIcal({
      prodId: '-//MCC//Test//EN',
      name: 'Acme',
      timeZone: 'Europe/Lisbon',
      stamp: '2026-03-05T00:00:00.000Z',
      events: [feedEvent(row, row.scheduled_at ?? '', url)],
    }),
  );
}

describe('calendar feed events', () => {
  it('keep one UID per item through edits, a reschedule and publication', () => {
    const before = calendarOf(ROW);
    const after = calendarOf({
      ...ROW,
      title: 'Spring sale, now 30% off',
      scheduled_at: '2026-03-09T17:00:00.000Z',
      status: 'published',
      version: 7,
      updated_at: '2026-03-09T17:00:05.000Z',
    });
    const uid = `UID:${ROW.id}@mcc`;
    expect(before).toContain(uid);
    expect(after).toContain(uid);
    expect(after).toContain('DTSTART:20260309T170000Z');
    expect(after).toContain('SUMMARY:LinkedIn: Spring sale\\, now 30% off');
  });

  it('name the channel and link the item in the app, the link intact however it is folded', () => {
    const longUrl = `${URL}?from=calendar-feed-${'x'.repeat(80)}`;
    const lines = calendarOf(ROW, longUrl);
    expect(lines).toContain('SUMMARY:LinkedIn: Spring sale\\, 25% off\\; today');
    expect(lines).toContain(`URL:${longUrl}`);
    expect(lines).toContain('DTSTART:20260307T083000Z');
    expect(lines).toContain('STATUS:CONFIRMED');
  });
});
