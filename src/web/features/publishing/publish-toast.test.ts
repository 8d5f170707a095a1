import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '#shared/events.schema.js';
import { testI18n } from '#web/test/i18n.js';
import { publishToast } from './publish-toast.js';

const english = testI18n('en').getFixedT('en', 'publishing');

const envelope = {
  id: 'e1-1',
  business_id: '01930000-0000-7000-8000-000000000001',
  at: '2026-11-26T05:00:00.000Z',
};

describe('publishToast', () => {
  it('announces a published item', () => {
    const event: LiveEvent = {
      type: 'content.published',
      ...envelope,
      data: { content_item_id: 'item-1', connector_id: 'connector-1', external_url: null },
    };
    expect(publishToast(event, english)).toEqual({
      message: 'Content published.',
      tone: 'success',
      itemId: 'item-1',
    });
  });

  it('says why an item was not published', () => {
    const event: LiveEvent = {
      type: 'content.failed',
      ...envelope,
      data: {
        content_item_id: 'item-1',
        failure_kind: 'no_connector',
        reason: 'No connector publishes Instagram',
      },
    };
    expect(publishToast(event, english)).toEqual({
      message: 'Publishing failed: No connector publishes Instagram.',
      tone: 'danger',
      itemId: 'item-1',
    });
  });

  it('ignores other events', () => {
    const event: LiveEvent = {
      type: 'content.changed',
      ...envelope,
      data: { content_item_ids: ['item-1'], change: 'updated' },
    };
    expect(publishToast(event, english)).toBeUndefined();
  });
});
