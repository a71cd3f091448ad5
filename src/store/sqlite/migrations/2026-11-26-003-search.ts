/**
 * Full-text search. `search_fts` is a contentless FTS5 table (the text already lives
 * in `revisions`; storing it again would double the database) with `contentless_delete=1`
 * (SQLite ≥ 3.43) so a new revision can replace its article's row: rowid = article id, one row
 * per article holding only its latest revision. Its text is pre-tokenized in JavaScript
 * (tokenize/: folding, one token per CJK character, common-character pairs) and joined
 * by spaces, so FTS5's `ascii` tokenizer only splits on spaces (`_`, the CJK run break, is
 * declared a token character; every non-ASCII character is one already). `detail=full` keeps
 * positions: phrases and CJK queries are adjacency checks. `body` is the first column because
 * FTS5 writes a column marker (2 bytes) into every posting outside column 0, and most
 * postings are body postings. Segments are merged 16 at a time (FTS5's default is 4): each
 * document's commit writes a small segment, and merging less eagerly makes storing an article
 * cheaper at the price of a few more segments per query (`tidings reindex` ends with one).
 *
 * Triggers keep the index honest without JavaScript: deleting or tombstoning an article
 * deletes its row, and a re-cleaned body queues its article in `search_queue`, the durable
 * queue the store drains (in JavaScript, which tokenizes) after each change and on open.
 * Every article present when this migration runs is queued, so an existing archive becomes
 * searchable on first open. `search_time_blocks` keeps, per block of 1,024 article ids, the
 * oldest and newest article time in it (bounds only: a changed time widens them): what lets a
 * search stop early and skip blocks outside a date filter (search-queries.ts).
 */
import type { SqliteMigration } from '../migrate.ts';

/** Creates the search index, its queue, the time blocks, saved searches and the triggers. */
export const migration: SqliteMigration = {
  name: '2026-11-26-003-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE search_fts USING fts5(
        body, title, author, feed, category, pairs,
        content = '', contentless_delete = 1, detail = full, tokenize = "ascii tokenchars '_'"
      );
      INSERT INTO search_fts (search_fts, rank) VALUES ('automerge', 16);
      INSERT INTO search_fts (search_fts, rank) VALUES ('crisismerge', 64);
      CREATE TABLE search_queue (article_id INTEGER PRIMARY KEY) STRICT;
      CREATE TABLE search_time_blocks (block INTEGER PRIMARY KEY, min_time INTEGER NOT NULL, max_time INTEGER NOT NULL) STRICT;
      CREATE TABLE saved_searches (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        query TEXT NOT NULL,
        sort TEXT NOT NULL DEFAULT 'relevance' CHECK (sort IN ('relevance', 'newest')),
        created_at INTEGER NOT NULL
      ) STRICT;

      CREATE TRIGGER search_article_deleted AFTER DELETE ON articles BEGIN
        DELETE FROM search_fts WHERE rowid = old.id;
        DELETE FROM search_queue WHERE article_id = old.id;
      END;
      CREATE TRIGGER search_article_tombstoned AFTER UPDATE OF deleted_at ON articles
        WHEN new.deleted_at IS NOT NULL AND old.deleted_at IS NULL BEGIN
        DELETE FROM search_fts WHERE rowid = new.id;
        DELETE FROM search_queue WHERE article_id = new.id;
      END;
      CREATE TRIGGER search_revision_recleaned AFTER UPDATE OF cleaned_body ON revisions BEGIN
        INSERT OR IGNORE INTO search_queue (article_id) VALUES (new.article_id);
      END;
      CREATE TRIGGER search_article_time_added AFTER INSERT ON articles BEGIN
        INSERT INTO search_time_blocks (block, min_time, max_time) VALUES (new.id >> 10, new.sort_time, new.sort_time)
          ON CONFLICT (block) DO UPDATE SET min_time = min(min_time, excluded.min_time), max_time = max(max_time, excluded.max_time);
      END;
      CREATE TRIGGER search_article_time_changed AFTER UPDATE OF published_at, first_seen_at ON articles BEGIN
        INSERT INTO search_time_blocks (block, min_time, max_time) VALUES (new.id >> 10, new.sort_time, new.sort_time)
          ON CONFLICT (block) DO UPDATE SET min_time = min(min_time, excluded.min_time), max_time = max(max_time, excluded.max_time);
      END;

      INSERT INTO search_time_blocks (block, min_time, max_time)
        SELECT id >> 10, min(sort_time), max(sort_time) FROM articles GROUP BY id >> 10;
      INSERT INTO search_queue (article_id) SELECT id FROM articles WHERE deleted_at IS NULL;
    `);
  },
};
