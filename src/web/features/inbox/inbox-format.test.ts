import { afterEach, describe, expect, it } from 'vitest';
import type { InboxRule } from '#shared/inbox.schema.js';
import { setWorkspaceRegion } from '#web/lib/workspace-format.js';
import { testI18n } from '#web/test/i18n.js';
import {
  customerName,
  describeRule,
  formatSeconds,
  importBodyFor,
  isoToLocalInput,
  languageName,
  localInputToIso,
} from './inbox-format.js';

describe('formatSeconds', () => {
  afterEach(() => setWorkspaceRegion(undefined));

  it.each([
    // French puts a narrow no-break space before s, h and j, a no-break space before min.
    [0, '0 secs', '0\u202fs'],
    [42, '42 secs', '42\u202fs'],
    [300, '5 mins', '5\u00a0min'],
    [3600, '1 hr', '1\u202fh'],
    [7500, '2 hrs 5 mins', '2\u202fh 5\u00a0min'],
    [172_800, '2 days', '2\u202fj'],
    [200_000, '2 days 7 hrs', '2\u202fj 7\u202fh'],
  ])('%i → %s in en-GB, %s in fr-FR', (seconds, english, french) => {
    setWorkspaceRegion({ locale: 'en-GB', time_zone: 'Europe/London' });
    expect(formatSeconds(seconds)).toBe(english);
    setWorkspaceRegion({ locale: 'fr-FR', time_zone: 'Europe/Paris' });
    expect(formatSeconds(seconds)).toBe(french);
  });
});

describe('customerName', () => {
  it('prefers the name, then the handle, then the channel id', () => {
    expect(customerName({ name: 'Ana', handle: '@ana', external_id: 'x1' })).toBe('Ana');
    expect(customerName({ name: null, handle: '@ana', external_id: 'x1' })).toBe('@ana');
    expect(customerName({ name: null, handle: null, external_id: 'x1' })).toBe('x1');
  });
});

describe('snooze times', () => {
  it('round-trips a local wall time through ISO', () => {
    const local = '2026-03-14T09:30';
    const iso = localInputToIso(local);
    expect(iso).toMatch(/Z$/);
    expect(isoToLocalInput(new Date(iso ?? ''))).toBe(local);
  });

  it('is undefined for an empty or invalid value', () => {
    expect(localInputToIso('')).toBeUndefined();
    expect(localInputToIso('tomorrow')).toBeUndefined();
  });
});

describe('languageName', () => {
  it('names a known code and passes an unknown one through', () => {
    expect(languageName('fr', 'en')).toBe('French');
    expect(languageName('de', 'fr')).toBe('allemand');
    expect(languageName('not a code', 'en')).toBe('not a code');
  });
});

describe('describeRule', () => {
  const english = testI18n('en').getFixedT('en', 'inbox');
  const rule = {
    match: { keywords: ['refund', 'money back'], regex: 'order #\\d+', channels: [] },
    actions: { labels: ['billing'], assignee_id: 'u1', priority: 'high', prepare_draft: true },
    auto_send: false,
  } as unknown as InboxRule;

  it('says when it matches and what it does, naming the assignee', () => {
    expect(describeRule(rule, () => 'Ana', english)).toBe(
      'When “refund” or “money back” or /order #\\d+/ → label billing, assign Ana, priority High, AI draft for review.',
    );
  });

  it('reads in French, with French quotes', () => {
    expect(describeRule(rule, () => 'Ana', testI18n('fr').getFixedT('fr', 'inbox'))).toBe(
      'Si «\u00a0refund\u00a0» ou «\u00a0money back\u00a0» ou /order #\\d+/ → étiquette billing, attribuer à Ana, priorité Haute, brouillon IA à relire.',
    );
  });

  it('says plainly when a draft is sent without review', () => {
    expect(describeRule({ ...rule, auto_send: true }, () => 'Ana', english)).toContain(
      'AI reply sent automatically',
    );
  });
});

describe('importBodyFor', () => {
  it('sends a CSV file as text and a JSON file as its array', () => {
    expect(importBodyFor('b1', 'history.csv', 'channel,body\n')).toEqual({
      business_id: 'b1',
      csv: 'channel,body\n',
    });
    expect(importBodyFor('b1', 'History.JSON', '[{"body":"hi"}]')).toEqual({
      business_id: 'b1',
      messages: [{ body: 'hi' }],
    });
  });

  it('says why a JSON file cannot be sent', () => {
    expect(importBodyFor('b1', 'a.json', '{"body":"hi"}')).toBe('notAnArray');
    expect(importBodyFor('b1', 'a.json', '[{')).toBe('notJson');
  });
});
