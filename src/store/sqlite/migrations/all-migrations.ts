/**
 * Every SQLite migration, in order. A new migration is a new timestamped file here; an
 * applied one is never edited.
 */
import type { SqliteMigration } from '../migrate.ts';
import { migration as initial } from './2026-11-26-001-initial.ts';
import { migration as fetchLog } from './2026-11-26-002-fetch-log.ts';

/** The schema's history, oldest first. */
export const sqliteMigrations: readonly SqliteMigration[] = [initial, fetchLog];
