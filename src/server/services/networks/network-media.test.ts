import { expect, it } from 'vitest';
import { SignedMediaLinks } from '../media/signed-media-links.js';
import { NETWORK_MEDIA_LINK_SECONDS, signedMediaUrlOf } from './network-media.js';

it('gives networks that fetch media a signed public link to the very file, and none without a public address', () => {
  const links = new SignedMediaLinks('a-secret-of-at-least-32-characters!!');
  const now = () => new Date('2031-03-03T10:00:00.000Z');
  const urlOf = signedMediaUrlOf(links, 'https://mcc.example', now);
  const url = new URL(urlOf?.({ businessId: 'b1', mediaId: 'm1', variant: 'w1280.jpg' }) ?? '');
  expect(url.origin + url.pathname).toBe('https://mcc.example/api/media/signed/b1/m1/w1280.jpg');
  const expires = Number(url.searchParams.get('expires'));
  expect(expires).toBe(now().getTime() / 1000 + NETWORK_MEDIA_LINK_SECONDS);
  const grant = { businessId: 'b1', mediaId: 'm1', variant: 'w1280.jpg', expires };
  expect(links.verify(grant, url.searchParams.get('signature') ?? '')).toBe(true);
  expect(links.verify({ ...grant, variant: 'original' }, url.searchParams.get('signature') ?? '')).toBe(
    false,
  );
  expect(signedMediaUrlOf(links, undefined, now)).toBeUndefined();
});
