/**
 * The one place a store back end is chosen. Only SQLite exists today; PostgreSQL will be
 * another member of `StoreOptions` and another folder with the same file names.
 */
import type { Store } from './store.ts';
import type { ScratchStore } from './scratch-store.ts';
import { openSqliteScratch, sqliteDatabaseExists } from './sqlite/scratch-database.ts';
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

/** Opens an empty scratch store beside the one `options` names, to be swapped in for it or discarded. */
export async function openScratchStore(options: StoreOptions): Promise<ScratchStore> {
  switch (options.backend) {
    case 'sqlite':
      return openSqliteScratch(options.path, options.busyTimeoutMs);
  }
}

/** Returns false when the store `options` names has never been created (nothing to copy from it). */
export async function storeExists(options: StoreOptions): Promise<boolean> {
  switch (options.backend) {
    case 'sqlite':
      return options.path === ':memory:' ? false : sqliteDatabaseExists(options.path);
  }
}
