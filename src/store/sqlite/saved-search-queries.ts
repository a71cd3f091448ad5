/**
 * SQLite saved searches: a name and a query text (parsed again on every use, so saved
 * searches follow improvements of the query language), for the reader's sidebar and
 * republished feeds. Each belongs to a user, or to no user (`user_id` NULL: the CLI's own);
 * every read and delete is scoped to one owner, matched with `IS` so NULL matches NULL.
 * Saving under a name its owner already used replaces that search.
 */
import { AppError } from '../../domain/errors.ts';
import type { NewSavedSearch, SavedSearch, SearchSort } from '../search-types.ts';
import type { SqliteContext } from './statements.ts';

interface SavedSearchRow {
  id: number;
  user_id: number | null;
  name: string;
  query: string;
  sort: string;
  created_at: number;
}

function rowToSavedSearch(row: SavedSearchRow): SavedSearch {
  return {
    id: row.id,
    ...(row.user_id === null ? {} : { userId: row.user_id }),
    name: row.name,
    query: row.query,
    sort: row.sort as SearchSort,
    createdAt: row.created_at,
  };
}

/** Returns the saved-search functions over one connection; `userId` undefined means "saved without a user". */
export function createSavedSearchQueries({ sql }: SqliteContext) {
  return {
    /** Throws AppError `input.invalid` for an empty name or query. */
    saveSearch(input: NewSavedSearch): SavedSearch {
      const name = input.name.trim();
      const query = input.query.trim();
      if (name === '' || query === '') throw new AppError('input.invalid', 'a saved search needs a name and a query');
      const row = sql(`
        INSERT INTO saved_searches (user_id, name, query, sort, created_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (ifnull(user_id, 0), name) DO UPDATE SET query = excluded.query, sort = excluded.sort
        RETURNING *`).get(
        input.userId ?? null,
        name,
        query,
        input.sort ?? 'relevance',
        input.at ?? Date.now(),
      ) as SavedSearchRow;
      return rowToSavedSearch(row);
    },
    listSavedSearches: (userId: number | undefined): SavedSearch[] =>
      (
        sql('SELECT * FROM saved_searches WHERE user_id IS ? ORDER BY name COLLATE NOCASE, id').all(
          userId ?? null,
        ) as SavedSearchRow[]
      ).map(rowToSavedSearch),
    getSavedSearch(id: number, userId: number | undefined): SavedSearch | undefined {
      const row = sql('SELECT * FROM saved_searches WHERE id = ? AND user_id IS ?').get(id, userId ?? null) as
        | SavedSearchRow
        | undefined;
      return row === undefined ? undefined : rowToSavedSearch(row);
    },
    deleteSavedSearch: (id: number, userId: number | undefined): boolean =>
      sql('DELETE FROM saved_searches WHERE id = ? AND user_id IS ?').run(id, userId ?? null).changes === 1,
  };
}
