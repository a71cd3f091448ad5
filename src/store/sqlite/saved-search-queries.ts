/**
 * SQLite saved searches: a name and a query text (parsed again on every use, so saved
 * searches follow improvements of the query language), for the reader's sidebar and
 * republished feeds. Saving under an existing name replaces that search.
 */
import { AppError } from '../../domain/errors.ts';
import type { NewSavedSearch, SavedSearch, SearchSort } from '../search-types.ts';
import type { SqliteContext } from './statements.ts';

interface SavedSearchRow { id: number; name: string; query: string; sort: string; created_at: number }

function rowToSavedSearch(row: SavedSearchRow): SavedSearch {
  return { id: row.id, name: row.name, query: row.query, sort: row.sort as SearchSort, createdAt: row.created_at };
}

/** Returns the saved-search functions over one connection. */
export function createSavedSearchQueries({ sql }: SqliteContext) {
  return {
    /** Throws AppError `input.invalid` for an empty name or query. */
    saveSearch(input: NewSavedSearch): SavedSearch {
      const name = input.name.trim();
      const query = input.query.trim();
      if (name === '' || query === '') throw new AppError('input.invalid', 'a saved search needs a name and a query');
      const row = sql(`
        INSERT INTO saved_searches (name, query, sort, created_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET query = excluded.query, sort = excluded.sort
        RETURNING *`).get(name, query, input.sort ?? 'relevance', input.at ?? Date.now()) as SavedSearchRow;
      return rowToSavedSearch(row);
    },
    listSavedSearches: (): SavedSearch[] =>
      (sql('SELECT * FROM saved_searches ORDER BY name COLLATE NOCASE, id').all() as SavedSearchRow[]).map(rowToSavedSearch),
    deleteSavedSearch: (id: number): boolean => sql('DELETE FROM saved_searches WHERE id = ?').run(id).changes === 1,
  };
}
