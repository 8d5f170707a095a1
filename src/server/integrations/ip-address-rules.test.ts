import { describe, expect, it } from 'vitest';
import { carriedIpv4, isPrivateAddress } from './ip-address-rules.js';

describe('IP address rules', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fe80::1',
    'fe80::1%eth0',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '2002:c0a8:101::1',
    'not an address',
  ])('counts %s as not public', (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:1.1.1.1', '2002:101:101::'])(
    'counts %s as public',
    (address) => expect(isPrivateAddress(address)).toBe(false),
  );

  it('finds the IPv4 address an IPv6 form carries, wherever the form puts it', () => {
    expect(carriedIpv4('::ffff:127.0.0.1')).toEqual(['127.0.0.1']);
    expect(carriedIpv4('::ffff:0:a00:1')).toEqual(['10.0.0.1']);
    expect(carriedIpv4('64:FF9B::7F00:1')).toEqual(['127.0.0.1']);
    expect(carriedIpv4('2002:7f00:1::')).toEqual(['127.0.0.1']);
    // Teredo: server 65.54.227.120, client stored inverted (0x80fffffe → 127.0.0.1).
    expect(carriedIpv4('2001:0:4136:e378:8000:63bf:80ff:fffe')).toEqual(['65.54.227.120', '127.0.0.1']);
    expect(carriedIpv4('2606:4700:4700::1111')).toBeUndefined();
    expect(carriedIpv4('::1')).toBeUndefined();
  });
});
