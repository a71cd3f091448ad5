/**
 * The one place a store back end is chosen. Only SQLite exists today; PostgreSQL will be
 * another member of `StoreOptions` and another folder with the same file names.
 */
import type { Store } from './store.ts';
import { createSqliteStore } from './sqlite/sqlite-store.ts';
import type { StoreOptions } from './store-options.ts';

export type { StoreOptions };

/** Opens, creating and migrating as needed, the chosen store; throws AppError `store.failed` or `store.unsupported-schema`. */
export async function openStore(options: StoreOptions): Promise<Store> {
  switch (options.backend) {
    case 'sqlite':
      return createSqliteStore({ path: options.path, busyTimeoutMs: options.busyTimeoutMs });
  }
}
