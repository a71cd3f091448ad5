/**
 * Every setting Tidings reads, in one table: its key, environment variable, command-line
 * flag (when it has one), default and how a raw value is checked. docs/configuration.md
 * documents the same table for people; `tidings config` prints it with each value's source.
 * The defaults of the fetcher and the scheduler are imported from their stages, so the two
 * cannot drift apart.
 */
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_TOTAL_TIMEOUT_MS, DEFAULT_USER_AGENT } from '../fetch/fetch-types.ts';
import { createAddressCheck, type PrivateNetworkPolicy } from '../fetch/address-policy.ts';
import { DEFAULT_CHECK_BOUNDS, DEFAULT_ERROR_BACKOFF } from '../domain/next-check.ts';
import { readGitRemotes, type GitRemoteSetting } from './read-git-remotes.ts';

export type { GitRemoteSetting } from './read-git-remotes.ts';

/** The effective configuration of one Tidings process. */
export interface Settings {
  /** Where the database, the archive and config.json live (absolute once loaded). */
  dataDir: string;
  host: string;
  port: number;
  /** `false`: public addresses only; `true`: any; a list: public plus these addresses/CIDRs. */
  allowPrivateNetworks: PrivateNetworkPolicy;
  concurrency: number;
  perHostConcurrency: number;
  perHostSpacingMs: number;
  fetchTimeoutMs: number;
  connectTimeoutMs: number;
  maxBodyBytes: number;
  minCheckIntervalSeconds: number;
  maxCheckIntervalSeconds: number;
  defaultCheckIntervalSeconds: number;
  errorBackoffSeconds: number;
  maxErrorBackoffSeconds: number;
  userAgent: string;
  /** Which body the live archive's article files hold. */
  archiveBody: 'cleaned' | 'raw';
  /** Whether the archive folder is a git repository with a commit per round. */
  archiveGit: boolean;
  /** The mirrors the archive repository is pushed to. */
  archiveGitRemotes: GitRemoteSetting[];
  /** Author and committer of the archive's commits, `Name <email>`. */
  archiveGitAuthor: string;
  /** The git-credential-store file with the mirrors' tokens; '' = `<data dir>/git-credentials`. */
  archiveGitCredentials: string;
  /** Whether `serve` sits behind a reverse proxy whose X-Forwarded-Proto/-For it believes (TLS and client address). */
  trustProxy: boolean;
}

/** The name of a setting. */
export type SettingKey = keyof Settings;

/** How a raw value is read: text, a bounded integer, one of some words, a yes/no-or-list, a yes/no, the mirrors, or a path ('' allowed). */
export type SettingType =
  | { kind: 'string' }
  | { kind: 'integer'; min: number; max: number }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'policy' }
  | { kind: 'boolean' }
  | { kind: 'remotes' }
  | { kind: 'path' };

/** One row of the settings table. */
export interface SettingSpec {
  key: SettingKey;
  env: string;
  /** The command-line flag, where one exists (some only on some commands). */
  flag?: string;
  type: SettingType;
  description: string;
}

const DAY = 86_400;

/** The defaults, before any config file, environment variable or flag. */
export const DEFAULT_SETTINGS: Readonly<Settings> = {
  dataDir: './data',
  host: '127.0.0.1',
  port: 8080,
  allowPrivateNetworks: false,
  concurrency: 16,
  perHostConcurrency: 2,
  perHostSpacingMs: 250,
  fetchTimeoutMs: DEFAULT_TOTAL_TIMEOUT_MS,
  connectTimeoutMs: 10_000,
  maxBodyBytes: DEFAULT_MAX_BODY_BYTES,
  minCheckIntervalSeconds: DEFAULT_CHECK_BOUNDS.minSeconds,
  maxCheckIntervalSeconds: DEFAULT_CHECK_BOUNDS.maxSeconds,
  defaultCheckIntervalSeconds: DEFAULT_CHECK_BOUNDS.defaultSeconds,
  errorBackoffSeconds: DEFAULT_ERROR_BACKOFF.baseSeconds,
  maxErrorBackoffSeconds: DEFAULT_ERROR_BACKOFF.maxSeconds,
  userAgent: DEFAULT_USER_AGENT,
  archiveBody: 'cleaned',
  archiveGit: false,
  archiveGitRemotes: [],
  archiveGitAuthor: 'Tidings <tidings@localhost>',
  archiveGitCredentials: '',
  trustProxy: false,
};

const int = (min: number, max: number): SettingType => ({ kind: 'integer', min, max });

/** Every setting, in the order `tidings config` prints them. */
export const SETTING_SPECS: readonly SettingSpec[] = [
  {
    key: 'dataDir',
    env: 'TIDINGS_DATA',
    flag: '--data',
    type: { kind: 'string' },
    description: 'folder of the database, archive and config.json',
  },
  {
    key: 'host',
    env: 'TIDINGS_HOST',
    flag: '--host',
    type: { kind: 'string' },
    description: 'address `tidings serve` listens on',
  },
  {
    key: 'port',
    env: 'TIDINGS_PORT',
    flag: '--port',
    type: int(0, 65_535),
    description: 'port `tidings serve` listens on',
  },
  {
    key: 'allowPrivateNetworks',
    env: 'TIDINGS_ALLOW_PRIVATE_NETWORKS',
    type: { kind: 'policy' },
    description: 'fetch from private/loopback addresses: 1/0, or a comma list of addresses/CIDRs',
  },
  {
    key: 'concurrency',
    env: 'TIDINGS_CONCURRENCY',
    flag: '--concurrency',
    type: int(1, 1024),
    description: 'fetches at once, over all hosts',
  },
  {
    key: 'perHostConcurrency',
    env: 'TIDINGS_PER_HOST_CONCURRENCY',
    type: int(1, 1024),
    description: 'fetches at once to one host',
  },
  {
    key: 'perHostSpacingMs',
    env: 'TIDINGS_PER_HOST_SPACING_MS',
    type: int(0, 60_000),
    description: 'minimum ms between two request starts to one host',
  },
  {
    key: 'fetchTimeoutMs',
    env: 'TIDINGS_FETCH_TIMEOUT_MS',
    type: int(100, 600_000),
    description: 'total ms for one fetch, redirects and body included',
  },
  {
    key: 'connectTimeoutMs',
    env: 'TIDINGS_CONNECT_TIMEOUT_MS',
    type: int(100, 120_000),
    description: 'ms for DNS lookup plus connect',
  },
  {
    key: 'maxBodyBytes',
    env: 'TIDINGS_MAX_BODY_BYTES',
    type: int(1024, 1024 ** 3),
    description: 'largest feed accepted, in bytes',
  },
  {
    key: 'minCheckIntervalSeconds',
    env: 'TIDINGS_MIN_CHECK_INTERVAL',
    type: int(1, 365 * DAY),
    description: 'shortest time between two checks of a feed, s',
  },
  {
    key: 'maxCheckIntervalSeconds',
    env: 'TIDINGS_MAX_CHECK_INTERVAL',
    type: int(1, 365 * DAY),
    description: 'longest time between two checks of a healthy feed, s',
  },
  {
    key: 'defaultCheckIntervalSeconds',
    env: 'TIDINGS_DEFAULT_CHECK_INTERVAL',
    type: int(1, 365 * DAY),
    description: 'interval while a feed has no posting history, s',
  },
  {
    key: 'errorBackoffSeconds',
    env: 'TIDINGS_ERROR_BACKOFF',
    type: int(1, 365 * DAY),
    description: 'wait after the first error in a row (doubles per error), s',
  },
  {
    key: 'maxErrorBackoffSeconds',
    env: 'TIDINGS_MAX_ERROR_BACKOFF',
    type: int(1, 365 * DAY),
    description: 'longest wait after errors, s',
  },
  {
    key: 'userAgent',
    env: 'TIDINGS_USER_AGENT',
    type: { kind: 'string' },
    description: 'User-Agent sent with every fetch',
  },
  {
    key: 'archiveBody',
    env: 'TIDINGS_ARCHIVE_BODY',
    type: { kind: 'enum', values: ['cleaned', 'raw'] },
    description: 'body written into archive files: cleaned or raw',
  },
  {
    key: 'archiveGit',
    env: 'TIDINGS_ARCHIVE_GIT',
    type: { kind: 'boolean' },
    description: 'keep the archive folder as a git repository, one commit per round: 1/0',
  },
  {
    key: 'archiveGitRemotes',
    env: 'TIDINGS_ARCHIVE_GIT_REMOTES',
    type: { kind: 'remotes' },
    description: 'mirrors pushed after commits: a JSON list of {name, url, pushIntervalMinutes}, or name=url,…',
  },
  {
    key: 'archiveGitAuthor',
    env: 'TIDINGS_ARCHIVE_GIT_AUTHOR',
    type: { kind: 'string' },
    description: 'author and committer of archive commits, Name <email>',
  },
  {
    key: 'archiveGitCredentials',
    env: 'TIDINGS_ARCHIVE_GIT_CREDENTIALS',
    type: { kind: 'path' },
    description: "mirrors' git-credential-store file ('' = <data dir>/git-credentials)",
  },
  {
    key: 'trustProxy',
    env: 'TIDINGS_TRUST_PROXY',
    type: { kind: 'boolean' },
    description: 'believe X-Forwarded-Proto/-For from a reverse proxy: 1/0',
  },
];

/** Returns the setting's value read from `raw` (text from env/flags, any JSON value from the file), or why it is invalid. */
export function readSettingValue(
  spec: SettingSpec,
  raw: unknown,
): { ok: true; value: Settings[SettingKey] } | { ok: false; reason: string } {
  const type = spec.type;
  switch (type.kind) {
    case 'string':
      if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, reason: 'expected a non-empty text' };
      return { ok: true, value: raw.trim() };
    case 'integer': {
      const value =
        typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : Number.NaN;
      if (!Number.isSafeInteger(value))
        return { ok: false, reason: `expected a whole number, got ${JSON.stringify(raw)}` };
      if (value < type.min || value > type.max)
        return { ok: false, reason: `expected ${type.min}–${type.max}, got ${value}` };
      return { ok: true, value };
    }
    case 'enum':
      if (typeof raw === 'string' && type.values.includes(raw.trim())) return { ok: true, value: raw.trim() };
      return { ok: false, reason: `expected one of ${type.values.join(', ')}, got ${JSON.stringify(raw)}` };
    case 'policy':
      return readPolicy(raw);
    case 'boolean':
      return readBoolean(raw);
    case 'remotes':
      return readGitRemotes(raw);
    case 'path':
      if (typeof raw !== 'string') return { ok: false, reason: 'expected a path' };
      return { ok: true, value: raw.trim() };
  }
}

const YES = new Set(['1', 'true', 'yes', 'on']);
const NO = new Set(['0', 'false', 'no', 'off', '']);

function readBoolean(raw: unknown): { ok: true; value: boolean } | { ok: false; reason: string } {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  const word = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  if (word !== undefined && YES.has(word)) return { ok: true, value: true };
  if (word !== undefined && word !== '' && NO.has(word)) return { ok: true, value: false };
  return { ok: false, reason: `expected 1/0, true/false, yes/no or on/off, got ${JSON.stringify(raw)}` };
}

function readPolicy(raw: unknown): { ok: true; value: PrivateNetworkPolicy } | { ok: false; reason: string } {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  let list: string[] | undefined;
  if (Array.isArray(raw) && raw.every((item) => typeof item === 'string'))
    list = raw.map((item: string) => item.trim());
  if (typeof raw === 'string') {
    const word = raw.trim().toLowerCase();
    if (YES.has(word)) return { ok: true, value: true };
    if (NO.has(word)) return { ok: true, value: false };
    list = raw.split(',').map((item) => item.trim());
  }
  if (list !== undefined) {
    try {
      createAddressCheck(list);
      return { ok: true, value: list };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  }
  return { ok: false, reason: `expected 1/0, true/false, or a list of addresses/CIDRs, got ${JSON.stringify(raw)}` };
}
