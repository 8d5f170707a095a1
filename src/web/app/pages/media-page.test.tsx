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

  it('makes a text card from three lines, then shows it in the library, selected', async () => {
    const business = aBusiness();
    const fakes = serveWorkspace(fakeApi(), business);
    const server = serveLibrary(fakes, business, []);
    const card = aMediaItem({
      business_id: business.id,
      name: 'Offer - 20% off all bikes.png',
      tags: ['card'],
    });
    fakes.on('POST', API.mediaCards, ({ body, query }) => {
      if (query.get('business_id') !== business.id) return problem(404, 'not_found');
      server.items = [card];
      fakes.on('GET', API.mediaRendition(card.id, 'w320.webp'), { status: 200, text: 'webp-bytes' });
      fakes.on('GET', API.mediaRendition(card.id, 'w640.webp'), { status: 200, text: 'webp-bytes' });
      expect(body).toEqual({
        kind: 'offer',
        headline: '20% off all bikes',
        body: '',
        footer: 'Until Sunday',
        aspect: '4:5',
        show_business_name: true,
      });
      return json(card, 201);
    });
    const { user } = open(business);
    await user.click(await screen.findByRole('button', { name: 'Make an image' }));
    const dialog = await screen.findByRole('dialog', { name: 'Make an image' });
    await user.selectOptions(within(dialog).getByLabelText('Kind'), 'offer');
    await user.type(within(dialog).getByLabelText('The offer'), '20% off all bikes');
    await user.type(within(dialog).getByLabelText('Code or end date'), 'Until Sunday');
    await user.selectOptions(within(dialog).getByLabelText('Shape'), '4:5');
    await user.click(within(dialog).getByRole('button', { name: 'Make the card' }));

    expect(await screen.findByRole('region', { name: `Details of ${card.name}` })).toBeTruthy();
    expect(screen.queryByRole('dialog', { name: 'Make an image' })).toBeNull();
  });

  it('says why an image cannot be generated, in the server’s words, and checks the prompt first', async () => {
    const business = aBusiness();
    const fakes = serveWorkspace(fakeApi(), business);
    serveLibrary(fakes, business, []);
    fakes.on('POST', API.mediaGenerate, () =>
      problem(
        409,
        'image_generator_missing',
        'Offline mode has no image generator: make a text card instead (POST /api/media/cards).',
      ),
    );
    const { user } = open(business);
    await user.click(await screen.findByRole('button', { name: 'Make an image' }));
    const dialog = await screen.findByRole('dialog', { name: 'Make an image' });
    await user.click(within(dialog).getByRole('radio', { name: 'Generate' }));
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    expect(await within(dialog).findByText(/3 characters/)).toBeTruthy();
    expect(fakes.sent('POST', API.mediaGenerate)).toHaveLength(0);

    await user.type(within(dialog).getByLabelText('What the picture shows'), 'A bowl of ramen, steam rising');
    await user.click(within(dialog).getByRole('button', { name: 'Generate' }));
    expect(
      await within(dialog).findByText(
        'Offline mode has no image generator: make a text card instead (POST /api/media/cards).',
      ),
    ).toBeTruthy();
    expect(fakes.sent('POST', API.mediaGenerate)[0]?.body).toEqual({
      prompt: 'A bowl of ramen, steam rising',
      aspect: '1:1',
    });
  });

  it('suggests alt text into the field without saving it, and says what the writer saw', async () => {
    const business = aBusiness();
    const beach = aMediaItem({ business_id: business.id, name: 'beach.jpg' });
    const fakes = serveWorkspace(fakeApi(), business);
    serveLibrary(fakes, business, [beach]);
    fakes.on('POST', API.mediaAltTextSuggestion(beach.id), () =>
      json({
        call_id: '01900000-0000-7000-8000-0000000000a1',
        task: 'suggestAltText',
        provider: 'offline',
        model: 'offline-writer',
        offline: true,
        cached: false,
        prompt_tokens: 0,
        completion_tokens: 0,
        cost_micro_usd: 0,
        alt_text: 'Deck chairs on a sandy beach',
        warnings: [],
        saw_image: false,
      }),
    );
    const { user } = open(business);
    await user.click(await screen.findByRole('button', { name: 'beach.jpg' }));
    await user.click(await screen.findByRole('button', { name: 'Suggest alt text' }));
    const field = screen.getByLabelText('Alt text') as HTMLTextAreaElement;
    await waitFor(() => expect(field.value).toBe('Deck chairs on a sandy beach'));
    expect(screen.getByText(/Suggested by the offline writer/).textContent).toMatch(
      /has not seen the picture/,
    );
    expect(fakes.sent('PATCH', API.mediaItem(beach.id))).toHaveLength(0);
  });
});

async function waitForGone(name: string): Promise<void> {
  await waitFor(() => expect(screen.queryByRole('button', { name })).toBeNull());
}
