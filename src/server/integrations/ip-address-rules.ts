import { BlockList, isIP } from 'node:net';

// Which IP addresses a request made on a user's say-so may reach: only public ones. The ranges follow the
// IANA IPv4 and IPv6 Special-Purpose Address Registries; IPv6 forms that carry an IPv4 address (mapped,
// translated, NAT64, 6to4, Teredo) are judged by the IPv4 inside them, since that is where packets go.

const NOT_PUBLIC_V4: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // shared address space (CGNAT)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata at 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation (TEST-NET-1)
  ['192.88.99.0', 24], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation (TEST-NET-2)
  ['203.0.113.0', 24], // documentation (TEST-NET-3)
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
];

// Public IPv6 unicast lives in 2000::/3; everything outside it (loopback, unspecified, IPv4-compatible,
// discard-only, local-use NAT64, unique-local, link-local, site-local, multicast, unassigned) is refused,
// apart from the IPv4-carrying prefixes below. Inside 2000::/3 these are not public either:
const NOT_PUBLIC_IN_GLOBAL_V6: ReadonlyArray<readonly [string, number]> = [
  ['2001::', 23], // IETF protocol assignments (Teredo, 2001::/32, is judged by its IPv4 addresses)
  ['2001:db8::', 32], // documentation
  ['3fff::', 20], // documentation
];

/** IPv6 prefixes whose addresses carry IPv4 ones, and where (from the eight 16-bit groups). */
const CARRIES_IPV4: ReadonlyArray<{
  network: string;
  prefix: number;
  ipv4(groups: number[]): string[];
}> = [
  { network: '::ffff:0:0', prefix: 96, ipv4: (g) => [ipv4Of(g[6], g[7])] }, // IPv4-mapped
  { network: '::ffff:0:0:0', prefix: 96, ipv4: (g) => [ipv4Of(g[6], g[7])] }, // IPv4-translated (SIIT)
  { network: '64:ff9b::', prefix: 96, ipv4: (g) => [ipv4Of(g[6], g[7])] }, // NAT64 well-known prefix
  { network: '2002::', prefix: 16, ipv4: (g) => [ipv4Of(g[1], g[2])] }, // 6to4
  // Teredo: the server's address, and the client's, stored with every bit inverted.
  {
    network: '2001::',
    prefix: 32,
    ipv4: (g) => [ipv4Of(g[2], g[3]), ipv4Of(invert16(g[6]), invert16(g[7]))],
  },
];

const notPublicV4 = subnets(NOT_PUBLIC_V4, 'ipv4');
const globalUnicastV6 = subnets([['2000::', 3]], 'ipv6');
const notPublicInGlobalV6 = subnets(NOT_PUBLIC_IN_GLOBAL_V6, 'ipv6');
const carriers = CARRIES_IPV4.map((carrier) => ({
  ...carrier,
  range: subnets([[carrier.network, carrier.prefix]], 'ipv6'),
}));

/**
 * Whether `address` (an IP literal) is anything but a public unicast address: loopback, private,
 * link-local, CGNAT, documentation, multicast, reserved — directly, or as the IPv4 address an IPv6 form
 * carries. Anything that is not an IP literal counts as not public.
 *
 * @example
 * isPrivateAddress('64:ff9b::7f00:1'); // true: NAT64 of 127.0.0.1
 * isPrivateAddress('2606:4700:4700::1111'); // false
 */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return notPublicV4.check(address, 'ipv4');
  // A zone id (fe80::1%eth0) only exists on link-local addresses.
  if (family !== 6 || address.includes('%')) return true;
  const carried = carriedIpv4(address);
  if (carried) return carried.some((ipv4) => notPublicV4.check(ipv4, 'ipv4'));
  return !globalUnicastV6.check(address, 'ipv6') || notPublicInGlobalV6.check(address, 'ipv6');
}

/** The IPv4 addresses an IPv6 address carries (mapped, translated, NAT64, 6to4, Teredo), if it is such a form. */
export function carriedIpv4(address: string): string[] | undefined {
  const carrier = carriers.find(({ range }) => range.check(address, 'ipv6'));
  return carrier?.ipv4(ipv6Groups(address));
}

/** The eight 16-bit groups of a valid IPv6 literal. */
function ipv6Groups(address: string): number[] {
  // The URL parser serialises IPv6 canonically: lower-case hex groups, an IPv4 tail rewritten as two
  // groups, at most one "::". Only that form needs expanding here.
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const [head = '', tail] = canonical.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = Array.from({ length: 8 - left.length - right.length }, () => '0');
  return [...left, ...zeros, ...right].map((group) => Number.parseInt(group, 16));
}

function ipv4Of(high = 0, low = 0): string {
  return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
}

function invert16(group = 0): number {
  return ~group & 0xffff;
}

function subnets(ranges: ReadonlyArray<readonly [string, number]>, type: 'ipv4' | 'ipv6'): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of ranges) list.addSubnet(network, prefix, type);
  return list;
}
