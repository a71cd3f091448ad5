/**
 * SQLite reads for re-cleaning and full text: pages of one feed's revision bodies
 * (`tidings reclean` walks them by revision id, so a long run never holds a cursor across an
 * await), and the latest revision's fingerprint, title key and link per identity, so that
 * full-text mode fetches article pages only for entries that will actually be stored.
 */
import type { ListRevisionBodiesOptions, RevisionBodies, StoredEntryState } from '../cleaning-types.ts';
import type { SqliteContext } from './statements.ts';

interface BodiesRow {
  id: number;
  article_id: number;
  number: number;
  link: string | null;
  raw_body: string;
  cleaned_body: string | null;
  archived_at: number | null;
}

interface StateRow {
  identity: string;
  article_id: number;
  deleted_at: number | null;
  fingerprint: string | null;
  title_key: string | null;
  link: string | null;
}

/** Returns the re-cleaning and entry-state reads over one connection. */
export function createRecleanQueries({ sql }: SqliteContext) {
  return {
    listRevisionBodies(options: ListRevisionBodiesOptions): RevisionBodies[] {
      const rows = sql(`
        SELECT r.id, r.article_id, r.number, r.link, r.raw_body, r.cleaned_body, ra.archived_at
        FROM revisions r JOIN articles a ON a.id = r.article_id LEFT JOIN revision_archive ra ON ra.revision_id = r.id
        WHERE a.feed_id = ? AND a.deleted_at IS NULL AND r.id > ?
        ORDER BY r.id LIMIT ?`).all(
        options.feedId,
        options.afterRevisionId ?? 0,
        Math.max(1, options.limit),
      ) as BodiesRow[];
      return rows.map((row) => {
        const bodies: RevisionBodies = {
          revisionId: row.id,
          articleId: row.article_id,
          number: row.number,
          rawBody: row.raw_body,
          archived: row.archived_at !== null,
        };
        if (row.link !== null) bodies.link = row.link;
        if (row.cleaned_body !== null) bodies.cleanedBody = row.cleaned_body;
        return bodies;
      });
    },
    entryStates(feedId: number, identities: readonly string[]): Map<string, StoredEntryState> {
      const states = new Map<string, StoredEntryState>();
      const statement = sql(`
        SELECT a.identity, a.id AS article_id, a.deleted_at, r.fingerprint, r.title_key, r.link
        FROM articles a LEFT JOIN revisions r ON r.article_id = a.id
          AND r.number = (SELECT max(number) FROM revisions WHERE article_id = a.id)
        WHERE a.feed_id = ? AND a.identity = ?`);
      for (const identity of new Set(identities)) {
        const row = statement.get(feedId, identity) as StateRow | undefined;
        if (row === undefined) continue;
        const state: StoredEntryState = { articleId: row.article_id, deleted: row.deleted_at !== null };
        if (row.fingerprint !== null) state.fingerprint = row.fingerprint;
        if (row.title_key !== null) state.titleKey = row.title_key;
        if (row.link !== null) state.link = row.link;
        states.set(identity, state);
      }
      return states;
    },
  };
}
