import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import { type InboxRule, inboxRuleSchema } from '#shared/inbox.schema.js';
import { type FakeApi, json, problem } from '#web/test/fake-api.js';
import { aBusiness, aMember, anId, anInboxRule } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { InboxSettings } from './inbox-settings.js';
import { RulesCard } from './rules-card.js';

const businessId = anId();
const members = [aMember({ name: 'Grace Hopper' })];
const LOOK_AROUND =
  'Look-around such as (?=…), (?!…), (?<=…) or (?<!…) is not supported: rules run on a linear-time engine';

/** The rules endpoints over an in-memory list, as the API keeps it. */
function serveRules(api: FakeApi, start: InboxRule[] = []) {
  let rules = [...start];
  return api
    .on('GET', API.inboxRules, () => json({ items: rules }))
    .on('POST', API.inboxRules, ({ body }) => {
      const { business_id, ...fields } = body as InboxRule;
      const rule = anInboxRule({ ...fields, business_id });
      rules = [...rules, rule];
      return json(rule, 201);
    })
    .on('PATCH', API.inboxRule(start[0]?.id ?? 'none'), ({ body }) => {
      rules = rules.map((rule) => inboxRuleSchema.parse({ ...rule, ...(body as object) }));
      return json(rules[0]);
    });
}

function renderRules() {
  const rendered = renderWithProviders(<RulesCard businessId={businessId} members={members} />);
  const form = () => screen.getByRole('form', { name: 'Add a rule' });
  const addTag = async (label: string, tag: string) => {
    await rendered.user.type(within(form()).getByLabelText(label), `${tag}{Enter}`);
  };
  return { ...rendered, form, addTag };
}

describe('RulesCard', () => {
  it('says when there is no rule yet', async () => {
    serveRules(fakeApi());
    renderRules();

    expect(await screen.findByText('No rule yet')).toBeTruthy();
  });

  it('explains rules that could not be loaded', async () => {
    serveRules(fakeApi()).on('GET', API.inboxRules, problem(503, 'service_unavailable'));
    renderRules();

    expect((await screen.findByRole('alert')).textContent).toMatch(/^The server is temporarily unavailable/);
  });

  it('asks for keywords or a pattern before sending a rule', async () => {
    const api = serveRules(fakeApi());
    const { user, form } = renderRules();
    await screen.findByText('No rule yet');

    await user.type(within(form()).getByLabelText('Name'), 'Refunds');
    await user.click(within(form()).getByRole('button', { name: 'Add rule' }));

    expect((await within(form()).findByRole('alert')).textContent).toBe('Give keywords or a pattern');
    expect(api.sent('POST', API.inboxRules)).toEqual([]);
  });

  it('adds a keyword rule; sending without review needs a prepared draft and stays off by default', async () => {
    const api = serveRules(fakeApi());
    const { user, form, addTag } = renderRules();
    await screen.findByText('No rule yet');

    await user.type(within(form()).getByLabelText('Name'), 'Refunds');
    await addTag('Keywords', 'refund');
    await addTag('Add labels', 'billing');
    const autoSend = within(form()).getByRole<HTMLInputElement>('checkbox', {
      name: 'Send the draft automatically, without review',
    });
    expect(autoSend.disabled).toBe(true);
    await user.click(within(form()).getByRole('checkbox', { name: 'Prepare an AI draft for review' }));
    expect(autoSend.disabled).toBe(false);
    expect(autoSend.checked).toBe(false);
    await user.click(within(form()).getByRole('button', { name: 'Add rule' }));

    expect(await screen.findByText('Rule “Refunds” added')).toBeTruthy();
    expect(api.sent('POST', API.inboxRules)[0]?.body).toMatchObject({
      business_id: businessId,
      name: 'Refunds',
      match: { keywords: ['refund'], regex: null, channels: [] },
      actions: { labels: ['billing'], prepare_draft: true },
      auto_send: false,
    });
    const list = await screen.findByRole('list', { name: 'Rules' });
    expect(within(list).getByText('When “refund” → label billing, AI draft for review.')).toBeTruthy();
    expect(within(list).queryByText('Sends without review')).toBeNull();
    expect(within(form()).getByLabelText<HTMLInputElement>('Name').value).toBe('');
  });

  it('refuses a pattern the server cannot run, with its reason, and keeps what was typed', async () => {
    const api = serveRules(fakeApi());
    api.on(
      'POST',
      API.inboxRules,
      problem(400, 'validation_failed', LOOK_AROUND, [
        { path: 'body.match.regex', message: LOOK_AROUND, code: 'unsupported_pattern' },
      ]),
    );
    const { user, form, addTag } = renderRules();
    await screen.findByText('No rule yet');

    await user.type(within(form()).getByLabelText('Name'), 'Lookahead');
    await user.type(within(form()).getByLabelText('Pattern (regular expression)'), 'refund(?= now)');
    await addTag('Add labels', 'odd');
    await user.click(within(form()).getByRole('button', { name: 'Add rule' }));

    expect((await within(form()).findByRole('alert')).textContent).toBe(LOOK_AROUND);
    expect(within(form()).getByLabelText<HTMLInputElement>('Pattern (regular expression)').value).toBe(
      'refund(?= now)',
    );
    expect(screen.getByText('No rule yet')).toBeTruthy();
  });

  it('edits a rule in place', async () => {
    const rule = anInboxRule({
      business_id: businessId,
      actions: { labels: ['billing'], assignee_id: null, priority: null, prepare_draft: true },
    });
    const api = serveRules(fakeApi(), [rule]);
    const { user } = renderRules();

    const list = await screen.findByRole('list', { name: 'Rules' });
    await user.click(within(list).getByRole('button', { name: 'Edit Refunds' }));
    const edit = within(list).getByRole('form', { name: 'Edit Refunds' });
    expect(
      within(edit).getByRole<HTMLInputElement>('checkbox', { name: 'Prepare an AI draft for review' })
        .checked,
    ).toBe(true);
    await user.selectOptions(within(edit).getByLabelText('Set priority'), 'High');
    await user.click(within(edit).getByRole('button', { name: 'Save rule' }));

    expect(await screen.findByText('Rule “Refunds” saved')).toBeTruthy();
    expect(api.sent('PATCH', API.inboxRule(rule.id))[0]?.body).toMatchObject({
      actions: { priority: 'high', prepare_draft: true },
    });
    expect(
      await within(list).findByText('When “refund” → label billing, priority High, AI draft for review.'),
    ).toBeTruthy();
  });
});

describe('InboxSettings', () => {
  it('tells a viewer they cannot change the inbox settings, and loads none of them', () => {
    const api = fakeApi();
    renderWithProviders(
      <InboxSettings business={aBusiness({ id: businessId, role: 'viewer' })} members={members} />,
    );

    expect(screen.getByText('Your role can read the inbox but not change its settings.')).toBeTruthy();
    expect(screen.queryByRole('region', { name: 'Rules' })).toBeNull();
    expect(api.requests).toEqual([]);
  });
});
