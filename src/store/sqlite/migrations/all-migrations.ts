/**
 * Every SQLite migration, in order. A new migration is a new timestamped file here; an
 * applied one is never edited.
 */
import type { SqliteMigration } from '../migrate.ts';
import { migration as initial } from './2026-11-26-001-initial.ts';
import { migration as fetchLog } from './2026-11-26-002-fetch-log.ts';
import { migration as search } from './2026-11-26-003-search.ts';
import { migration as learnedBoilerplate } from './2026-11-26-004-learned-boilerplate.ts';
import { migration as accounts } from './2026-11-26-005-accounts.ts';
import { migration as userPreferences } from './2026-11-26-006-user-preferences.ts';
import { migration as savedSearchOwner } from './2026-11-26-007-saved-search-owner.ts';
import { migration as unreadCounts } from './2026-11-26-008-unread-counts.ts';
import { migration as searchTokens } from './2026-11-26-009-search-tokens.ts';
import { migration as archiveState } from './2026-11-26-010-archive-state.ts';
import { migration as searchDeletesQueued } from './2026-11-26-011-search-deletes-queued.ts';

/** The schema's history, oldest first. */
export const sqliteMigrations: readonly SqliteMigration[] = [
  initial,
  fetchLog,
  search,
  learnedBoilerplate,
  accounts,
  userPreferences,
  savedSearchOwner,
  unreadCounts,
  searchTokens,
  archiveState,
  searchDeletesQueued,
];
