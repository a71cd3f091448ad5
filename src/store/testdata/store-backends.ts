/**
 * Test helpers: every back end the shared store suite runs against (a new back end joins
 * by adding itself here), and entry builders with deterministic text.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IncomingEntry } from '../article-types.ts';
import { openStore } from '../open-store.ts';
import type { Store } from '../store.ts';

/** A back end under test: `open` returns a fresh, empty store; `cleanup` removes what it left. */
export interface StoreBackend {
  name: string;
  open: () => Promise<Store>;
  cleanup: () => Promise<void>;
}

/** Returns the back ends to run the shared suite against. */
export function storeBackends(): StoreBackend[] {
  const folders: string[] = [];
  return [
    {
      name: 'sqlite :memory:',
      open: () => openStore({ backend: 'sqlite', path: ':memory:' }),
      cleanup: async () => {},
    },
    {
      name: 'sqlite file',
      open: async () => {
        const folder = await mkdtemp(join(tmpdir(), 'tidings-store-'));
        folders.push(folder);
        return openStore({ backend: 'sqlite', path: join(folder, 'tidings.db') });
      },
      cleanup: async () => {
        await Promise.all(folders.splice(0).map((f) => rm(f, { recursive: true, force: true })));
      },
    },
  ];
}

/** Returns an entry whose title key and fingerprint follow its title and body, like domain/'s rules would. */
export function makeEntry(identity: string, fields: Partial<IncomingEntry> = {}): IncomingEntry {
  const title = fields.title ?? `Title of ${identity}`;
  const cleanedBody = fields.cleanedBody ?? `<p>Body of ${identity}</p>`;
  return {
    identity,
    title,
    titleKey: title.trim().toLowerCase(),
    authors: [],
    categories: [],
    enclosures: [],
    rawBody: `${cleanedBody}<div>promo</div>`,
    cleanedBody,
    fingerprint: `fp:${cleanedBody}`,
    ...fields,
  };
}
