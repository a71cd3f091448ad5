/**
 * The archive as a git repository, with real `tidings` processes and a local bare repository as
 * the mirror: a commit per round whose message counts each feed's new and revised articles,
 * pushed after each commit; a push that fails (the mirror gone) leaving the round and its commit
 * untouched, then recovering; a run killed with SIGKILL between writing its files and committing
 * (a stand-in `git` kills its parent at `git add`), whose files the next round commits; `git log
 * --follow` on a revised article; READMEs whose links all resolve; a clone imported back and
 * rebuilt into the same database; `export archive --git`. A token in the environment never shows
 * in any output, state file or repository config.
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { chmod, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../fixture-server/index.ts';
import { diffFileTrees, readFileTree } from './read-file-tree.ts';
import { requireBuild, runCli, type CliRun } from './run-cli.ts';
import { createTempDirs, type TempDirs } from './temp-dirs.ts';

const TOKEN = 'tok-SECRET-4242-never-shown';
const ENV = { TIDINGS_GIT_TOKEN_MIRROR: TOKEN };

let server: FixtureServer;
let dirs: TempDirs;
let data: string;
let mirror: string;
const runs: CliRun[] = [];

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.quotepath=off', ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', HOME: '/nonexistent' },
  });
}

async function tidings(dir: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const run = await runCli(dir, args, { env: { ...ENV, ...env } });
  runs.push(run);
  return run;
}

async function json<T>(dir: string, args: string[]): Promise<T> {
  const run = await tidings(dir, [...args, '--json']);
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as T;
}

interface MirrorStatus {
  name: string;
  failures: number;
  unpushed: number;
  lastError?: string;
  lastSuccessAt?: number;
  credentials: string;
}

beforeAll(async () => {
  requireBuild();
  server = await startFixtureServer();
  dirs = await createTempDirs('git');
  data = await dirs.make('data');
  mirror = await dirs.make('mirror.git');
  git(mirror, 'init', '-q', '--bare', '-b', 'main');
  await writeFile(
    join(data, 'config.json'),
    JSON.stringify({ archiveGit: true, archiveGitRemotes: [{ name: 'mirror', url: mirror }] }),
  );
});

afterAll(async () => {
  await server?.close();
  await dirs?.cleanup();
});

describe('the archive as a git repository', { timeout: 180_000 }, () => {
  it('tidings config shows the repository settings', async () => {
    const config = await json<{ settings: Record<string, unknown> }>(data, ['config']);
    expect(config.settings).toMatchObject({
      archiveGit: true,
      archiveGitRemotes: [{ name: 'mirror', url: mirror, pushIntervalMinutes: 0 }],
    });
  });

  it('commits each round with a message per feed and pushes it to the mirror', async () => {
    expect(await json(data, ['add', server.url('/zh/feed.xml'), '--title', 'RFI 中文'])).toMatchObject({
      kind: 'added',
    });
    expect(await json(data, ['add', server.url('/feed.xml')])).toMatchObject({ kind: 'added' });
    const round = await json<{ archiveCommit: { kind: string; commit: string } }>(data, ['fetch']);
    expect(round.archiveCommit.kind).toBe('committed');
    const archive = join(data, 'archive');
    expect(git(archive, 'log', '-1', '--format=%s')).toBe('Fixture feed: 3 new; RFI 中文: 3 new\n');
    expect(git(archive, 'log', '-1', '--format=%an <%ae>')).toBe('Tidings <tidings@localhost>\n');
    expect(git(archive, 'status', '--porcelain')).toBe('');
    expect(git(mirror, 'rev-parse', 'main')).toBe(git(archive, 'rev-parse', 'HEAD'));

    server.feed.editItem(0, { description: '<p>Corrected: the newest item, edited.</p>' });
    server.feed.addItems(1);
    await json(data, ['fetch']);
    expect(git(archive, 'log', '-1', '--format=%s')).toBe('Fixture feed: 1 new, 1 revised\n');
    expect(git(mirror, 'rev-parse', 'main')).toBe(git(archive, 'rev-parse', 'HEAD'));

    const nothing = await json<{ archiveCommit: { kind: string } }>(data, ['fetch']);
    expect(nothing.archiveCommit.kind).toBe('unchanged');
  });

  it('git log --follow on the newest revision of an article lists every revision; a pathspec on its key does too', async () => {
    const archive = join(data, 'archive');
    const revised = git(archive, 'ls-files', '*/001_*.txt').trim().split('\n');
    expect(revised).toHaveLength(1);
    const [folder, file] = revised[0].split('/');
    const key = file.slice(4, 20);
    const follow = git(archive, 'log', '--follow', '--name-status', '--format=%H', '--', revised[0]);
    expect(follow).toContain(`${folder}/000_${key}.txt`);
    expect(follow.match(/^[0-9a-f]{40}$/gm)).toHaveLength(2);
    expect(git(archive, 'log', '--format=%H', '--', `${folder}/*_${key}.txt`).trim().split('\n')).toHaveLength(2);
  });

  it('a push that fails leaves the round alone and is reported; a later push recovers', async () => {
    const archive = join(data, 'archive');
    await rename(mirror, `${mirror}.away`);
    server.feed.addItems(1);
    const run = await tidings(data, ['fetch']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/archive commit [0-9a-f]{12}/);
    expect(run.stderr).toMatch(/warning: mirror mirror: push failed 1× in a row \(next try after /);
    const failed = await json<{ mirrors: MirrorStatus[] }>(data, ['archive', 'status']);
    expect(failed.mirrors).toEqual([
      expect.objectContaining({
        name: 'mirror',
        failures: 1,
        unpushed: 1,
        credentials: 'env TIDINGS_GIT_TOKEN_MIRROR',
      }),
    ]);
    expect(failed.mirrors[0].lastError).toMatch(/git push exited 128/);

    await rename(`${mirror}.away`, mirror);
    const pushed = await json<{ mirrors: MirrorStatus[] }>(data, ['archive', 'push']);
    expect(pushed.mirrors[0]).toMatchObject({ failures: 0, unpushed: 0 });
    expect(pushed.mirrors[0].lastSuccessAt).toBeGreaterThan(0);
    expect(git(mirror, 'rev-parse', 'main')).toBe(git(archive, 'rev-parse', 'HEAD'));
  });

  it('files of a run killed between writing and committing are committed by the next round', async () => {
    const archive = join(data, 'archive');
    const stand = join(dirs.path('data'), '..', 'git-killing-parent.sh');
    await writeFile(
      stand,
      '#!/bin/sh\n# Stands in for git: at `git add` it kills the tidings process that ran it, as a crash before the commit would.\nfor arg in "$@"; do\n  if [ "$arg" = add ]; then kill -9 "$PPID"; exit 1; fi\ndone\nexec git "$@"\n',
    );
    await chmod(stand, 0o755);
    server.feed.addItems(2);
    const before = git(archive, 'rev-parse', 'HEAD');
    const killed = await tidings(data, ['fetch'], { TIDINGS_GIT: stand });
    expect(killed.signal).toBe('SIGKILL');
    expect(git(archive, 'rev-parse', 'HEAD')).toBe(before);
    expect(git(archive, 'status', '--porcelain').match(/^\?\? .+\.txt$/gm)).toHaveLength(2);

    const next = await json<{ feeds: number; newArticles: number; archiveCommit: { kind: string } }>(data, ['fetch']);
    expect(next).toMatchObject({ newArticles: 0, archiveCommit: { kind: 'committed' } });
    expect(git(archive, 'log', '-1', '--format=%s')).toBe('Fixture feed: 2 new\n');
    expect(git(archive, 'status', '--porcelain')).toBe('');
    expect(git(mirror, 'rev-parse', 'main')).toBe(git(archive, 'rev-parse', 'HEAD'));
  });

  it('READMEs list the feeds and the latest articles, and every link resolves to a file', async () => {
    const clone = dirs.path('clone');
    git(dirs.path(''), 'clone', '-q', mirror, clone);
    const top = await readFile(join(clone, 'README.md'), 'utf8');
    expect(top).toContain('RFI 中文');
    expect(top).toContain('Fixture feed');
    const readmes = (await readdir(clone, { recursive: true })).filter(
      (p) => p.endsWith('README.md') && !p.startsWith('.git'),
    );
    expect(readmes).toHaveLength(3);
    let links = 0;
    for (const readme of readmes) {
      const text = await readFile(join(clone, readme), 'utf8');
      const base = readme.includes('/') ? readme.slice(0, readme.lastIndexOf('/')) : '';
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        const path = join(clone, base, decodeURIComponent(target));
        expect(
          await readFile(path).then(
            () => true,
            () => false,
          ),
          `${readme} → ${target}`,
        ).toBe(true);
        links++;
      }
    }
    expect(links).toBeGreaterThan(10);
  });

  it('a clone imports into the same database, and rebuilds into it, with READMEs reporting nothing', async () => {
    const clone = dirs.path('clone');
    const source = await countsOf(data);
    const copy = await dirs.make('from-clone');
    const imported = await json<{ imported: number; problems: unknown[] }>(copy, ['import', 'archive', clone]);
    expect(imported).toMatchObject({ imported: source.revisions, problems: [] });
    expect(await countsOf(copy)).toEqual(source);
    const a = dirs.path('export-source');
    const b = dirs.path('export-clone');
    await json(data, ['export', 'archive', a]);
    await json(copy, ['export', 'archive', b]);
    expect(diffFileTrees(await readFileTree(a), await readFileTree(b))).toEqual([]);

    const rebuilt = await dirs.make('rebuilt');
    git(rebuilt, 'clone', '-q', mirror, 'archive');
    expect(await json(rebuilt, ['rebuild'])).toMatchObject({
      kind: 'rebuilt',
      revisions: source.revisions,
      problems: [],
    });
    expect(await countsOf(rebuilt)).toEqual(source);
  });

  it('export archive --git writes the history as commits in time order that import into the same database', async () => {
    const history = dirs.path('history');
    const result = await json<{ commits: number; revisions: number }>(data, ['export', 'archive', history, '--git']);
    expect(result.commits).toBeGreaterThanOrEqual(1);
    const times = git(history, 'log', '--reverse', '--format=%at').trim().split('\n').map(Number);
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(git(history, 'status', '--porcelain')).toBe('');
    const copy = await dirs.make('from-history');
    expect(await json(copy, ['import', 'archive', history])).toMatchObject({
      imported: result.revisions,
      problems: [],
    });
    expect(await countsOf(copy)).toEqual(await countsOf(data));
    const again = await tidings(data, ['export', 'archive', history, '--git']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not empty');
  });

  it('never shows the token: not in any output, state file or repository config', async () => {
    const archive = join(data, 'archive');
    for (const run of runs) expect(`${run.stdout}${run.stderr}`).not.toContain(TOKEN);
    const gitFiles = await readFileTree(join(archive, '.git'));
    for (const [path, bytes] of gitFiles) {
      if (path.startsWith('objects/')) continue;
      expect(bytes.includes(TOKEN), path).toBe(false);
    }
  });
});

/** Returns the articles and revisions in `dir`'s database (read-only, one query). */
async function countsOf(dir: string): Promise<{ articles: number; revisions: number }> {
  const db = new Database(join(dir, 'tidings.db'), { readonly: true });
  try {
    const row = db
      .prepare('SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM revisions) AS revisions')
      .get() as { articles: number; revisions: number };
    return row;
  } finally {
    db.close();
  }
}
