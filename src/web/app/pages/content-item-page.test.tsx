import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { Business } from '#shared/business.schema.js';
import { type ContentItem, type ContentMedia, contentItemSchema } from '#shared/content.schema.js';
import type { MediaItem } from '#shared/media.schema.js';
import { type FakeApi, json, problem } from '#web/test/fake-api.js';
import { aBusiness, aContentItem, aMediaItem, aUser } from '#web/test/fixtures.js';
import { fakeApi } from '#web/test/render.js';
import { renderApp, serveWorkspace } from '#web/test/render-app.js';

const asAttached = (item: MediaItem): ContentMedia => ({
  id: item.id,
  kind: item.kind,
  name: item.name,
  alt_text: item.alt_text,
  mime_type: item.mime_type,
  size_bytes: item.size_bytes,
  width: item.width,
  height: item.height,
  video: item.video,
  thumbnail: 'w320.webp',
});

/** One content item and a library: PUT media sets the item's list (in order) and bumps its version. */
function serveItemWithLibrary(api: FakeApi, start: ContentItem, library: MediaItem[]) {
  const server = { item: start };
  const byId = new Map(library.map((item) => [item.id, item]));
  api
    .on('GET', API.contentItem(start.id), () => json(server.item))
    .on('GET', API.contentHistory(start.id), json({ items: [], next_cursor: null }))
    .on('GET', API.contentPublishAttempts(start.id), json({ items: [], next_cursor: null }))
    .on('GET', API.contentComments(start.id), json({ items: [] }))
    .on('GET', API.members(start.business_id), json({ items: [] }))
    .on('GET', API.media, json({ items: library, next_cursor: null }))
    .on('PUT', API.contentMedia(start.id), ({ body }) => {
      const { version, media_ids } = body as { version: number; media_ids: string[] };
      if (version !== server.item.version) return problem(409, 'version_conflict');
      server.item = contentItemSchema.parse({
        ...server.item,
        version: server.item.version + 1,
        media: media_ids.map((id) => asAttached(byId.get(id) as MediaItem)),
      });
      return json(server.item);
    });
  for (const item of library) {
    api.on('GET', API.mediaRendition(item.id, 'w320.webp'), { status: 200, text: 'webp-bytes' });
  }
  return server;
}

function open(business: Business, item: ContentItem) {
  return renderApp(`/w/${business.id}/content/${item.id}`, { signedIn: aUser() });
}

const attachedNames = () =>
  within(screen.getByRole('list', { name: 'Attached media' }))
    .getAllByRole('listitem')
    .map((row) => row.querySelector('.attached-media__text span')?.textContent);

describe('Content item page: media', () => {
  it('attaches from the library, reorders and removes, with the network’s limit shown', async () => {
    const business = aBusiness();
    const beach = aMediaItem({ business_id: business.id, name: 'beach.jpg', alt_text: 'Deck chairs' });
    const shop = aMediaItem({ business_id: business.id, name: 'shop.jpg' });
    const api = serveWorkspace(fakeApi(), business);
    const server = serveItemWithLibrary(
      api,
      aContentItem({ business_id: business.id, channel: 'x', title: 'Opening day' }),
      [beach, shop],
    );
    const { user } = open(business, server.item);

    const card = await screen.findByRole('region', { name: 'Media' });
    expect(within(card).getByText('X: Up to 4 images or 1 video')).toBeTruthy();
    expect(within(card).getByText('No media attached.')).toBeTruthy();

    await user.click(within(card).getByRole('button', { name: 'Add from library' }));
    const dialog = await screen.findByRole('dialog', { name: 'Attach from the library' });
    await user.click(await within(dialog).findByRole('button', { name: 'shop.jpg' }));
    await user.click(within(dialog).getByRole('button', { name: 'beach.jpg' }));
    await user.click(within(dialog).getByRole('button', { name: 'Attach 2 items' }));
    await waitFor(() => expect(attachedNames()).toEqual(['shop.jpg', 'beach.jpg']));
    expect(api.sent('PUT', API.contentMedia(server.item.id))[0]?.body).toEqual({
      version: 1,
      media_ids: [shop.id, beach.id],
    });
    // Scheduling to X needs alt text on every image: said before anyone tries.
    expect(within(card).getByText('Describe “shop.jpg” (alt text) before scheduling it to X')).toBeTruthy();

    await user.click(within(card).getByRole('button', { name: 'Move beach.jpg earlier' }));
    await waitFor(() => expect(attachedNames()).toEqual(['beach.jpg', 'shop.jpg']));
    expect(api.sent('PUT', API.contentMedia(server.item.id))[1]?.body).toEqual({
      version: 2,
      media_ids: [beach.id, shop.id],
    });

    await user.click(within(card).getByRole('button', { name: 'Remove shop.jpg' }));
    await waitFor(() => expect(attachedNames()).toEqual(['beach.jpg']));
    expect(api.sent('PUT', API.contentMedia(server.item.id))[2]?.body).toEqual({
      version: 3,
      media_ids: [beach.id],
    });
    expect(within(card).queryByText(/before scheduling/)).toBeNull();
  });

  it('shows the server’s reason when the network takes fewer', async () => {
    const business = aBusiness();
    const photo = aMediaItem({ business_id: business.id, name: 'photo.jpg' });
    const api = serveWorkspace(fakeApi(), business);
    const server = serveItemWithLibrary(
      api,
      aContentItem({ business_id: business.id, channel: 'sms', body: 'Sale today' }),
      [photo],
    );
    api.on('PUT', API.contentMedia(server.item.id), () =>
      problem(422, 'media_check_failed', 'SMS posts carry no images or video; remove the attached media'),
    );
    const { user } = open(business, server.item);

    const card = await screen.findByRole('region', { name: 'Media' });
    expect(within(card).getByText('SMS: No media')).toBeTruthy();
    await user.click(within(card).getByRole('button', { name: 'Add from library' }));
    const dialog = await screen.findByRole('dialog', { name: 'Attach from the library' });
    await user.click(await within(dialog).findByRole('button', { name: 'photo.jpg' }));
    await user.click(within(dialog).getByRole('button', { name: 'Attach' }));
    expect(
      await within(card).findByText('SMS posts carry no images or video; remove the attached media'),
    ).toBeTruthy();
  });

  it('shows a viewer the media without ways to change them', async () => {
    const business = aBusiness({ role: 'viewer' });
    const photo = aMediaItem({ business_id: business.id, name: 'photo.jpg', alt_text: 'A loaf' });
    const api = serveWorkspace(fakeApi(), business);
    const server = serveItemWithLibrary(
      api,
      aContentItem({ business_id: business.id, media: [asAttached(photo)] }),
      [photo],
    );
    open(business, server.item);
    const card = await screen.findByRole('region', { name: 'Media' });
    expect(within(card).getByText('A loaf')).toBeTruthy();
    expect(within(card).queryByRole('button', { name: 'Add from library' })).toBeNull();
    expect(within(card).queryByRole('button', { name: 'Remove photo.jpg' })).toBeNull();
  });
});

describe('Content item page: the crop a network gets', () => {
  it('shows an Instagram post’s too-tall photo as the 4:5 crop that will be sent, and says why', async () => {
    const business = aBusiness();
    const tall = aMediaItem({
      business_id: business.id,
      name: 'phone.jpg',
      alt_text: 'The counter at opening',
      width: 1080,
      height: 1920,
    });
    const wide = aMediaItem({ business_id: business.id, name: 'shop.jpg', width: 1200, height: 900 });
    const api = serveWorkspace(fakeApi(), business);
    const server = serveItemWithLibrary(
      api,
      aContentItem({
        business_id: business.id,
        channel: 'instagram',
        media: [asAttached(tall), asAttached(wide)],
      }),
      [tall, wide],
    );
    api.on('GET', API.mediaRendition(tall.id, 'portrait.webp'), { status: 200, text: 'webp-bytes' });
    open(business, server.item);

    const card = await screen.findByRole('region', { name: 'Media' });
    expect(
      within(card).getByText(
        'Sent as its 4:5 crop: Instagram takes shapes from 4:5 to 1.91:1. Move its focal point in the library to choose what shows.',
      ),
    ).toBeTruthy();
    // The 4:3 photo fits Instagram as it is: no crop, no note.
    expect(within(card).getAllByText(/Sent as its/)).toHaveLength(1);
    await waitFor(() =>
      expect(api.sent('GET', API.mediaRendition(tall.id, 'portrait.webp'))).toHaveLength(1),
    );
  });
});
