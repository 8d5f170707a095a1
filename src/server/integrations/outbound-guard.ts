import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { carriedIpv4, isPrivateAddress } from './ip-address-rules.js';

/** An allow-list that lets every address through (the guard still checks the scheme and pins the address). */
export const EVERY_ADDRESS: readonly string[] = ['0.0.0.0/0', '::/0'];

/** Resolves a host name to its addresses (IP literals never reach it). */
export type HostResolver = (host: string) => Promise<string[]>;

/** Where a checked URL may be reached: connect to `address`, never to a fresh lookup of the name. */
export interface CheckedTarget {
  url: URL;
  address: string;
  family: 4 | 6;
}

/**
 * The guard's answer. `blocked`: the URL may never be called (scheme, private address); `unresolvable`:
 * its host did not resolve now, which may pass (a retry can succeed).
 */
export type GuardVerdict =
  | { ok: true; target: CheckedTarget }
  | { ok: false; reason: 'blocked' | 'unresolvable'; problem: string };

/**
 * Decides whether the server may call a URL a user gave it (webhooks, publishing connectors). It resolves
 * the host once and hands back the address it checked, so the caller connects to exactly that address:
 * a DNS answer that changes between the check and the connection (rebinding) cannot move the request inside.
 */
export interface OutboundGuard {
  check(url: string | URL): Promise<GuardVerdict>;
}

/**
 * A guard refusing every address that is not public (ip-address-rules.ts: loopback, private, link-local
 * with the cloud metadata address, reserved, and IPv6 forms carrying such an IPv4 address), except hosts on
 * `allowedHosts` (config `OUTBOUND_ALLOWED_HOSTS`): host names (`hooks.internal`, `*.corp.example`), IP
 * addresses or CIDR ranges (`10.0.0.0/8`, `fd00::/8`).
 *
 * @example
 * const guard = createOutboundGuard({ allowedHosts: ['127.0.0.1'] });
 * await guard.check('http://169.254.169.254/latest'); // { ok: false, reason: 'blocked', … }
 */
export function createOutboundGuard(options: {
  allowedHosts: readonly string[];
  resolve?: HostResolver;
}): OutboundGuard {
  const resolve =
    options.resolve ?? (async (host: string) => (await lookup(host, { all: true })).map((a) => a.address));
  const allowed = parseAllowList(options.allowedHosts);
  return {
    async check(input) {
      let url: URL;
      try {
        url = typeof input === 'string' ? new URL(input) : input;
      } catch {
        return { ok: false, reason: 'blocked', problem: 'Not a valid URL' };
      }
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return { ok: false, reason: 'blocked', problem: 'Only http and https are allowed' };
      }
      if (url.username || url.password) {
        return { ok: false, reason: 'blocked', problem: 'Credentials in the URL are not allowed' };
      }
      const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
      let addresses: string[];
      try {
        addresses = isIP(host) ? [host] : await resolve(host);
      } catch {
        addresses = [];
      }
      const first = addresses[0];
      if (!first) {
        return { ok: false, reason: 'unresolvable', problem: `The host ${host} could not be resolved` };
      }
      const hostAllowed = allowed.matchesName(host);
      const inside = addresses.find(
        (address) => isPrivateAddress(address) && !allowed.matchesAddress(address),
      );
      if (inside && !hostAllowed) {
        return {
          ok: false,
          reason: 'blocked',
          problem: `The host ${host} resolves to a private, loopback or link-local address (${describe(inside)})`,
        };
      }
      return { ok: true, target: { url, address: first, family: isIP(first) === 6 ? 6 : 4 } };
    },
  };
}

/** `64:ff9b::7f00:1, which carries 127.0.0.1`: why an IPv6 address that looks public is not. */
function describe(address: string): string {
  const carried = carriedIpv4(address);
  return carried ? `${address}, which carries ${carried.join(' and ')}` : address;
}

/** The allow-list, split into names (exact or `*.` suffix) and address ranges. */
function parseAllowList(entries: readonly string[]) {
  const names = new Set<string>();
  const suffixes: string[] = [];
  const ranges = new BlockList();
  for (const raw of entries) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, '');
    if (!entry) continue;
    const [network = '', prefix] = entry.split('/');
    const family = isIP(network);
    if (family) {
      const type = family === 6 ? 'ipv6' : 'ipv4';
      const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
      if (!Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32)) {
        throw new Error(`OUTBOUND_ALLOWED_HOSTS: ${raw} is not a valid CIDR range`);
      }
      ranges.addSubnet(network, bits, type);
    } else if (entry.startsWith('*.')) suffixes.push(entry.slice(1));
    else names.add(entry);
  }
  return {
    matchesName: (host: string) => names.has(host) || suffixes.some((suffix) => host.endsWith(suffix)),
    matchesAddress: (address: string) => {
      const family = isIP(address);
      return family !== 0 && ranges.check(address, family === 6 ? 'ipv6' : 'ipv4');
    },
  };
}
