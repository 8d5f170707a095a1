import { describe, expect, it } from 'vitest';
import { createOutboundGuard } from './outbound-guard.js';

const resolvesTo =
  (...addresses: string[]) =>
  async () =>
    addresses;

describe('createOutboundGuard', () => {
  it('answers the checked address to connect to, and its family', async () => {
    const guard = createOutboundGuard({ allowedHosts: [], resolve: resolvesTo('93.184.216.34') });
    const verdict = await guard.check('https://hooks.example.com/a');
    expect(verdict).toMatchObject({ ok: true, target: { address: '93.184.216.34', family: 4 } });
    const v6 = await createOutboundGuard({ allowedHosts: [] }).check('https://[2606:4700:4700::1111]/');
    expect(v6).toMatchObject({ ok: true, target: { address: '2606:4700:4700::1111', family: 6 } });
  });

  it('allows private hosts by exact name, *.suffix, address or IPv4/IPv6 range — and nothing more', async () => {
    const guard = createOutboundGuard({
      allowedHosts: ['hooks.internal', '*.corp.example', '10.20.0.0/16', 'fd00:1::/32', '192.168.1.5'],
      resolve: resolvesTo('10.99.0.1'),
    });
    const ok = async (url: string) => (await guard.check(url)).ok;
    expect(await ok('http://hooks.internal/x')).toBe(true);
    expect(await ok('http://a.b.corp.example/x')).toBe(true);
    expect(await ok('http://corp.example/x')).toBe(false);
    expect(await ok('http://other.internal/x')).toBe(false);
    expect(await ok('http://10.20.3.4/x')).toBe(true);
    expect(await ok('http://10.21.0.1/x')).toBe(false);
    expect(await ok('http://[fd00:1::9]/x')).toBe(true);
    expect(await ok('http://[fd00:2::9]/x')).toBe(false);
    expect(await ok('http://192.168.1.5/x')).toBe(true);
    expect(await ok('http://192.168.1.6/x')).toBe(false);
    expect(await ok('http://169.254.169.254/latest')).toBe(false);
  });

  it('needs every resolved address to pass, unless the name itself is allowed', async () => {
    const mixed = resolvesTo('93.184.216.34', '10.20.0.9', '127.0.0.1');
    const byRange = createOutboundGuard({ allowedHosts: ['10.20.0.0/16'], resolve: mixed });
    expect(await byRange.check('https://split.example.com/')).toMatchObject({
      ok: false,
      reason: 'blocked',
      problem: expect.stringContaining('127.0.0.1'),
    });
    const byName = createOutboundGuard({ allowedHosts: ['split.example.com'], resolve: mixed });
    expect((await byName.check('https://split.example.com/')).ok).toBe(true);
  });

  it('refuses an invalid range at start-up', () => {
    expect(() => createOutboundGuard({ allowedHosts: ['10.0.0.0/33'] })).toThrow(/CIDR/);
    expect(() => createOutboundGuard({ allowedHosts: ['fd00::/129'] })).toThrow(/CIDR/);
  });
});
