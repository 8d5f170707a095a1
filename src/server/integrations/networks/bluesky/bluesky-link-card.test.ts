import { describe, expect, it } from 'vitest';
import { firstLink, pageMeta } from './bluesky-link-card.js';

describe('pageMeta', () => {
  it('prefers Open Graph, then falls back to the plain title and description', () => {
    expect(
      pageMeta(
        `<html><head><title>Plain</title><meta content='Fallback &#8212; text' name=description>
         <meta name="twitter:title" content="Twitter title"><meta property="og:image:url" content="/x.png">
         </head><body><meta property="og:title" content="Not in the head"></body></html>`,
      ),
    ).toEqual({ title: 'Twitter title', description: 'Fallback — text', image: '/x.png' });
    expect(pageMeta('<title> Only a\n  <b>title</b> </title>')).toEqual({
      title: 'Only a title',
      description: undefined,
      image: undefined,
    });
    expect(pageMeta('<html><body>No head at all</body></html>').title).toBeUndefined();
  });
});

describe('firstLink', () => {
  it('finds the first link among the facets, past mentions and tags', () => {
    expect(
      firstLink([
        {
          index: { byteStart: 0, byteEnd: 4 },
          features: [{ $type: 'app.bsky.richtext.facet#tag', tag: 'x' }],
        },
        {
          index: { byteStart: 5, byteEnd: 9 },
          features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://a.example/' }],
        },
        {
          index: { byteStart: 10, byteEnd: 14 },
          features: [{ $type: 'app.bsky.richtext.facet#link', uri: 'https://b.example/' }],
        },
      ]),
    ).toBe('https://a.example/');
    expect(firstLink(undefined)).toBeUndefined();
  });
});
