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

  // Every form below reaches an inside address (or is reserved): IPv6 that embeds IPv4 is judged by the
  // IPv4 inside it, at save time (a literal) and at connect time (what a name resolves to).
  const INSIDE = [
    ['IPv4-compatible loopback', '::127.0.0.1'],
    ['IPv4-compatible, hex', '::7f00:1'],
    ['IPv4-mapped loopback', '::ffff:127.0.0.1'],
    ['IPv4-mapped metadata', '::ffff:169.254.169.254'],
    ['IPv4-translated loopback', '::ffff:0:127.0.0.1'],
    ['NAT64 loopback', '64:ff9b::7f00:1'],
    ['NAT64 dotted private', '64:ff9b::10.0.0.1'],
    ['NAT64 local-use prefix', '64:ff9b:1::a00:1'],
    ['6to4 loopback', '2002:7f00:1::'],
    ['6to4 metadata', '2002:a9fe:a9fe::1'],
    ['Teredo, loopback client', '2001:0:4136:e378:8000:63bf:80ff:fffe'],
    ['Teredo, private server', '2001:0:a00:1:8000:63bf:f7f7:f7f7'],
    ['unspecified', '::'],
    ['loopback', '::1'],
    ['unique local', 'fd12:3456::1'],
    ['link-local', 'fe80::1'],
    ['site-local (deprecated)', 'fec0::1'],
    ['multicast', 'ff02::1'],
    ['documentation', '2001:db8::1'],
    ['documentation (3fff::/20)', '3fff::1'],
    ['IETF protocol assignments', '2001:2::1'],
    ['discard-only', '100::1'],
    ['unassigned (outside 2000::/3)', '4000::1'],
    ['this network', '0.1.2.3'],
    ['CGNAT', '100.64.0.1'],
    ['link-local v4', '169.254.1.1'],
    ['IETF protocol assignments v4', '192.0.0.8'],
    ['TEST-NET-1', '192.0.2.1'],
    ['6to4 relay anycast', '192.88.99.1'],
    ['benchmarking', '198.18.0.1'],
    ['TEST-NET-2', '198.51.100.1'],
    ['TEST-NET-3', '203.0.113.1'],
    ['multicast v4', '224.0.0.1'],
    ['reserved v4', '240.0.0.1'],
    ['broadcast', '255.255.255.255'],
  ] as const;
  const PUBLIC = [
    '93.184.216.34',
    '8.8.8.8',
    '1.1.1.1',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
    '2002:808:808::1',
    '2001:0:4136:e378:8000:63bf:f7f7:f7f7',
  ];
  const literal = (address: string) => (address.includes(':') ? `[${address}]` : address);

  it.each(INSIDE)('refuses %s (%s) as a literal and as what a name resolves to', async (_name, address) => {
    const strict = createOutboundGuard({ allowedHosts: [], resolve: resolvesTo(address) });
    expect(await strict.check(`http://${literal(address)}:8080/hook`)).toMatchObject({
      ok: false,
      reason: 'blocked',
    });
    expect(await strict.check('https://hooks.example.com/hook')).toMatchObject({
      ok: false,
      reason: 'blocked',
    });
  });

  it.each(PUBLIC)('allows the public address %s', async (address) => {
    const guard = createOutboundGuard({ allowedHosts: [], resolve: resolvesTo(address) });
    expect((await guard.check(`https://${literal(address)}/hook`)).ok).toBe(true);
    expect((await guard.check('https://hooks.example.com/hook')).ok).toBe(true);
  });

  it('refuses an invalid range at start-up', () => {
    expect(() => createOutboundGuard({ allowedHosts: ['10.0.0.0/33'] })).toThrow(/CIDR/);
    expect(() => createOutboundGuard({ allowedHosts: ['fd00::/129'] })).toThrow(/CIDR/);
  });
});
