import { describe, expect, it } from 'vitest';
import { newId } from '#server/db/ids.js';
import type { ContentItemRow } from '#server/db/schema.js';
import { toContentItem } from './content-items.js';

const AT = '2026-11-26T09:00:00.000Z';

function emailRow(overrides: Partial<ContentItemRow>): ContentItemRow {
  return {
    id: newId(),
    business_id: newId(),
    campaign_id: null,
    channel: 'email',
    format: 'email',
    title: 'Short subject',
    body: 'Hello',
    thread: '[]',
    hashtags: '[]',
    call_to_action: '',
    media_brief: '',
    preheader: '',
    pillar: null,
    scheduled_at: null,
    status: 'draft',
    variant_group: null,
    post_group: null,
    evergreen_days: null,
    evergreen_of: null,
    version: 1,
    ai_call_id: null,
    created_by: null,
    updated_by: null,
    created_at: AT,
    updated_at: AT,
    publish_job_id: null,
    ai_warnings: '[]',
    published_at: null,
    publish_error: null,
    deleted_at: null,
    ...overrides,
  };
}

describe('toContentItem', () => {
  it('gives each version of an item its own advice, however often it is listed', () => {
    const long = emailRow({ title: 'A subject line that runs well past what most inboxes show in a list' });
    const first = toContentItem(long, []);
    expect(first.warnings.map((warning) => warning.code)).toEqual(['long_subject']);
    // A caller changing its copy does not change what the next listing shows.
    first.warnings.length = 0;
    expect(toContentItem(long, []).warnings).toHaveLength(1);

    const edited = { ...long, title: 'Short subject', version: 2 };
    expect(toContentItem(edited, []).warnings).toEqual([]);
    expect(toContentItem(long, []).warnings).toHaveLength(1);
  });
});
