/**
 * Which IP addresses the fetcher may connect to. A feed URL is user input, so by default
 * only publicly routable unicast addresses are allowed (no SSRF into loopback, the LAN,
 * cloud metadata at 169.254.169.254, …). The ranges come from the IANA IPv4 and IPv6
 * Special-Purpose Address Registries (RFC 6890): the most specific range that holds an
 * address decides, and a range the registry marks globally reachable inside a larger one
 * that is not (192.0.0.9 inside 192.0.0.0/24) is public. IPv6 forms that carry an IPv4
 * address (IPv4-mapped, IPv4-translated, NAT64's well-known prefix, 6to4, Teredo) are public
 * only when every IPv4 address they carry is; NAT64's local-use prefix and the deprecated
 * IPv4-compatible form are refused outright, and so is IPv6 outside global unicast (2000::/3).
 */

import { BlockList, isIP } from 'node:net';
import { AppError } from '../domain/errors.ts';
import { ipBytes } from './ip-bytes.ts';

/** `false`: public addresses only; `true`: any address; a list: public plus these addresses or CIDR ranges. */
export type PrivateNetworkPolicy = boolean | readonly string[];

/** What a range means for the addresses in it: public, refused, or public when the IPv4 addresses it carries are. */
type Verdict = 'public' | 'refused' | 'mapped' | '6to4' | 'teredo';

interface Range {
  bytes: Uint8Array;
  prefix: number;
  verdict: Verdict;
}

const V4_RANGES = buildRanges([
  ['0.0.0.0', 0, 'public'],
  ['0.0.0.0', 8, 'refused'], // "this network", includes the unspecified 0.0.0.0
  ['10.0.0.0', 8, 'refused'],
  ['100.64.0.0', 10, 'refused'], // shared address space (CGNAT), RFC 6598
  ['127.0.0.0', 8, 'refused'],
  ['169.254.0.0', 16, 'refused'], // link-local, cloud metadata endpoints
  ['172.16.0.0', 12, 'refused'],
  ['192.0.0.0', 24, 'refused'], // IETF protocol assignments
  ['192.0.0.9', 32, 'public'], // PCP anycast, globally reachable
  ['192.0.0.10', 32, 'public'], // TURN anycast, globally reachable
  ['192.0.2.0', 24, 'refused'], // documentation
  ['192.88.99.0', 24, 'refused'], // deprecated 6to4 relay anycast, RFC 7526
  ['192.168.0.0', 16, 'refused'],
  ['198.18.0.0', 15, 'refused'], // benchmarking, often used inside data centres
  ['198.51.100.0', 24, 'refused'], // documentation
  ['203.0.113.0', 24, 'refused'], // documentation
  ['224.0.0.0', 4, 'refused'], // multicast
  ['240.0.0.0', 4, 'refused'], // reserved, includes broadcast 255.255.255.255
]);

const V6_RANGES = buildRanges([
  ['::', 0, 'refused'], // not global unicast
  ['2000::', 3, 'public'], // global unicast
  ['::', 96, 'refused'], // unspecified, loopback and the deprecated IPv4-compatible ::a.b.c.d (RFC 4291 §2.5.5.1)
  ['::ffff:0:0', 96, 'mapped'], // IPv4-mapped
  ['::ffff:0:0:0', 96, 'mapped'], // IPv4-translated, RFC 2765
  ['64:ff9b::', 96, 'mapped'], // NAT64 well-known prefix, RFC 6052
  ['64:ff9b:1::', 48, 'refused'], // NAT64 local-use prefix, RFC 8215
  ['100::', 64, 'refused'], // discard-only
  ['2001::', 23, 'refused'], // IETF protocol assignments
  ['2001::', 32, 'teredo'], // RFC 4380
  ['2001:1::1', 128, 'public'], // PCP anycast
  ['2001:1::2', 128, 'public'], // TURN anycast
  ['2001:1::3', 128, 'public'], // DNS-SD service registration protocol anycast
  ['2001:3::', 32, 'public'], // AMT
  ['2001:4:112::', 48, 'public'], // AS112-v6
  ['2001:20::', 28, 'public'], // ORCHIDv2
  ['2001:30::', 28, 'public'], // drone remote ID
  ['2001:db8::', 32, 'refused'], // documentation
  ['2002::', 16, '6to4'], // RFC 3056
  ['3fff::', 20, 'refused'], // documentation
  ['5f00::', 16, 'refused'], // segment routing (SRv6) SIDs
  ['fc00::', 7, 'refused'], // unique local
  ['fe80::', 10, 'refused'], // link-local
  ['fec0::', 10, 'refused'], // deprecated site-local
  ['ff00::', 8, 'refused'], // multicast
]);

/** Returns true when `address` is an IP literal for a publicly routable unicast address, including every IPv4 address an IPv6 form carries. */
export function isPublicAddress(address: string): boolean {
  const bytes = ipBytes(address);
  if (bytes === undefined) return false;
  return bytes.length === 4 ? isPublicV4(bytes) : isPublicV6(bytes);
}

function isPublicV4(bytes: Uint8Array): boolean {
  return verdictOf(V4_RANGES, bytes) === 'public';
}

function isPublicV6(bytes: Uint8Array): boolean {
  switch (verdictOf(V6_RANGES, bytes)) {
    case 'public':
      return true;
    case 'mapped':
      return isPublicV4(bytes.subarray(12, 16));
    case '6to4':
      return isPublicV4(bytes.subarray(2, 6));
    case 'teredo':
      // RFC 4380 §4: the server's IPv4 address, then the client's with every bit inverted.
      return isPublicV4(bytes.subarray(4, 8)) && isPublicV4(bytes.subarray(12, 16).map((b) => b ^ 0xff));
    default:
      return false;
  }
}

// The longest prefix that matches decides; each table starts with a /0 entry, so one always does.
function verdictOf(ranges: readonly Range[], bytes: Uint8Array): Verdict {
  let best: Range | undefined;
  for (const range of ranges) {
    if ((best === undefined || range.prefix > best.prefix) && matches(range, bytes)) best = range;
  }
  return best?.verdict ?? 'refused';
}

function matches(range: Range, bytes: Uint8Array): boolean {
  const whole = range.prefix >> 3;
  for (let i = 0; i < whole; i++) if (bytes[i] !== range.bytes[i]) return false;
  const bits = range.prefix & 7;
  if (bits === 0) return true;
  const mask = (0xff << (8 - bits)) & 0xff;
  return (bytes[whole] & mask) === (range.bytes[whole] & mask);
}

function buildRanges(entries: ReadonlyArray<readonly [string, number, Verdict]>): Range[] {
  return entries.map(([network, prefix, verdict]) => {
    const bytes = ipBytes(network);
    if (bytes === undefined) throw new Error(`bad network ${network}`);
    return { bytes, prefix, verdict };
  });
}

/** Returns a predicate telling whether an IP literal may be connected to under `policy`; throws `input.invalid` on a malformed allow-list entry. */
export function createAddressCheck(policy: PrivateNetworkPolicy): (address: string) => boolean {
  if (policy === true) return (address) => isIP(address) !== 0;
  if (policy === false || policy.length === 0) return isPublicAddress;
  const allowed = new BlockList();
  for (const entry of policy) addAllowEntry(allowed, entry);
  return (address) => {
    const family = isIP(address);
    if (family === 0) return false;
    return isPublicAddress(address) || allowed.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/** Returns a stable string naming `policy`, so equal policies can share one connection pool. */
export function describePolicy(policy: PrivateNetworkPolicy): string {
  if (typeof policy === 'boolean') return policy ? 'any' : 'public';
  return policy.length === 0 ? 'public' : `public+${[...policy].sort().join(',')}`;
}

function addAllowEntry(list: BlockList, entry: string): void {
  const [address = '', prefixText] = entry.trim().split('/');
  const family = isIP(address);
  const maxPrefix = family === 4 ? 32 : 128;
  const prefix = prefixText === undefined ? maxPrefix : Number(prefixText);
  if (family === 0 || !Number.isInteger(prefix) || prefix < 0 || prefix > maxPrefix) {
    throw new AppError('input.invalid', `allowPrivateNetworks: "${entry}" is not an IP address or CIDR range`);
  }
  list.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
}
