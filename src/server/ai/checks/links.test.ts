import { describe, expect, it } from 'vitest';
import { findLinks, foreignLinks, knownHosts } from './links.js';

describe('links', () => {
  it('finds links with and without a scheme, but not e-mail addresses', () => {
    expect(
      findLinks('Visit paypa1-login.com/verify, https://www.Rye.example/bread. Mail hi@rye.example').map(
        (link) => [link.text, link.host],
      ),
    ).toEqual([
      ['paypa1-login.com/verify', 'paypa1-login.com'],
      ['https://www.Rye.example/bread', 'rye.example'],
    ]);
  });

  it('knows the hosts of its sources and their subdomains, and flags the rest', () => {
    const known = knownHosts(['https://rye.example', null, 'See www.partner.example/offer for details']);
    expect([...known]).toEqual(['rye.example', 'partner.example']);
    const text =
      'Order at shop.rye.example/rye or https://partner.example/x, not at rye.example.evil.com/login';
    expect(foreignLinks(text, known).map((link) => link.text)).toEqual(['rye.example.evil.com/login']);
    expect(foreignLinks('No links here.', known)).toEqual([]);
  });
});
