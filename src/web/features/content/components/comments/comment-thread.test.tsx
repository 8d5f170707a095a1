import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { ContentComment } from '#shared/comments.schema.js';
import { json, noContent, problem } from '#web/test/fake-api.js';
import { aBusiness, aMember, anId, aUser } from '#web/test/fixtures.js';
import { fakeApi, renderWithProviders } from '#web/test/render.js';
import { CommentThread } from './comment-thread.js';

const business = aBusiness();
const itemId = anId();
const me = aUser({ name: 'Ada Lovelace' });
const grace = aMember({ name: 'Grace Hopper' });
const mentionable = [
  { id: me.id, name: me.name },
  { id: grace.user_id, name: grace.name },
];
const AT = '2026-03-01T09:00:00.000Z';

function aComment(overrides: Partial<ContentComment>): ContentComment {
  return {
    id: anId(),
    content_item_id: itemId,
    parent_id: null,
    author: { id: me.id, name: me.name },
    body: 'A comment',
    mentions: [],
    created_at: AT,
    updated_at: AT,
    deleted: false,
    ...overrides,
  };
}

/** A fake server that keeps the comments it is sent. */
function serveComments(start: ContentComment[]) {
  const server = { comments: [...start] };
  const api = fakeApi()
    .on('GET', API.contentComments(itemId), () => json({ items: server.comments }))
    .on('POST', API.contentComments(itemId), ({ body }) => {
      const sent = body as { body: string; mentions: string[]; parent_id?: string };
      const comment = aComment({
        body: sent.body,
        parent_id: sent.parent_id ?? null,
        mentions: sent.mentions.map((id) => ({ id, name: id === grace.user_id ? grace.name : me.name })),
      });
      server.comments.push(comment);
      return json(comment, 201);
    });
  return { api, server };
}

describe('CommentThread', () => {
  it('posts a comment that mentions a member picked after typing @', async () => {
    const { api } = serveComments([]);
    const { user } = renderWithProviders(
      <CommentThread businessId={business.id} itemId={itemId} members={mentionable} />,
      {
        signedIn: me,
      },
    );
    expect(await screen.findByText('No comments yet.')).toBeTruthy();
    const field = screen.getByLabelText('Add a comment');
    await user.type(field, 'Looks good, @gr');
    await user.click(
      within(screen.getByRole('list', { name: 'Mention someone' })).getByRole('button', {
        name: '@Grace Hopper',
      }),
    );
    await user.type(field, 'please approve');
    await user.click(screen.getByRole('button', { name: 'Comment' }));

    const posted = await screen.findByRole('article', { name: `Comment by ${me.name}` });
    expect(posted.querySelector('.comment__body')?.textContent).toBe(
      'Looks good, @Grace Hopper please approve',
    );
    // The mention stands out from the text around it.
    expect(within(posted).getByText('@Grace Hopper').tagName).toBe('STRONG');
    expect(api.sent('POST', API.contentComments(itemId)).map((request) => request.body)).toEqual([
      { body: 'Looks good, @Grace Hopper please approve', mentions: [grace.user_id] },
    ]);
    expect((screen.getByLabelText('Add a comment') as HTMLTextAreaElement).value).toBe('');
  });

  it('picks a mention from the keyboard: Enter takes the first, arrows walk the list, Escape closes it', async () => {
    serveComments([]);
    const { user } = renderWithProviders(
      <CommentThread businessId={business.id} itemId={itemId} members={mentionable} />,
      {
        signedIn: me,
      },
    );
    const field = (await screen.findByLabelText('Add a comment')) as HTMLTextAreaElement;
    await user.type(field, 'Hi @gr');
    await user.keyboard('{Enter}');
    expect(field.value).toBe('Hi @Grace Hopper ');
    await user.type(field, '@');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement?.textContent).toBe(`@${me.name}`);
    await user.keyboard('{ArrowDown}{Escape}');
    expect(document.activeElement).toBe(field);
    expect(screen.queryByRole('list', { name: 'Mention someone' })).toBeNull();
  });

  it('threads replies under their comment and replies to the thread', async () => {
    const first = aComment({ author: { id: grace.user_id, name: grace.name }, body: 'Swap the photo?' });
    const answer = aComment({ parent_id: first.id, body: 'Done.' });
    const { api } = serveComments([first, answer]);
    const { user } = renderWithProviders(
      <CommentThread businessId={business.id} itemId={itemId} members={mentionable} />,
      {
        signedIn: me,
      },
    );
    const thread = await screen.findByRole('article', { name: 'Comment by Grace Hopper' });
    expect(within(thread).getByText('Swap the photo?')).toBeTruthy();
    const replies = screen.getByRole('list', { name: 'Replies' });
    expect(within(replies).getByText('Done.')).toBeTruthy();
    // Only my own comment offers Edit and Delete.
    expect(within(thread).queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(within(replies).getByRole('button', { name: 'Edit' })).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Reply' }));
    await user.type(screen.getByLabelText('Your reply'), 'Thanks!');
    await user.click(screen.getByRole('button', { name: 'Reply' }));
    expect(await within(screen.getByRole('list', { name: 'Replies' })).findByText('Thanks!')).toBeTruthy();
    expect(api.sent('POST', API.contentComments(itemId))[0]?.body).toEqual({
      body: 'Thanks!',
      mentions: [],
      parent_id: first.id,
    });
  });

  it('edits and deletes my own comment', async () => {
    const mine = aComment({ body: 'Typo hree' });
    const { api, server } = serveComments([mine]);
    api
      .on('PATCH', API.contentComment(itemId, mine.id), ({ body }) => {
        const edited = { ...mine, ...(body as object), updated_at: '2026-03-01T10:00:00.000Z', mentions: [] };
        server.comments = [edited];
        return json(edited);
      })
      .on('DELETE', API.contentComment(itemId, mine.id), () => {
        server.comments = [];
        return noContent();
      });
    const { user } = renderWithProviders(
      <CommentThread businessId={business.id} itemId={itemId} members={mentionable} />,
      {
        signedIn: me,
      },
    );
    await user.click(await screen.findByRole('button', { name: 'Edit' }));
    const field = screen.getByLabelText('Edit your comment');
    await user.clear(field);
    await user.type(field, 'Typo here');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Typo here')).toBeTruthy();
    expect(screen.getByText(/edited/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('No comments yet.')).toBeTruthy();
    expect(api.sent('DELETE', API.contentComment(itemId, mine.id))).toHaveLength(1);
  });

  it('keeps the text and shows the server’s reason when a comment is refused', async () => {
    const { api } = serveComments([]);
    api.on('POST', API.contentComments(itemId), () =>
      problem(400, 'validation_failed', 'A mention names someone outside the workspace', [
        { path: 'body.mentions.0', message: 'Not a member of this workspace', code: 'not_found' },
      ]),
    );
    const { user } = renderWithProviders(
      <CommentThread businessId={business.id} itemId={itemId} members={mentionable} />,
      {
        signedIn: me,
      },
    );
    const field = await screen.findByLabelText('Add a comment');
    await user.type(field, 'Hello');
    await user.click(screen.getByRole('button', { name: 'Comment' }));
    expect(await screen.findByText('Not a member of this workspace')).toBeTruthy();
    expect((field as HTMLTextAreaElement).value).toBe('Hello');
  });
});
