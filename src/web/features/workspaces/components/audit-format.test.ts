import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '#shared/audit-actions.js';
import { type AuditEntry, updateBusinessBodySchema } from '#shared/business.schema.js';
import { updateConnectorBodySchema } from '#shared/connector.schema.js';
import { updateInboxRuleBodySchema } from '#shared/inbox.schema.js';
import { updateWebhookBodySchema } from '#shared/webhook.schema.js';
import { testI18n } from '#web/test/i18n.js';
import { describeAction, describeActor, describeDetails, describeTarget } from './audit-format.js';

const t = testI18n('en').getFixedT('en', 'workspaces');

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  id: '0190a1b2-0000-7000-8000-000000000001',
  action: 'member.added',
  actor_user_id: null,
  actor_api_key_id: null,
  target: null,
  details: {},
  created_at: '2025-01-01T00:00:00.000Z',
  ...overrides,
});

describe('audit formatting', () => {
  it('names every action the server records, in English and in French', () => {
    const french = testI18n('fr').getFixedT('fr', 'workspaces');
    for (const action of AUDIT_ACTIONS) {
      const english = describeAction(action, t);
      // A missing key would come back as the key itself.
      expect(english, action).not.toMatch(/audit\.actions|_/);
      expect(describeAction(action, french), action).not.toBe(english);
    }
    expect(describeAction('member.role_changed', t)).toBe('Member role changed');
    expect(describeAction('member.role_changed', french)).toBe('Rôle d’un membre modifié');
    expect(describeAction('webhook.secret_rotated', french)).toBe('Secret du webhook renouvelé');
  });

  it('spells out a code it does not know rather than showing it raw', () => {
    expect(describeAction('api_key.renamed', t)).toBe('API key renamed');
  });

  it('names the actor, or says they are gone', () => {
    const member = { user_id: 'u1', name: 'Ada', email: 'a@x.io', role: 'owner' as const, created_at: '' };
    expect(describeActor(entry({ actor_user_id: 'u1' }), [member], [], t)).toBe('Ada');
    expect(describeActor(entry({ actor_user_id: 'u2' }), [member], [], t)).toBe('A former member');
    expect(describeActor(entry({}), [], [], t)).toBe('System');
  });

  it('names targets it can resolve and hides bare ids it cannot', () => {
    const member = { user_id: 'u1', name: 'Ada', email: 'a@x.io', role: 'owner' as const, created_at: '' };
    expect(describeTarget(entry({ target: 'u1' }), [member], [], t)).toBe('Ada');
    expect(
      describeTarget(entry({ target: '0190a1b2-0000-7000-8000-000000000009' }), [member], [], t),
    ).toBeUndefined();
    expect(describeTarget(entry({ target: 'settings' }), [], [], t)).toBe('settings');
  });

  it('flattens details', () => {
    expect(describeDetails({ role: 'editor', from_role: 'viewer', count: 2 }, t)).toBe(
      'role: editor · from role: viewer · count: 2',
    );
  });

  it('reads lists, changes, money and nested values as words, never as JSON', () => {
    const ids = ['0190a1b2-0000-7000-8000-000000000001', '0190a1b2-0000-7000-8000-000000000002'];
    const cases: [AuditEntry['details'], string][] = [
      [{ fields: ['name', 'time_zone', 'brand'] }, 'changed: name, time zone, brand profile'],
      [
        { url: 'https://hooks.example/x', events: ['content.published', 'content.failed'] },
        'URL: https://hooks.example/x · events: content published, content failed',
      ],
      [{ ids, bulk: true }, 'items: 2 · in bulk: yes'],
      [{ from: 'viewer', to: 'editor' }, 'from viewer to editor'],
      [{ monthly_limit_micro_usd: 5_000_000 }, 'monthly limit: $5.00'],
      [{ monthly_limit_micro_usd: null }, 'monthly limit: none'],
      [
        { name: 'Refunds', conditions: [{ field: 'intent', equals: 'refund' }], auto_send: false },
        'name: Refunds · conditions: field intent, equals refund · sent without review: no',
      ],
      [{ headers: {} }, 'headers: none'],
      [{ email: 'ana.costa@example.com', role: 'editor' }, 'email: ana.costa@example.com · role: editor'],
      [{ name: 'Spring.launch v2' }, 'name: Spring.launch v2'],
    ];
    for (const [details, words] of cases) {
      const described = describeDetails(details, t);
      expect(described).toBe(words);
      expect(described).not.toMatch(/[[\]{}"]/);
    }
  });

  it('has words in every language for each field an update names and each key the server writes', () => {
    const fields = [
      ...Object.keys(updateBusinessBodySchema.shape),
      ...Object.keys(updateConnectorBodySchema.shape).filter((key) => key !== 'rotate_secret'),
      // Recorded as sent: a webhook's and an inbox rule's update.
      ...Object.keys(updateWebhookBodySchema.shape),
      ...Object.keys(updateInboxRuleBodySchema.shape),
      // The other keys services write into an entry's details (src/server/services).
      ...['key_changed', 'monthly_limit', 'removed', 'bulk', 'kind', 'public_client', 'slots', 'left'],
      ...['role', 'email', 'network', 'handle', 'channel', 'title', 'label', 'expires_at', 'client_id'],
    ];
    for (const language of ['en', 'fr'] as const) {
      const words = testI18n(language).getFixedT(language, 'workspaces');
      for (const field of fields) {
        expect(describeDetails({ fields: [field] }, words), `${language}: ${field}`).not.toMatch(/_/);
        expect(words(`audit.keys.${field}` as 'audit.keys.name', { defaultValue: '' }), field).not.toBe('');
      }
    }
  });

  it('writes the words around the codes in the reader’s language', () => {
    const fr = testI18n('fr').getFixedT('fr', 'workspaces');
    expect(describeDetails({ from: 'viewer', to: 'editor' }, fr)).toBe('de lecteur à rédacteur');
    expect(describeDetails({ from: 'draft', to: 'active' }, fr)).toBe('de brouillon à active');
    expect(describeDetails({ fields: ['name', 'time_zone'], bulk: true }, fr)).toBe(
      'modifié\u00a0: nom, fuseau horaire · en masse\u00a0: oui',
    );
    // A channel is named as everywhere in the app (channel-name.ts, through the app's instance).
    expect(describeDetails({ role: 'editor', channel: 'linkedin' }, fr)).toBe(
      'rôle\u00a0: rédacteur · canal\u00a0: LinkedIn',
    );
    expect(describeDetails({ network: 'google_business', handle: 'Café' }, fr)).toBe(
      'réseau\u00a0: Google Business Profile · identifiant\u00a0: Café',
    );
    expect(describeDetails({ monthly_limit_micro_usd: 5_000_000 }, fr)).toMatch(
      /^plafond mensuel\u00a0: \S*5\S00/,
    );
    // An invitation's id says nothing to a person: the entry's action and target do.
    expect(
      describeDetails({ role: 'viewer', invitation_id: '0190a1b2-0000-7000-8000-000000000001' }, fr),
    ).toBe('rôle\u00a0: lecteur');
    expect(describeActor(entry({}), [], [], fr)).toBe('Système');
  });
});
