import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { API } from '#shared/api-paths.js';
import type { Business } from '#shared/business.schema.js';
import { type MediaItem, mediaItemSchema } from '#shared/media.schema.js';
import { type FakeApi, json, noContent, problem } from '#web/test/fake-api.js';
import { fakeUploads } from '#web/test/fake-xhr.js';
import { aBusiness, aMediaItem, aUser } from '#web/test/fixtures.js';
import { fakeApi } from '#web/test/render.js';
import { renderApp, serveWorkspace } from '#web/test/render-app.js';

/** A library server: the list (searched and filtered as the API would), each item, thumbnails as bytes. */
function serveLibrary(api: FakeApi, business: Business, start: MediaItem[]) {
  const server = { items: [...start] };
  api.on('GET', API.media, ({ query }) => {
    if (query.get('business_id') !== business.id) return problem(404, 'not_found');
    const q = query.get('q')?.toLowerCase();
    const tag = query.get('tag');
    const items = server.items.filter(
      (item) =>
        (!q || item.name.toLowerCase().includes(q) || item.alt_text.toLowerCase().includes(q)) &&
        (!tag || item.tags.includes(tag)),
    );
    return json({ items, next_cursor: null });
  });
  for (const item of start) {
    api.on('GET', API.mediaRendition(item.id, 'w320.webp'), { status: 200, text: 'webp-bytes' });
    api.on('GET', API.mediaRendition(item.id, 'w640.webp'), { status: 200, text: 'webp-bytes' });
    api.on('PATCH', API.mediaItem(item.id), ({ body }) => {
      const changed = mediaItemSchema.parse({
        ...item,
        ...(body as object),
        updated_at: '2026-03-02T10:00:00.000Z',
      });
      server.items = server.items.map((other) => (other.id === item.id ? changed : other));
      return json(changed);
    });
  }
  return server;
}

function open(business: Business) {
  return renderApp(`/w/${business.id}/media`, { signedIn: aUser() });
}

describe('Media page', () => {
  it('is in the workspace navigation and shows the library as thumbnails fetched with the session', async () => {
    const business = aBusiness();
    const beach = aMediaItem({ business_id: business.id, name: 'beach.jpg' });
    const api = serveWorkspace(fakeApi(), business);
    serveLibrary(api, business, [beach]);
    open(business);

    expect(await screen.findByRole('heading', { name: 'Media', level: 1 })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Media' }).getAttribute('href')).toBe(`/w/${business.id}/media`);
    const tile = await screen.findByRole('button', { name: 'beach.jpg' });
    expect(within(tile).getByText('No alt text')).toBeTruthy();
    // The thumbnail is a blob of the rendition, fetched with the Bearer token (an <img src> has none).
    await waitFor(() => expect(tile.querySelector('img')?.getAttribute('src')).toMatch(/^blob:/));
    const [thumbnailRequest] = api.sent('GET', API.mediaRendition(beach.id, 'w320.webp'));
    expect(thumbnailRequest?.headers.get('authorization')).toMatch(/^Bearer /);
  });

  it('searches by name and alt text and filters by tag', async () => {
    const business = aBusiness();
    const fakes = serveWorkspace(fakeApi(), business);
    serveLibrary(fakes, business, [
      aMediaItem({ business_id: business.id, name: 'beach.jpg', tags: ['summer'] }),
      aMediaItem({ business_id: business.id, name: 'croissant.png', alt_text: 'A warm croissant' }),
    ]);
    const { user } = open(business);
    await screen.findByRole('button', { name: 'beach.jpg' });

    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'warm');
    await waitForGone('beach.jpg');
    expect(screen.getByRole('button', { name: 'croissant.png' })).toBeTruthy();
    expect(fakes.sent('GET', API.media).at(-1)?.query.get('q')).toBe('warm');

    await user.clear(screen.getByRole('searchbox', { name: 'Search' }));
    await user.type(screen.getByRole('textbox', { name: 'Tag' }), 'Summer');
    await waitForGone('croissant.png');
    expect(fakes.sent('GET', API.media).at(-1)?.query.get('tag')).toBe('summer');
  });

  it('uploads picked files with progress, and dropped ones, then shows them in the library', async () => {
    const business = aBusiness();
    const fakes = serveWorkspace(fakeApi(), business);
    const server = serveLibrary(fakes, business, []);
    const uploads = fakeUploads();
    const { user } = open(business);
    expect(await screen.findByText('No media yet')).toBeTruthy();

    const photo = new File(['jpeg-bytes'], 'shop.jpg', { type: 'image/jpeg' });
    await user.upload(screen.getByLabelText('Files to upload'), photo);
    const [request] = uploads.requests;
    expect(request).toMatchObject({ method: 'POST', url: `${API.media}?business_id=${business.id}` });
    expect(request?.headers.get('authorization')).toMatch(/^Bearer /);
    expect(request?.file()?.name).toBe('shop.jpg');

    request?.progress(40, 100);
    const bar = screen.getByRole('progressbar', { name: 'Uploading shop.jpg' });
    expect(bar.getAttribute('aria-valuetext')).toBe('40%');
    const uploaded = aMediaItem({ business_id: business.id, name: 'shop.jpg', renditions: [] });
    server.items = [uploaded];
    request?.respond(201, uploaded);
    expect(await screen.findByText('Added')).toBeTruthy();
    expect(await screen.findByRole('button', { name: 'shop.jpg' })).toBeTruthy();

    // A dropped file the server refuses says why, in the server's words.
    const svg = new File(['<svg/>'], 'logo.svg', { type: 'image/svg+xml' });
    fireEvent.drop(screen.getByTestId('upload-drop-target'), { dataTransfer: { files: [svg] } });
    const refused = uploads.requests[1];
    expect(refused?.file()?.name).toBe('logo.svg');
    refused?.respond(415, {
      type: 'https://mcc.example/problems/unsupported_media_type',
      title: 'That type of file is not accepted',
      status: 415,
      code: 'unsupported_media_type',
      detail: 'This file is not one of: JPEG, PNG, WebP, GIF, HEIC images and MP4 or MOV video',
    });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This file is not one of: JPEG, PNG, WebP, GIF, HEIC images and MP4 or MOV video',
    );
  });

  it('describes an item: alt text, tags, a focal point set by clicking the picture', async () => {
    const business = aBusiness();
    const beach = aMediaItem({ business_id: business.id, name: 'beach.jpg' });
    const fakes = serveWorkspace(fakeApi(), business);
    serveLibrary(fakes, business, [beach]);
    const { user } = open(business);
    await user.click(await screen.findByRole('button', { name: 'beach.jpg' }));

    const details = screen.getByRole('region', { name: 'Details of beach.jpg' });
    await user.type(within(details).getByRole('textbox', { name: 'Alt text' }), 'Two deck chairs at sunset');
    await user.type(within(details).getByRole('textbox', { name: 'Tags' }), 'summer{Enter}');
    await user.click(within(details).getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved')).toBeTruthy();
    expect(fakes.sent('PATCH', API.mediaItem(beach.id))[0]?.body).toEqual({
      name: 'beach.jpg',
      alt_text: 'Two deck chairs at sunset',
      tags: ['summer'],
    });

    const picture = within(details).getByRole('button', { name: /^Focal point: 50% across, 50% down/ });
    picture.getBoundingClientRect = () => ({ left: 0, top: 0, width: 200, height: 100 }) as DOMRect;
    fireEvent.click(picture, { clientX: 50, clientY: 75 });
    await waitFor(() =>
      expect(fakes.sent('PATCH', API.mediaItem(beach.id))[1]?.body).toEqual({
        focal_point: { x: 0.25, y: 0.75 },
      }),
    );
    expect(
      await within(details).findByRole('button', { name: /^Focal point: 25% across, 75% down/ }),
    ).toBeTruthy();
  });

  it('deletes an item, and says which posts use it when the server refuses', async () => {
    const business = aBusiness();
    const logo = aMediaItem({ business_id: business.id, name: 'logo.png' });
    const spare = aMediaItem({ business_id: business.id, name: 'spare.png' });
    const fakes = serveWorkspace(fakeApi(), business);
    const server = serveLibrary(fakes, business, [logo, spare]);
    fakes
      .on('DELETE', API.mediaItem(logo.id), () =>
        problem(
          409,
          'media_in_use',
          '“logo.png” is attached to 1 content item: “Opening day” (x, draft). Remove it from them first.',
        ),
      )
      .on('DELETE', API.mediaItem(spare.id), () => {
        server.items = server.items.filter((item) => item.id !== spare.id);
        return noContent();
      });
    const { user } = open(business);

    await user.click(await screen.findByRole('button', { name: 'logo.png' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete logo.png?' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    expect(
      await within(dialog).findByText(
        '“logo.png” is attached to 1 content item: “Opening day” (x, draft). Remove it from them first.',
      ),
    ).toBeTruthy();
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await user.click(screen.getByRole('button', { name: 'spare.png' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Delete spare.png?' })).getByRole('button', {
        name: 'Delete',
      }),
    );
    expect(await screen.findByText('Deleted spare.png')).toBeTruthy();
    await waitForGone('spare.png');
  });

  it('lets a viewer look without upload or editing', async () => {
    const business = aBusiness({ role: 'viewer' });
    const beach = aMediaItem({ business_id: business.id, name: 'beach.jpg' });
    serveLibrary(serveWorkspace(fakeApi(), business), business, [beach]);
    const { user } = open(business);
    await user.click(await screen.findByRole('button', { name: 'beach.jpg' }));
    expect(screen.queryByRole('button', { name: 'Choose files' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
    expect((screen.getByRole('textbox', { name: 'Alt text' }) as HTMLTextAreaElement).disabled).toBe(true);
  });
});

async function waitForGone(name: string): Promise<void> {
  await waitFor(() => expect(screen.queryByRole('button', { name })).toBeNull());
}
