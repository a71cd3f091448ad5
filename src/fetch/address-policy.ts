/**
 * Which IP addresses the fetcher may connect to. A feed URL is user input, so by default
 * only publicly routable unicast addresses are allowed (no SSRF into loopback, the LAN,
 * cloud metadata at 169.254.169.254, …). Built on node:net `BlockList`, which also matches
 * IPv4-mapped IPv6 forms (`::ffff:10.0.0.1`) against the IPv4 rules, so no IP parser of our own.
 */

import { BlockList, isIP } from 'node:net';
import { AppError } from '../domain/errors.ts';

/** `false`: public addresses only; `true`: any address; a list: public plus these addresses or CIDR ranges. */
export type PrivateNetworkPolicy = boolean | readonly string[];

// RFC 6890 special-purpose registries, trimmed to the ranges that reach something private.
const NON_PUBLIC_V4: ReadonlyArray<readonly [string, number]> = [
  ['0.0.0.0', 8], // "this network", includes the unspecified 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT, RFC 6598
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata endpoints
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking, often used inside data centres
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, includes broadcast 255.255.255.255
];

const NON_PUBLIC_V6: ReadonlyArray<readonly [string, number]> = [
  ['::', 96], // unspecified ::, loopback ::1 and deprecated IPv4-compatible ::a.b.c.d
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // deprecated site-local
  ['ff00::', 8], // multicast
];

const nonPublic = buildBlockList(NON_PUBLIC_V4, NON_PUBLIC_V6);

/** Returns true when `address` is an IP literal for a publicly routable unicast address. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !nonPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
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

function buildBlockList(
  v4: ReadonlyArray<readonly [string, number]>,
  v6: ReadonlyArray<readonly [string, number]>,
): BlockList {
  const list = new BlockList();
  for (const [network, prefix] of v4) list.addSubnet(network, prefix, 'ipv4');
  for (const [network, prefix] of v6) list.addSubnet(network, prefix, 'ipv6');
  return list;
}
