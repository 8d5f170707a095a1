import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { Business } from '#shared/business.schema.js';
import {
  type ContentHistoryEntry,
  type ContentItem,
  type ContentStatus,
  contentHistoryEntrySchema,
  contentItemSchema,
} from '#shared/content.schema.js';
import { statusAfterEdit } from '#shared/content-workflow.js';
import type { Role } from '#shared/roles.js';
import { useContentItem } from '#web/features/content/api/get-content-item.js';
import { type FakeApi, type FakeRequest, json, problem } from '#web/test/fake-api.js';
import { aBusiness, aContentItem, anId } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { ContentEditor } from './content-editor.js';

/** The editor as its page shows it: fed by the item's query, so what the server answers is what is shown. */
function EditorPage({ business, itemId }: { business: Business; itemId: string }) {
  const item = useContentItem(business.id, itemId);
  return item.data ? <ContentEditor item={item.data} business={business} /> : null;
}

/** A one-item content server: edits and workflow moves change the item and its history, as the API would. */
function serveItem(api: FakeApi, start: ContentItem) {
  const server = { item: start, history: [] as ContentHistoryEntry[] };
  const record = (action: ContentHistoryEntry['action'], comment: string | null = null) =>
    server.history.push(
      contentHistoryEntrySchema.parse({
        id: anId(),
        content_item_id: start.id,
        version: server.item.version,
        actor_user_id: null,
        action,
        comment,
        snapshot: {},
        created_at: '2026-03-02T10:00:00.000Z',
      }),
    );
  const change = (fields: Partial<ContentItem>) => {
    server.item = contentItemSchema.parse({ ...server.item, ...fields, version: server.item.version + 1 });
    return json(server.item);
  };
  api
    .on('GET', API.contentItem(start.id), () => json(server.item))
    .on('GET', API.contentHistory(start.id), () => json({ items: server.history, next_cursor: null }))
    .on('PATCH', API.contentItem(start.id), ({ body }: FakeRequest) => {
      const { version: _version, ...fields } = body as Partial<ContentItem>;
      record('edited');
      return change({ ...fields, status: statusAfterEdit(server.item.status, Object.keys(fields)) });
    })
    .on('POST', API.contentTransition(start.id), ({ body }: FakeRequest) => {
      const { to, comment } = body as { to: ContentStatus; comment?: string };
      const action = to === 'in_review' ? 'submitted' : to === 'approved' ? 'approved' : 'sent_back';
      record(action, comment ?? null);
      return change({ status: to });
    });
  return server;
}

function renderEditor(role: Role, fields: Partial<ContentItem> = {}) {
  const business = aBusiness({ role });
  const api = fakeApi();
  const server = serveItem(api, aContentItem({ business_id: business.id, ...fields }));
  const rendered = renderWithProviders(<EditorPage business={business} itemId={server.item.id} />);
  const review = async () => screen.findByRole('region', { name: 'Review' });
  return { ...rendered, api, server, review };
}

const moveButtons = (review: HTMLElement) =>
  within(review)
    .queryAllByRole('button')
    .map((button) => button.textContent);

describe('ContentEditor', () => {
  it('lets a viewer read the item but not edit or move it', async () => {
    const { user, server, review } = renderEditor('viewer');

    expect(moveButtons(await review())).toEqual([]);
    expect(
      within(await review()).getByText('You can read this item; an owner, admin or editor can change it.'),
    ).toBeTruthy();
    const text = screen.getByRole<HTMLTextAreaElement>('textbox', { name: 'Text' });
    await user.type(text, 'My edit');
    expect(text.value).toBe(server.item.body);
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Shorter' })).toBeNull();
  });

  // The shared workflow's moves, as each role sees them (src/shared/content-workflow.ts).
  it.each<[ContentStatus, Role, string[]]>([
    ['idea', 'editor', ['Turn into a draft']],
    ['draft', 'editor', ['Submit for review']],
    ['in_review', 'editor', ['Withdraw']],
    ['in_review', 'admin', ['Send back', 'Approve']],
    ['approved', 'editor', []],
    ['approved', 'owner', ['Schedule']],
    ['failed', 'editor', ['Restored']],
    ['failed', 'admin', ['Schedule', 'Restored']],
  ])('offers an item that is %s to an %s: %j', async (status, role, expected) => {
    const { review } = renderEditor(role, { status });

    expect(moveButtons(await review())).toEqual(expected);
  });

  it.each<[ContentStatus, Role, string]>([
    ['published', 'owner', 'Published: nothing left to do.'],
    ['published', 'viewer', 'Published: nothing left to do.'],
    ['scheduled', 'editor', 'Scheduled: it goes out at its time. An owner or admin can unschedule it.'],
    ['approved', 'editor', 'Approved: an owner or admin schedules it.'],
    [
      'failed',
      'viewer',
      'Publishing failed: an editor can restore it to a draft, or an owner or admin schedule it again.',
    ],
  ])('says in a sentence why a %s item has no move for a %s', async (status, role, sentence) => {
    const { review } = renderEditor(role, { status });

    expect(within(await review()).getByText(sentence)).toBeTruthy();
    expect(within(await review()).queryByText(/No move for your role/)).toBeNull();
  });

  it('tells a writer who is waiting on a review', async () => {
    const { review } = renderEditor('viewer', { status: 'in_review' });

    expect(within(await review()).getByText('Waiting for an owner or admin to review it.')).toBeTruthy();
  });

  it('submits a draft for review from the version it shows, and the history records it', async () => {
    const { user, api, server, review } = renderEditor('editor', { version: 3 });

    await user.click(within(await review()).getByRole('button', { name: 'Submit for review' }));

    expect(await screen.findByText('Submitted for review: now in review')).toBeTruthy();
    expect(api.sent('POST', API.contentTransition(server.item.id))[0]?.body).toEqual({
      to: 'in_review',
      version: 3,
    });
    expect(within(await review()).getByText('In review')).toBeTruthy();
    const history = screen.getByRole('region', { name: 'History' });
    expect(await within(history).findByText('Submitted for review')).toBeTruthy();
  });

  it('asks a reviewer what to change before sending an item back', async () => {
    const { user, api, server, review } = renderEditor('admin', { status: 'in_review' });
    await user.click(within(await review()).getByRole('button', { name: 'Send back' }));

    const dialog = screen.getByRole('dialog', { name: 'Send back to the writer' });
    const send = within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Send back' });
    expect(send.disabled).toBe(true);
    await user.type(within(dialog).getByLabelText('What to change'), '  Mention the price.  ');
    await user.click(send);

    expect(await screen.findByText('Sent back: now draft')).toBeTruthy();
    expect(api.sent('POST', API.contentTransition(server.item.id))[0]?.body).toMatchObject({
      to: 'draft',
      comment: 'Mention the price.',
    });
    expect(
      await within(screen.getByRole('region', { name: 'History' })).findByText('Mention the price.'),
    ).toBeTruthy();
  });

  it('blocks moves while there are unsaved edits', async () => {
    const { user, review } = renderEditor('editor');
    await review();

    await user.type(screen.getByRole('textbox', { name: 'Call to action' }), 'Order ahead online.');

    expect(within(await review()).getByText('Save your changes first.')).toBeTruthy();
    expect(
      within(await review()).getByRole<HTMLButtonElement>('button', { name: 'Submit for review' }).disabled,
    ).toBe(true);
  });

  it('saves only what changed, with the version it started from', async () => {
    const { user, api, server, review } = renderEditor('editor', { version: 4 });
    await review();

    await user.type(screen.getByRole('textbox', { name: 'Call to action' }), 'Order ahead online.');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(api.sent('PATCH', API.contentItem(server.item.id))[0]?.body).toEqual({
      version: 4,
      call_to_action: 'Order ahead online.',
    });
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Call to action' }).value).toBe(
      'Order ahead online.',
    );
  });

  it('says when an edit sends approved work back to draft for another review', async () => {
    const { user, review } = renderEditor('owner', { status: 'approved' });
    await review();

    await user.type(screen.getByRole('textbox', { name: 'Text' }), ' Now with rhubarb.');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved; it goes back to draft for another review')).toBeTruthy();
    expect(await within(await review()).findByRole('button', { name: 'Submit for review' })).toBeTruthy();
  });

  it('never overwrites someone else’s save: the conflict is explained and their version can be loaded', async () => {
    const { user, api, server, review } = renderEditor('editor');
    await review();
    // Someone else saved first: the server has moved on to version 2.
    server.item = { ...server.item, call_to_action: 'Come early, they go fast.', version: 2 };
    api.on(
      'PATCH',
      API.contentItem(server.item.id),
      problem(409, 'version_conflict', 'This item changed since version 1'),
    );

    await user.type(screen.getByRole('textbox', { name: 'Call to action' }), 'Order ahead online.');
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Changed by someone else')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Load their version' }));
    expect(screen.getByRole<HTMLInputElement>('textbox', { name: 'Call to action' }).value).toBe(
      'Come early, they go fast.',
    );
  });

  it('shows the channel’s limit in the preview and the server’s refusal on the text', async () => {
    const { user, api, server, review } = renderEditor('editor');
    await review();
    api.on(
      'PATCH',
      API.contentItem(server.item.id),
      problem(422, 'over_channel_limit', undefined, [
        {
          path: 'body.body',
          message: 'Bluesky allows 300 characters (graphemes); this has 320',
          code: 'too_long',
        },
      ]),
    );

    const text = screen.getByRole('textbox', { name: 'Text' });
    await user.clear(text);
    await user.paste('🥐 '.repeat(160));
    expect(screen.getByText(/over Bluesky’s limit/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Bluesky allows 300 characters (graphemes); this has 320')).toBeTruthy();
    expect(text.getAttribute('aria-invalid')).toBe('true');
    await user.click(screen.getByRole('button', { name: 'Discard changes' }));
    expect((text as HTMLTextAreaElement).value).toBe(server.item.body);
  });

  it('shows a refused move with the server’s reason', async () => {
    const { user, api, server, review } = renderEditor('editor');
    api.on(
      'POST',
      API.contentTransition(server.item.id),
      problem(422, 'validation_failed', 'Write the text before submitting it for review'),
    );

    await user.click(within(await review()).getByRole('button', { name: 'Submit for review' }));

    expect((await within(await review()).findByRole('alert')).textContent).toBe(
      'Write the text before submitting it for review',
    );
  });
});
