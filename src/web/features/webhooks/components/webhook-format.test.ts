import { describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES } from '#shared/webhook.schema.js';
import { setWorkspaceRegion } from '#web/lib/workspace-format.js';
import { testI18n } from '#web/test/i18n.js';
import { attemptDuration, describeStatusCode, eventLabel } from './webhook-format.js';

const english = testI18n('en').getFixedT('en', 'webhooks');
const french = testI18n('fr').getFixedT('fr', 'webhooks');

describe('webhook wording', () => {
  it('names every event a webhook can subscribe to, and the test event', () => {
    for (const type of WEBHOOK_EVENT_TYPES) {
      expect(eventLabel(type, english)).not.toMatch(/events\./);
      expect(english(`events.${type}.hint`)).not.toMatch(/events\./);
    }
    expect(eventLabel('webhook.test', english)).toBe('Test');
    expect(eventLabel('content.failed', english)).toBe('Publishing failed');
    expect(eventLabel('content.failed', french)).toBe('Échec de publication');
  });

  it('shows how long an attempt took, or a dash before the first', () => {
    setWorkspaceRegion({ locale: 'en-GB', time_zone: 'Europe/London' });
    expect(attemptDuration(87)).toBe('87 ms');
    expect(attemptDuration(null)).toBe('—');
    setWorkspaceRegion(undefined);
  });

  it('tells a delivery not sent yet from one that got no answer', () => {
    expect(describeStatusCode(204, 1, english)).toBe('204');
    expect(describeStatusCode(null, 0, english)).toBe('Not sent yet');
    expect(describeStatusCode(null, 3, english)).toBe('No answer');
  });
});
