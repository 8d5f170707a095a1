import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { CannedReply } from '#shared/inbox.schema.js';
import { type FakeApi, json, problem } from '#web/test/fake-api.js';
import { aCannedReply, anId } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { CannedRepliesCard } from './canned-replies-card.js';
import { ImportMessagesCard } from './import-messages-card.js';

const businessId = anId();

/** The canned-reply endpoints over an in-memory list, as the API keeps it. */
function serveCannedReplies(api: FakeApi, start: CannedReply[] = []) {
  let replies = [...start];
  api
    .on('GET', API.cannedReplies, () => json({ items: replies }))
    .on('POST', API.cannedReplies, ({ body }) => {
      const { title, body: text } = body as { title: string; body: string };
      const reply = aCannedReply({ business_id: businessId, title, body: text });
      replies = [...replies, reply];
      return json(reply, 201);
    });
  for (const reply of start) {
    api.on('PATCH', API.cannedReply(reply.id), ({ body }) => {
      replies = replies.map((each) => (each.id === reply.id ? { ...each, ...(body as object) } : each));
      return json(replies.find((each) => each.id === reply.id));
    });
  }
  return api;
}

describe('CannedRepliesCard', () => {
  it('adds a canned reply, then lists it', async () => {
    const api = serveCannedReplies(fakeApi());
    const { user } = renderWithProviders(<CannedRepliesCard businessId={businessId} />);
    await screen.findByText('No canned reply yet');
    const form = screen.getByRole('form', { name: 'Add a canned reply' });

    await user.type(within(form).getByLabelText('Title'), 'Refund timing');
    await user.type(within(form).getByLabelText('Text'), 'Refunds reach your card within 5 days.');
    await user.click(within(form).getByRole('button', { name: 'Add canned reply' }));

    expect(await screen.findByText('Canned reply “Refund timing” added')).toBeTruthy();
    expect(api.sent('POST', API.cannedReplies)[0]?.body).toEqual({
      business_id: businessId,
      title: 'Refund timing',
      body: 'Refunds reach your card within 5 days.',
    });
    const list = await screen.findByRole('list', { name: 'Canned replies' });
    expect(within(list).getByText('Refund timing')).toBeTruthy();
    expect(within(form).getByLabelText<HTMLInputElement>('Title').value).toBe('');
  });

  it('edits a canned reply in place', async () => {
    const reply = aCannedReply({ business_id: businessId });
    const api = serveCannedReplies(fakeApi(), [reply]);
    const { user } = renderWithProviders(<CannedRepliesCard businessId={businessId} />);

    const list = await screen.findByRole('list', { name: 'Canned replies' });
    await user.click(within(list).getByRole('button', { name: 'Edit Refund timing' }));
    const edit = within(list).getByRole('form', { name: 'Edit Refund timing' });
    await user.clear(within(edit).getByLabelText('Text'));
    await user.type(within(edit).getByLabelText('Text'), 'Refunds reach your card within 5 working days.');
    await user.click(within(edit).getByRole('button', { name: 'Save' }));

    expect(await within(list).findByText('Refunds reach your card within 5 working days.')).toBeTruthy();
    expect(api.sent('PATCH', API.cannedReply(reply.id))[0]?.body).toEqual({
      title: 'Refund timing',
      body: 'Refunds reach your card within 5 working days.',
    });
    expect(within(list).queryByRole('form')).toBeNull();
  });
});

describe('ImportMessagesCard', () => {
  const header = 'channel,external_id,customer_id,customer_name,body';
  const rows = [
    'sms,sms-1,+3312345678,Chloé,Do you deliver on Saturdays?',
    'x,x-1,@dan,Dan,Great croissants',
  ];
  const csv = (lines: string[]) =>
    new File([`${[header, ...lines].join('\n')}\n`], 'history.csv', { type: 'text/csv' });

  it('names each bad row of a refused file, then imports the fixed one with what was new', async () => {
    const api = fakeApi().on(
      'POST',
      API.messagesImport,
      problem(422, 'bulk_failed', '1 problem(s) in the import; nothing was imported', [
        {
          path: 'csv.4',
          message: 'Invalid option: expected one of "instagram"|"sms"|…',
          code: 'invalid_value',
        },
      ]),
    );
    const { user } = renderWithProviders(<ImportMessagesCard businessId={businessId} />);

    await user.upload(screen.getByLabelText('File'), csv([...rows, 'fax,f-1,c-3,Eve,Hello']));

    expect(await screen.findByText('Import refused')).toBeTruthy();
    expect(screen.getByText('csv.4')).toBeTruthy();
    expect(screen.getByText(/nothing was imported/)).toBeTruthy();
    expect(api.sent('POST', API.messagesImport)[0]?.body).toEqual({
      business_id: businessId,
      csv: `${[header, ...rows, 'fax,f-1,c-3,Eve,Hello'].join('\n')}\n`,
    });

    api.on('POST', API.messagesImport, json({ imported: 2, duplicates: 0 }));
    await user.upload(screen.getByLabelText('File'), csv(rows));

    expect(await screen.findByText('2 new messages; 0 were already in the inbox.')).toBeTruthy();
    expect(screen.queryByText('Import refused')).toBeNull();
  });

  it('refuses a JSON file that is not a list of messages before sending it', async () => {
    const api = fakeApi();
    const { user } = renderWithProviders(<ImportMessagesCard businessId={businessId} />);

    await user.upload(
      screen.getByLabelText('File'),
      new File(['{"body":"hi"}'], 'history.json', { type: 'application/json' }),
    );

    expect(await screen.findByText('The JSON file must hold an array of messages.')).toBeTruthy();
    expect(api.requests).toEqual([]);
  });
});
