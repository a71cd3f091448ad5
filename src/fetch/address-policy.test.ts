import { describe, expect, it } from 'vitest';
import { createAddressCheck, describePolicy, isPublicAddress } from './address-policy.ts';

/** One row of the IANA special-purpose registries: the range, its name, and what the address check must say of it. */
type RegistryRow = readonly [range: string, name: string, verdict: 'public' | 'refused'];

// The IANA IPv4 Special-Purpose Address Registry (plus multicast, which has a registry of its own).
// "public" where the registry says globally reachable; "refused" everywhere else.
const IPV4_REGISTRY: readonly RegistryRow[] = [
  ['0.0.0.0/8', 'this network', 'refused'],
  ['0.0.0.0/32', 'this host on this network', 'refused'],
  ['10.0.0.0/8', 'private-use', 'refused'],
  ['100.64.0.0/10', 'shared address space', 'refused'],
  ['127.0.0.0/8', 'loopback', 'refused'],
  ['169.254.0.0/16', 'link local', 'refused'],
  ['172.16.0.0/12', 'private-use', 'refused'],
  ['192.0.0.0/24', 'IETF protocol assignments', 'refused'],
  ['192.0.0.0/29', 'IPv4 service continuity prefix', 'refused'],
  ['192.0.0.8/32', 'IPv4 dummy address', 'refused'],
  ['192.0.0.9/32', 'port control protocol anycast', 'public'],
  ['192.0.0.10/32', 'traversal using relays around NAT anycast', 'public'],
  ['192.0.0.170/32', 'NAT64/DNS64 discovery', 'refused'],
  ['192.0.0.171/32', 'NAT64/DNS64 discovery', 'refused'],
  ['192.0.2.0/24', 'documentation (TEST-NET-1)', 'refused'],
  ['192.31.196.0/24', 'AS112-v4', 'public'],
  ['192.52.193.0/24', 'AMT', 'public'],
  ['192.88.99.0/24', 'deprecated 6to4 relay anycast', 'refused'],
  ['192.168.0.0/16', 'private-use', 'refused'],
  ['192.175.48.0/24', 'direct delegation AS112 service', 'public'],
  ['198.18.0.0/15', 'benchmarking', 'refused'],
  ['198.51.100.0/24', 'documentation (TEST-NET-2)', 'refused'],
  ['203.0.113.0/24', 'documentation (TEST-NET-3)', 'refused'],
  ['224.0.0.0/4', 'multicast', 'refused'],
  ['240.0.0.0/4', 'reserved', 'refused'],
  ['255.255.255.255/32', 'limited broadcast', 'refused'],
];

// The IANA IPv6 Special-Purpose Address Registry, plus multicast, the deprecated site-local and
// IPv4-compatible forms. Ranges that carry IPv4 addresses hold only non-public ones at both
// ends (0.0.0.0 and 255.255.255.255, or a Teredo client of 255.255.255.255), so both are refused.
const IPV6_REGISTRY: readonly RegistryRow[] = [
  ['::1/128', 'loopback', 'refused'],
  ['::/128', 'unspecified', 'refused'],
  ['::/96', 'deprecated IPv4-compatible', 'refused'],
  ['::ffff:0:0/96', 'IPv4-mapped', 'refused'],
  ['64:ff9b::/96', 'IPv4-IPv6 translation (NAT64 well-known prefix)', 'refused'],
  ['64:ff9b:1::/48', 'IPv4-IPv6 translation, local use', 'refused'],
  ['100::/64', 'discard-only', 'refused'],
  ['100:0:0:1::/64', 'dummy IPv6 prefix', 'refused'],
  ['2001::/23', 'IETF protocol assignments', 'refused'],
  ['2001::/32', 'Teredo', 'refused'],
  ['2001:1::1/128', 'port control protocol anycast', 'public'],
  ['2001:1::2/128', 'traversal using relays around NAT anycast', 'public'],
  ['2001:1::3/128', 'DNS-SD service registration protocol anycast', 'public'],
  ['2001:2::/48', 'benchmarking', 'refused'],
  ['2001:3::/32', 'AMT', 'public'],
  ['2001:4:112::/48', 'AS112-v6', 'public'],
  ['2001:10::/28', 'deprecated ORCHID', 'refused'],
  ['2001:20::/28', 'ORCHIDv2', 'public'],
  ['2001:30::/28', 'drone remote ID protocol entity tags', 'public'],
  ['2001:db8::/32', 'documentation', 'refused'],
  ['2002::/16', '6to4', 'refused'],
  ['2620:4f:8000::/48', 'direct delegation AS112 service', 'public'],
  ['3fff::/20', 'documentation', 'refused'],
  ['5f00::/16', 'segment routing (SRv6) SIDs', 'refused'],
  ['fc00::/7', 'unique-local', 'refused'],
  ['fe80::/10', 'link-local unicast', 'refused'],
  ['fec0::/10', 'deprecated site-local', 'refused'],
  ['ff00::/8', 'multicast', 'refused'],
];

/** Returns the first and the last address of a CIDR range, written out in full. */
function rangeEnds(cidr: string): [string, string] {
  const [network = '', prefixText = ''] = cidr.split('/');
  const prefix = Number(prefixText);
  const v4 = network.includes('.');
  const bytes = v4 ? network.split('.').map(Number) : expandV6(network);
  const last = bytes.map((b, i) => {
    const hostBits = Math.min(8, Math.max(0, (i + 1) * 8 - prefix));
    return b | ((1 << hostBits) - 1);
  });
  const write = (list: number[]) =>
    v4
      ? list.join('.')
      : Array.from({ length: 8 }, (_, i) => ((list[i * 2] << 8) | list[i * 2 + 1]).toString(16)).join(':');
  return [write(bytes), write(last)];
}

function expandV6(address: string): number[] {
  const [head = '', tail = ''] = address.split('::');
  const h = head === '' ? [] : head.split(':');
  const t = tail === '' ? [] : tail.split(':');
  const groups = address.includes('::') ? [...h, ...new Array<string>(8 - h.length - t.length).fill('0'), ...t] : h;
  return groups.flatMap((g) => {
    const value = Number.parseInt(g, 16);
    return [value >> 8, value & 0xff];
  });
}

describe('isPublicAddress over the special-purpose registries', () => {
  const rows = [...IPV4_REGISTRY, ...IPV6_REGISTRY].flatMap(([range, name, verdict]) =>
    rangeEnds(range).map((address) => [address, range, name, verdict] as const),
  );
  it.each(rows)('%s (in %s, %s) is %s', (address, _range, _name, verdict) => {
    expect(isPublicAddress(address)).toBe(verdict === 'public');
  });

  it('writes range ends the address check reads', () => {
    expect(rangeEnds('192.0.0.0/29')).toEqual(['192.0.0.0', '192.0.0.7']);
    expect(rangeEnds('2001::/23')).toEqual(['2001:0:0:0:0:0:0:0', '2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff']);
  });
});

describe('isPublicAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '100.64.0.1',
    '100.127.255.255',
    '169.254.169.254',
    '0.0.0.0',
    '224.0.0.1',
    '239.255.255.250',
    '255.255.255.255',
    '192.0.2.1',
    '::',
    '::1',
    'fe80::1',
    'fe80::1%eth0',
    'febf::1',
    'fc00::1',
    'fd12:3456::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:a00:1',
    '::ffff:169.254.169.254',
    '::127.0.0.1',
    '::8.8.8.8',
    '4000::1',
  ])('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    ['64:ff9b::a9fe:a9fe', 'NAT64 of 169.254.169.254'],
    ['64:ff9b::127.0.0.1', 'NAT64 of 127.0.0.1'],
    ['64:ff9b::a00:1', 'NAT64 of 10.0.0.1'],
    ['64:ff9b:1::808:808', 'local-use NAT64, whatever it carries'],
    ['64:ff9b:1:ffff::8.8.8.8', 'local-use NAT64 with a longer prefix'],
    ['2002:7f00:1::', '6to4 of 127.0.0.1'],
    ['2002:a9fe:a9fe::1', '6to4 of 169.254.169.254'],
    ['2002:c0a8:101:1::1', '6to4 of 192.168.1.1'],
    ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'Teredo client 127.0.0.1 (inverted 80ff:fffe)'],
    ['2001:0:4136:e378:8000:63bf:f5ff:fffe', 'Teredo client 10.0.0.1 (inverted f5ff:fffe)'],
    ['2001:0:a00:1:8000:63bf:f7f7:f7f7', 'Teredo server 10.0.0.1'],
    ['::ffff:0:127.0.0.1', 'IPv4-translated 127.0.0.1'],
    ['::ffff:0:a9fe:a9fe', 'IPv4-translated 169.254.169.254'],
  ])('refuses %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    '8.8.8.8',
    '93.184.216.34',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '1.1.1.1',
    '192.0.0.9',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '64:ff9b::8.8.8.8',
    '2002:808:808::1',
    '2001:0:4136:e378:8000:63bf:f7f7:f7f7',
    '::ffff:0:8.8.8.8',
  ])('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses things that are not IP literals', () => {
    expect(isPublicAddress('example.com')).toBe(false);
    expect(isPublicAddress('[::1]')).toBe(false);
    expect(isPublicAddress('1.2.3.04')).toBe(false);
  });
});

describe('createAddressCheck', () => {
  it('allows only public addresses by default, anything with true', () => {
    expect(createAddressCheck(false)('127.0.0.1')).toBe(false);
    expect(createAddressCheck(false)('8.8.8.8')).toBe(true);
    expect(createAddressCheck(true)('10.0.0.1')).toBe(true);
  });

  it('adds an allow-list of addresses and CIDR ranges to the public addresses', () => {
    const check = createAddressCheck(['127.0.0.1', '192.168.1.0/24', 'fd00::/8']);
    expect(check('127.0.0.1')).toBe(true);
    expect(check('127.0.0.2')).toBe(false);
    expect(check('192.168.1.77')).toBe(true);
    expect(check('192.168.2.1')).toBe(false);
    expect(check('fd00::5')).toBe(true);
    expect(check('10.0.0.1')).toBe(false);
    expect(check('8.8.8.8')).toBe(true);
  });

  it('throws input.invalid on a malformed allow-list entry', () => {
    expect(() => createAddressCheck(['localhost'])).toThrow(expect.objectContaining({ code: 'input.invalid' }));
    expect(() => createAddressCheck(['10.0.0.0/33'])).toThrow(expect.objectContaining({ code: 'input.invalid' }));
  });

  it('names equal policies equally, whatever the list order', () => {
    expect(describePolicy(['10.0.0.1', '127.0.0.1'])).toBe(describePolicy(['127.0.0.1', '10.0.0.1']));
    expect(describePolicy([])).toBe(describePolicy(false));
    expect(describePolicy(true)).not.toBe(describePolicy(false));
  });
});
