/**
 * What the auth layer needs to know about a request's connection: the client address
 * (the socket's, or with `trustProxy` the last X-Forwarded-For entry, the one the proxy
 * itself appended) and whether it came over TLS (the URL's scheme, or with `trustProxy`
 * X-Forwarded-Proto). Without `trustProxy` those headers are ignored: a client could forge them.
 */
import type { Context as HonoContext } from 'hono';
import { isIP } from 'node:net';

interface NodeBindings {
  incoming?: { socket?: { remoteAddress?: string } };
}

/** Returns the client's address, or undefined when unknown (e.g. an in-process request). */
export function clientAddress(c: HonoContext, trustProxy: boolean): string | undefined {
  if (trustProxy) {
    const forwarded = c.req
      .header('x-forwarded-for')
      ?.split(',')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .at(-1);
    if (forwarded !== undefined) return forwarded;
  }
  return (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress;
}

/** Returns true when the request reached Tidings (or, trusted, the proxy) over HTTPS. */
export function isSecureRequest(c: HonoContext, trustProxy: boolean): boolean {
  if (trustProxy) {
    const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase();
    if (proto !== undefined && proto !== '') return proto === 'https';
  }
  return new URL(c.req.url).protocol === 'https:';
}

/** Returns true for a loopback address (127.0.0.0/8, ::1, or IPv4-mapped loopback). */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const plain = address.replace(/^::ffff:/i, '');
  if (isIP(plain) === 4) return plain.startsWith('127.');
  return isIP(address) === 6 && /^(0*:)*:?0*1$/.test(address);
}

/** Returns true when the request comes from this machine and not through a proxy Tidings does not trust. */
export function isLocalRequest(c: HonoContext, trustProxy: boolean): boolean {
  if (!trustProxy && (c.req.header('x-forwarded-for') !== undefined || c.req.header('forwarded') !== undefined))
    return false;
  return isLoopback(clientAddress(c, trustProxy));
}
