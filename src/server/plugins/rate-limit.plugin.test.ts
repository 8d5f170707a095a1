import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { clientKey } from './rate-limit.plugin.js';

const from = (ip: string | undefined, socket = true) =>
  ({ ip, socket: socket ? { remoteAddress: ip } : undefined }) as unknown as FastifyRequest;

describe('clientKey', () => {
  it('keys an IPv4 client by its address', () => {
    expect(clientKey(from('203.0.113.7'))).toBe('203.0.113.7');
  });

  it('groups an IPv6 client by its /56 prefix, however the address is written', () => {
    expect(clientKey(from('2001:db8:0:1200::1'))).toBe('2001:db8:0:1200::');
    expect(clientKey(from('2001:DB8:0:12ff:ffff::9'))).toBe('2001:db8:0:1200::');
  });

  it('keys an IPv4-mapped IPv6 address as the IPv4 client it is', () => {
    expect(clientKey(from('::ffff:203.0.113.7'))).toBe('203.0.113.7');
  });

  it('keys a request without a socket as unknown', () => {
    expect(clientKey(from(undefined, false))).toBe('unknown');
  });
});
