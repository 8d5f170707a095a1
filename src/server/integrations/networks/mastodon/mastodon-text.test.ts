import { expect, it } from 'vitest';
import { htmlToText } from './mastodon-text.js';

it('turns a status’s HTML into the plain text the inbox shows', () => {
  const html =
    '<p><span class="h-card"><a href="https://x.example/@shop" class="u-url mention">@<span>shop</span></a></span> Gluten-free?<br />Tomorrow &amp; Friday</p><p>Thanks &#8212; &#x1F35E;</p>';
  expect(htmlToText(html)).toBe('@shop Gluten-free?\nTomorrow & Friday\n\nThanks — 🍞');
  expect(htmlToText('<p>&bogus; &#0;</p>')).toBe('&bogus; &#0;');
});
