/**
 * What one refresh did: the value `refreshFeed` returns and the context's refresh listeners
 * receive. A module of its own so that the context's shape and the refresh both depend on it,
 * not on each other.
 */
import type { FetchOutcomeKind, StoredError } from '../store/index.ts';

/** What one refresh did; `recorded` is false for a fetch cancelled by shutdown and for a failure of the store itself (nothing could be written). */
export interface RefreshOutcome {
  feedId: number;
  /** The feed's URL after the refresh (the new one after a permanent redirect). */
  url: string;
  kind: FetchOutcomeKind;
  httpStatus?: number;
  error?: StoredError;
  itemCount: number;
  newArticles: number;
  newRevisions: number;
  /** Entries the store refused (reported, never stopping the rest). */
  invalidEntries: number;
  nextCheckAt?: number;
  scheduleReason?: string;
  durationMs: number;
  /** Set when a permanent redirect moved the feed. */
  movedFrom?: string;
  /** Article pages fetched for full text (summary-only feeds). */
  fullTextPages?: number;
  /** Full-text pages that could not be used; the feed's own body was kept for those entries. */
  warnings?: StoredError[];
  recorded: boolean;
}
