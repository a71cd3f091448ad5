/**
 * `tsx bench/search/reindex-only.ts [--articles N] [--no-worker]`: times a full reindex alone on
 * an archive kept by `bench:search --keep`, for profiling the index build without running the
 * queries. It reports the rate per wall second, per CPU-second of all threads, and per CPU-second
 * of the main thread (Linux /proc), which bounds the rate while the token worker keeps up.
 * `--no-worker` tokenizes on the main thread only, the side-by-side peer. It drives the SQLite
 * indexing functions directly (not `Store.reindexSearch`) to choose between the two.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { migrate } from '../../src/store/sqlite/migrate.ts';
import { sqliteMigrations } from '../../src/store/sqlite/migrations/all-migrations.ts';
import { openDatabase } from '../../src/store/sqlite/open-database.ts';
import { createSearchIndexing } from '../../src/store/sqlite/search-index.ts';
import { createStatements } from '../../src/store/sqlite/statements.ts';

const argv = process.argv.slice(2);
const at = argv.indexOf('--articles');
const articles = at >= 0 ? Number(argv[at + 1]) : 100_000;
const path = fileURLToPath(new URL(`../.corpus/search-${articles}.db`, import.meta.url));
const db = openDatabase({ path });
migrate(db, sqliteMigrations);
const indexing = createSearchIndexing(
  { db, sql: createStatements(db) },
  argv.includes('--no-worker') ? { poolFrom: Infinity } : {},
);

const mainThreadMs = (): number => {
  const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
};
const mainBefore = mainThreadMs();
const cpu = process.cpuUsage();
const began = performance.now();
const count = indexing.reindex(1000);
const seconds = (performance.now() - began) / 1000;
const used = process.cpuUsage(cpu);
const mainSeconds = (mainThreadMs() - mainBefore) / 1000;
db.close();
const rate = (s: number) => Math.round(count / s).toLocaleString('en');
console.log(
  `reindexed ${count.toLocaleString('en')} articles${argv.includes('--no-worker') ? ' without the worker' : ''} in ${seconds.toFixed(1)} s: ${rate(seconds)}/s wall, ${rate((used.user + used.system) / 1e6)} per CPU-second (all threads), ${rate(mainSeconds)} per CPU-second of the main thread`,
);
