/**
 * SQLite `copyStateFrom`: what a database rebuilt from the archive cannot learn from the
 * archive, copied from the database it replaces (attached read-only for the copy, one
 * transaction): accounts, sessions, API tokens, preferences and saved searches as they were
 * (same ids); each feed's settings, validators, schedule and status, and its learned
 * boilerplate and fetch log, matched by URL (a feed without any archived article is added);
 * subscriptions; read and starred marks and tombstones, matched by feed URL and article
 * identity (a tombstone whose article has no archive file is kept as a bare tombstone, so it
 * does not come back on the next fetch). Both files are at the same schema: the old one was
 * opened, and so migrated, by the same code. Columns are the ones both tables have, so a
 * column added by a later migration needs no change here. The unread counts follow from the
 * triggers as rows arrive (migration 2026-11-26-008), and tombstoning drops articles from
 * the search index the same way.
 */
import type { StateCopyResult } from '../store.ts';
import type { SqliteContext } from './statements.ts';

// Copied as they are, in an order that satisfies their foreign keys.
const VERBATIM = ['users', 'sessions', 'api_tokens', 'user_preferences', 'saved_searches'];

/** Returns `copyStateFrom` over one connection. */
export function createStateCopyQueries({ db }: SqliteContext) {
  const columnsOf = (schema: string, table: string): string[] =>
    db.prepare(`SELECT name FROM pragma_table_info(?, ?)`).pluck().all(table, schema) as string[];
  const shared = (table: string, except: readonly string[] = []): string[] => {
    const old = new Set(columnsOf('old', table));
    return columnsOf('main', table).filter((name) => old.has(name) && !except.includes(name));
  };
  const run = (text: string): number => db.prepare(text).run().changes;

  const copy = db.transaction((): StateCopyResult => {
    for (const table of VERBATIM) {
      const columns = shared(table).join(', ');
      run(`INSERT INTO main.${table} (${columns}) SELECT ${columns} FROM old.${table}`);
    }
    const feedColumns = shared('feeds', ['id', 'url']);
    const list = feedColumns.join(', ');
    run(`UPDATE main.feeds SET (${list}) = (SELECT ${list} FROM old.feeds o WHERE o.url = main.feeds.url)
      WHERE url IN (SELECT url FROM old.feeds)`);
    const feedsAdded = run(
      `INSERT INTO main.feeds (url, ${list}) SELECT url, ${list} FROM old.feeds WHERE url NOT IN (SELECT url FROM main.feeds)`,
    );
    run(
      'CREATE TEMP TABLE feed_map AS SELECT o.id AS old_id, n.id AS new_id FROM old.feeds o JOIN main.feeds n ON n.url = o.url',
    );
    run(
      'CREATE TEMP TABLE article_map AS SELECT oa.id AS old_id, na.id AS new_id FROM old.articles oa JOIN temp.feed_map m ON m.old_id = oa.feed_id JOIN main.articles na ON na.feed_id = m.new_id AND na.identity = oa.identity',
    );
    copyMapped('feed_cleaning', 'feed_id', 'feed_map');
    copyMapped('fetch_log', 'feed_id', 'feed_map', ['id']);

    const tombstones =
      run(`UPDATE main.articles SET deleted_at = (SELECT oa.deleted_at FROM old.articles oa JOIN temp.article_map m ON m.old_id = oa.id WHERE m.new_id = main.articles.id),
      last_seen_at = max(last_seen_at, (SELECT oa.last_seen_at FROM old.articles oa JOIN temp.article_map m ON m.old_id = oa.id WHERE m.new_id = main.articles.id))
      WHERE id IN (SELECT m.new_id FROM temp.article_map m JOIN old.articles oa ON oa.id = m.old_id WHERE oa.deleted_at IS NOT NULL)`);
    const articleColumns = shared('articles', ['id', 'feed_id', 'sort_time', 'revision_count']).join(', ');
    const bareTombstones = run(`INSERT INTO main.articles (feed_id, revision_count, ${articleColumns})
      SELECT m.new_id, 0, ${articleColumns
        .split(', ')
        .map((c) => `oa.${c}`)
        .join(', ')} FROM old.articles oa JOIN temp.feed_map m ON m.old_id = oa.feed_id
      WHERE oa.deleted_at IS NOT NULL AND oa.id NOT IN (SELECT old_id FROM temp.article_map)`);

    const subscriptions = copyMapped('subscriptions', 'feed_id', 'feed_map', ['unread_count']);
    const marks = copyMapped('article_state', 'article_id', 'article_map');
    run('DROP TABLE temp.feed_map');
    run('DROP TABLE temp.article_map');
    const count = (table: string) => db.prepare(`SELECT count(*) FROM main.${table}`).pluck().get() as number;
    return { users: count('users'), feedsAdded, subscriptions, marks, tombstones: tombstones + bareTombstones };
  });

  // Copies `table`'s rows whose `key` column has an entry in the map, with the key mapped to the new id.
  function copyMapped(table: string, key: string, map: string, except: readonly string[] = []): number {
    const others = shared(table, [key, ...except]);
    const into = [key, ...others].join(', ');
    const from = ['m.new_id', ...others.map((c) => `t.${c}`)].join(', ');
    return run(
      `INSERT INTO main.${table} (${into}) SELECT ${from} FROM old.${table} t JOIN temp.${map} m ON m.old_id = t.${key}`,
    );
  }

  return {
    copyStateFrom(path: string): StateCopyResult {
      db.prepare('ATTACH DATABASE ? AS old').run(path);
      try {
        return copy();
      } finally {
        db.prepare('DETACH DATABASE old').run();
      }
    },
  };
}
