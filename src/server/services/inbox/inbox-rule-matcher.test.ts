import { describe, expect, it } from 'vitest';
import type { InboxRule } from '#shared/inbox.schema.js';
import { applyRules, ruleMatches } from './inbox-rule-matcher.js';

const rule = (
  overrides: Partial<Omit<InboxRule, 'match'>> & { match?: Partial<InboxRule['match']> },
): InboxRule => ({
  id: '0190a000-0000-7000-8000-000000000001',
  business_id: '0190a000-0000-7000-8000-000000000002',
  name: 'Refunds',
  enabled: true,
  position: 0,
  auto_send: false,
  pattern_problem: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
  ...overrides,
  match: { keywords: [], regex: null, channels: [], ...overrides.match },
  actions: {
    labels: ['refunds'],
    assignee_id: null,
    priority: 'high',
    prepare_draft: false,
    ...overrides.actions,
  },
});

describe('inbox rules', () => {
  it('matches keywords as whole words in any case, and honours the channel list', () => {
    const refunds = rule({ match: { keywords: ['refund'] } });
    expect(ruleMatches(refunds, 'email', 'I want a REFUND.')).toBe(true);
    expect(ruleMatches(refunds, 'email', 'refunded already')).toBe(false);
    expect(ruleMatches(rule({ match: { keywords: ['refund'], channels: ['sms'] } }), 'email', 'refund')).toBe(
      false,
    );
  });

  it('matches a pattern case-insensitively', () => {
    expect(ruleMatches(rule({ match: { regex: 'order\\s*#?\\d{4,}' } }), 'x', 'Where is ORDER #12345')).toBe(
      true,
    );
  });

  it('ignores a stored pattern RE2 cannot run: the rule still matches by its keywords', () => {
    const lookAhead = 'refund(?!ed)';
    expect(ruleMatches(rule({ match: { regex: lookAhead } }), 'email', 'I want a refund')).toBe(false);
    expect(
      ruleMatches(rule({ match: { regex: lookAhead, keywords: ['money'] } }), 'email', 'money back'),
    ).toBe(true);
  });

  it('tests a pattern on the first 4,000 characters only', () => {
    const late = `${'x'.repeat(4000)} refund`;
    expect(ruleMatches(rule({ match: { regex: 'refund' } }), 'email', late)).toBe(false);
  });

  it('merges matching rules: labels once each, the first assignee, the highest priority, the first draft', async () => {
    const outcome = await applyRules(
      [
        rule({
          id: 'a',
          match: { keywords: ['refund'] },
          actions: { labels: ['refunds'], assignee_id: 'u1', priority: 'high', prepare_draft: true },
        }),
        rule({
          id: 'b',
          match: { keywords: ['now'] },
          actions: {
            labels: ['refunds', 'angry'],
            assignee_id: 'u2',
            priority: 'urgent',
            prepare_draft: true,
          },
          auto_send: true,
        }),
        rule({
          id: 'c',
          enabled: false,
          match: { keywords: ['refund'] },
          actions: { labels: ['off'], assignee_id: null, priority: null, prepare_draft: false },
        }),
      ],
      'email',
      'Refund now',
    );
    expect(outcome).toEqual({
      ruleIds: ['a', 'b'],
      labels: ['refunds', 'angry'],
      assigneeId: 'u1',
      priority: 'urgent',
      draft: { ruleId: 'a', ruleName: 'Refunds', autoSend: false },
    });
  });
});
