/**
 * The process-wide connection pools for feed fetching (undici `Agent`s, one per address
 * policy, created lazily). Each Agent gets a connector that resolves the host itself,
 * refuses it unless EVERY resolved address passes the policy, and then connects to the
 * checked address: the socket goes to exactly the address that was checked, so there is no
 * DNS-rebinding window. A custom connector rather than `connect: { lookup }` because Node
 * skips `lookup` for IP-literal hosts (`http://10.0.0.1/`), which must be refused too.
 */

import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { Agent, buildConnector, type Dispatcher } from 'undici';
import { AppError } from '../domain/errors.ts';
import { createAddressCheck, describePolicy, type PrivateNetworkPolicy } from './address-policy.ts';

/** Resolves a host name to its IP addresses (all of them). */
export type ResolveHost = (hostname: string) => Promise<string[]>;

/** Options for the shared dispatcher; connection-level settings live here, per-request ones in FetchOptions. */
export interface FetchDispatcherOptions {
  /** Bound on DNS lookup plus TCP/TLS connect, per attempt; default 10 000 ms. */
  connectTimeoutMs?: number;
  /** How long an idle keep-alive socket is kept; default 4 000 ms. */
  keepAliveTimeoutMs?: number;
  /** Host resolution; default `dns.lookup(host, { all: true })`. Tests inject a fake resolver. */
  resolveHost?: ResolveHost;
}

/** One per process: hands out the connection pool that enforces a given address policy. */
export interface FetchDispatcher {
  /** Returns the undici dispatcher whose connections obey `policy`. */
  forPolicy(policy: PrivateNetworkPolicy): Dispatcher;
  /** Closes every pool; in-flight requests finish first. */
  close(): Promise<void>;
}

/** Returns the shared fetch dispatcher; create one per process and close it on shutdown. */
export function createFetchDispatcher(options: FetchDispatcherOptions = {}): FetchDispatcher {
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const resolveHost = options.resolveHost ?? resolveAll;
  const agents = new Map<string, Agent>();
  return {
    forPolicy(policy) {
      const key = describePolicy(policy);
      let agent = agents.get(key);
      if (agent === undefined) {
        const connect = createGuardedConnector(createAddressCheck(policy), resolveHost, connectTimeoutMs);
        agent = new Agent({ connect, keepAliveTimeout: options.keepAliveTimeoutMs ?? 4_000 });
        agents.set(key, agent);
      }
      return agent;
    },
    async close() {
      const all = [...agents.values()];
      agents.clear();
      await Promise.all(all.map((agent) => agent.close()));
    },
  };
}

function createGuardedConnector(
  isAllowed: (address: string) => boolean,
  resolveHost: ResolveHost,
  timeoutMs: number,
): buildConnector.connector {
  const connectTo = buildConnector({ timeout: timeoutMs });
  return (connectOptions, callback) => {
    const { hostname } = connectOptions;
    resolveChecked(hostname, isAllowed, resolveHost, timeoutMs).then(
      (addresses) => {
        // TLS must still name the host: SNI and certificate checks use the name, not the IP.
        const servername = connectOptions.servername || (isIP(hostname) ? undefined : hostname);
        connectFirst(connectTo, { ...connectOptions, servername }, addresses, callback);
      },
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), null),
    );
  };
}

async function resolveChecked(
  hostname: string,
  isAllowed: (address: string) => boolean,
  resolveHost: ResolveHost,
  timeoutMs: number,
): Promise<string[]> {
  const addresses = isIP(hostname) ? [hostname] : await withTimeout(resolveHost(hostname), timeoutMs, hostname);
  if (addresses.length === 0) throw new AppError('fetch.network', `${hostname} has no addresses`);
  const refused = addresses.find((address) => !isAllowed(address));
  if (refused !== undefined) {
    throw new AppError('fetch.private-address', `${hostname} resolves to ${refused}, a private or reserved address`);
  }
  return addresses;
}

function connectFirst(
  connectTo: buildConnector.connector,
  connectOptions: buildConnector.Options,
  addresses: string[],
  callback: buildConnector.Callback,
): void {
  const [address = '', ...rest] = addresses;
  connectTo({ ...connectOptions, hostname: address }, (error, socket) => {
    if (error !== null && rest.length > 0) connectFirst(connectTo, connectOptions, rest, callback);
    else if (error !== null) callback(error, null);
    else callback(null, socket);
  });
}

async function resolveAll(hostname: string): Promise<string[]> {
  const results = await lookup(hostname, { all: true, verbatim: true });
  return results.map((result) => result.address);
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, hostname: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('fetch.timeout', `DNS lookup of ${hostname} timed out`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
