import { AtpAgent } from '@atproto/api';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGuardedFetch } from '#server/integrations/guarded-fetch.js';
import { createBlueskyProvider } from '#server/integrations/networks/bluesky/bluesky-provider.js';
import type { ConnectedAccount, NetworkImage } from '#server/integrations/networks/provider.js';
import { createOutboundGuard } from '#server/integrations/outbound-guard.js';
import { type RealPds, realPdsSkipReason, startRealPds } from '../support/bluesky-pds.js';
import { publicationOf, sessionFrom } from '../support/networks/publication.js';

// The Bluesky provider against a real PDS (@atproto/dev-env's, test/bluesky-pds/), not the contract fake:
// the PDS checks every record against the AT Protocol lexicons, so a thread, a facet or an image embed of
// the wrong shape is refused here. It has no AppView, so counts and notifications stay with the fake's
// tests (network-bluesky.test.ts).

describe.skipIf(Boolean(realPdsSkipReason))('Bluesky against a real PDS', () => {
  let pds: RealPds;
  let connected: ConnectedAccount;
  const provider = createBlueskyProvider({
    fetch: createGuardedFetch(createOutboundGuard({ allowedHosts: ['127.0.0.1', 'localhost', '::1'] })),
    timeoutMs: 10_000,
    now: () => new Date(),
  });

  beforeAll(async () => {
    pds = await startRealPds();
    const answer = await provider.connect({
      handle: `@${pds.handle}`,
      app_password: pds.appPassword,
      pds_url: pds.pdsUrl,
    });
    if (!answer.ok) throw new Error(answer.failure.message);
    connected = answer.value;
  }, 60_000);
  afterAll(async () => {
    await pds?.close();
  });

  it('connects with an app password and refuses the account’s own password', async () => {
    expect(connected).toMatchObject({ baseUrl: pds.pdsUrl, handle: `@${pds.handle}` });
    expect(connected.remoteAccountId).toMatch(/^did:plc:/);
    const own = await provider.connect({
      handle: pds.handle,
      app_password: pds.accountPassword,
      pds_url: pds.pdsUrl,
    });
    expect(own.ok ? null : own.failure.message).toContain('that is the account’s own password');
  });

  it('publishes a thread with a mention, a tag, a link and an image that the PDS accepts and stores', async () => {
    const picture = await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 180, g: 120, b: 60 } },
    })
      .jpeg()
      .toBuffer();
    const image: NetworkImage = {
      kind: 'image',
      fileName: 'loaf.jpg',
      mimeType: 'image/jpeg',
      bytes: picture,
      description: 'A sourdough loaf on a board',
      width: 64,
      height: 48,
    };
    const publication = publicationOf(
      ['Fresh #sourdough at 7, flour from @miller.test', 'Prices: https://bakery.example/menu'],
      { files: [image], dueAt: new Date().toISOString() },
    );
    const published = await provider.publish(sessionFrom(connected), publication);
    expect(published.ok, published.ok ? '' : published.failure.message).toBe(true);
    expect(publication.out.map((part) => part.position)).toEqual([0, 1]);

    // Read back what the PDS stored, with the official client, as another reader would.
    const reader = new AtpAgent({ service: pds.pdsUrl });
    const records = await Promise.all(
      publication.out.map(async (part) => {
        const [, , repo, collection, rkey] = part.remoteId.split('/');
        return (
          await reader.com.atproto.repo.getRecord({
            repo: repo ?? '',
            collection: collection ?? '',
            rkey: rkey ?? '',
          })
        ).data;
      }),
    );
    const [first, second] = records.map((record) => record.value as Record<string, unknown>);
    if (!first || !second) throw new Error('the PDS did not store both parts');
    expect(first.text).toBe('Fresh #sourdough at 7, flour from @miller.test');
    const features = (first.facets as Array<{ features: Array<Record<string, string>> }>).map(
      (facet) => facet.features[0],
    );
    expect(features).toEqual([
      { $type: 'app.bsky.richtext.facet#tag', tag: 'sourdough' },
      { $type: 'app.bsky.richtext.facet#mention', did: pds.miller },
    ]);
    expect(first.embed).toMatchObject({
      $type: 'app.bsky.embed.images',
      images: [{ alt: 'A sourdough loaf on a board', aspectRatio: { width: 64, height: 48 } }],
    });
    expect(second.reply).toEqual({
      root: { uri: records[0]?.uri, cid: records[0]?.cid },
      parent: { uri: records[0]?.uri, cid: records[0]?.cid },
    });
    // The image is a blob of the account's repository, served back byte for byte.
    const blob = (first.embed as { images: Array<{ image: { ref: { toString(): string } } }> }).images[0]
      ?.image;
    const bytes = await reader.com.atproto.sync.getBlob({
      did: connected.remoteAccountId,
      cid: blob?.ref.toString() ?? '',
    });
    expect(Buffer.from(bytes.data)).toEqual(picture);
  });
});
