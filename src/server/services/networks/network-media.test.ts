import { expect, it } from 'vitest';
import type { AttachedMediaRow } from '#server/repositories/content-media.repository.js';
import { SignedMediaLinks } from '../media/signed-media-links.js';
import { NETWORK_MEDIA_LINK_SECONDS, publicLink, publishedFile } from './network-media.js';

const row = {
  id: 'media-1',
  business_id: 'biz-1',
  kind: 'image',
  name: 'Loaf.png',
  mime_type: 'image/png',
  width: 4000,
  height: 3000,
  renditions: JSON.stringify([
    { id: 'w1280.jpg', width: 1280, height: 960, bytes: 200_000 },
    { id: 'w640.jpg', width: 640, height: 480, bytes: 60_000 },
  ]),
} as unknown as AttachedMediaRow;

it('links networks that fetch media by URL to the very rendition they would be sent, signed and expiring', () => {
  const links = new SignedMediaLinks('a-secret-long-enough-for-the-test');
  const now = new Date('2031-03-03T10:00:00.000Z');
  const file = publishedFile('pinterest', row, { maxImageBytes: 100_000 });
  const url = new URL(
    publicLink({ links, publicUrl: 'https://mcc.example', now: () => now }, row, file) ?? '',
  );
  expect(url.origin + url.pathname).toBe('https://mcc.example/api/media/signed/biz-1/media-1/w640.jpg');
  const expires = Number(url.searchParams.get('expires'));
  expect(expires).toBe(now.getTime() / 1000 + NETWORK_MEDIA_LINK_SECONDS);
  const grant = { businessId: 'biz-1', mediaId: 'media-1', variant: 'w640.jpg', expires };
  expect(links.verify(grant, url.searchParams.get('signature') ?? '')).toBe(true);
  // Without a public address the network could not reach a link: none is given.
  expect(publicLink({ links, publicUrl: undefined, now: () => now }, row, file)).toBeNull();
});
