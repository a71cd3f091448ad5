/**
 * What the use cases need from the composition root, declared here so that ingest/ never
 * imports context.ts or config/ (imports point downward): the store, the shared fetch
 * dispatcher and host limiter, the archive folder, a clock, and the settings they read.
 * context.ts builds a value of this shape; tests can build one by hand.
 */
import type { RulePack } from '../clean/index.ts';
import type { FetchDispatcher, HostLimiter, PrivateNetworkPolicy } from '../fetch/index.ts';
import type { Store, StoreOptions } from '../store/index.ts';
import type { ArchiveGitConfig } from './archive-jobs/archive-git-config.ts';
import type { RefreshOutcome } from './refresh-outcome.ts';

/** The settings the use cases read (the same names as config's Settings, which satisfies this). */
export interface IngestSettings {
  allowPrivateNetworks: PrivateNetworkPolicy;
  concurrency: number;
  perHostConcurrency: number;
  perHostSpacingMs: number;
  fetchTimeoutMs: number;
  maxBodyBytes: number;
  userAgent: string;
  minCheckIntervalSeconds: number;
  maxCheckIntervalSeconds: number;
  defaultCheckIntervalSeconds: number;
  errorBackoffSeconds: number;
  maxErrorBackoffSeconds: number;
  archiveBody: 'cleaned' | 'raw';
}

/** The wiring every use case takes as its first argument. */
export interface IngestContext {
  /** Replaced by `rebuildDatabase` when it swaps in a new database. */
  store: Store;
  readonly settings: IngestSettings;
  readonly dispatcher: FetchDispatcher;
  /** The process-wide politeness limiter (global and per-host concurrency, per-host spacing). */
  readonly limiter: HostLimiter;
  /** The live plain-file archive, `<data>/archive`. */
  readonly archiveRoot: string;
  /** The clock, epoch ms; injectable for tests. */
  readonly now: () => number;
  /** The rule packs cleaning applies (shipped plus `<data>/rules/`, loaded once); absent = the shipped packs. */
  readonly packs?: readonly RulePack[];
  /** How `store` was opened, for other threads and for a rebuild; absent for a store only this thread can reach. */
  readonly storeOptions?: StoreOptions;
  /** The archive as a git repository (commits after rounds, mirrors); absent when `archiveGit` is off. */
  readonly archiveGit?: ArchiveGitConfig;
  /** Told of every recorded refresh (web/metrics listens; ingest never imports web); a listener must not throw. */
  readonly refreshListeners?: Set<(outcome: RefreshOutcome) => void>;
}
