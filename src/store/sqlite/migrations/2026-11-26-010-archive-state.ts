/**
 * A revision's archive state moves out of its row into `revision_archive` (one small row per
 * revision: archived_at, NULL while its file is pending). Marking a revision archived used to
 * update the revision row itself, and SQLite rewrites a whole row on update, bodies and their
 * overflow pages included: about 10 KB written per revision, a second copy of every new
 * article written during a refresh round, and a write lock held long enough to stall the
 * round's other writer. The old column is dropped, which rewrites the revisions table
 * once.
 */
import type { SqliteMigration } from '../migrate.ts';

/** Creates revision_archive from revisions.archived_at and drops the column. */
export const migration: SqliteMigration = {
  name: '2026-11-26-010-archive-state',
  up(db) {
    db.exec(`
      CREATE TABLE revision_archive (
        revision_id INTEGER PRIMARY KEY REFERENCES revisions (id) ON DELETE CASCADE,
        archived_at INTEGER
      ) STRICT;
      INSERT INTO revision_archive (revision_id, archived_at) SELECT id, archived_at FROM revisions;
      CREATE INDEX revision_archive_pending ON revision_archive (revision_id) WHERE archived_at IS NULL;
      DROP INDEX revisions_pending;
      ALTER TABLE revisions DROP COLUMN archived_at;
    `);
  },
};
