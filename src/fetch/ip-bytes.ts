/**
 * IP literals as bytes, so the address policy can match prefixes and read the IPv4 address
 * that IPv6 transition forms carry inside them. Only literals that node:net `isIP` accepts
 * are parsed (dotted-quad IPv4; IPv6 with `::`, an optional trailing dotted quad and an
 * optional zone index, which is dropped).
 */
import { isIP } from 'node:net';

/** Returns the 4 bytes of an IPv4 literal or the 16 bytes of an IPv6 literal; undefined for anything else. */
export function ipBytes(address: string): Uint8Array | undefined {
  const family = isIP(address);
  if (family === 4) return ipv4Bytes(address);
  if (family === 6) return ipv6Bytes(address);
  return undefined;
}

function ipv4Bytes(address: string): Uint8Array {
  return Uint8Array.from(address.split('.'), Number);
}

function ipv6Bytes(address: string): Uint8Array | undefined {
  let text = address.split('%')[0] ?? '';
  const bytes = new Uint8Array(16);
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  let v4: Uint8Array | undefined;
  if (tail.includes('.')) {
    v4 = ipv4Bytes(tail);
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head = '', rest] = text.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const restGroups = rest === undefined || rest === '' ? [] : rest.split(':');
  const missing = 8 - headGroups.length - restGroups.length;
  if (missing < 0 || (rest === undefined && missing !== 0)) return undefined;
  const groups = [...headGroups, ...new Array<string>(rest === undefined ? 0 : missing).fill('0'), ...restGroups];
  for (const [i, group] of groups.entries()) {
    const value = Number.parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  }
  if (v4 !== undefined) bytes.set(v4, 12);
  return bytes;
}
