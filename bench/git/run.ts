/**
 * `npm run bench:git`: what keeping the archive as a git repository costs.
 *
 * 1. Peers: the same archive history (--peer-articles over --peer-rounds rounds) committed
 *    round by round by the `git` program (`git add -A`, `git commit`, as Tidings runs it) and by
 *    isomorphic-git (`add` of exactly the paths each round wrote, which spares it a scan of the
 *    tree, then `commit`); time per commit and the size of `.git` for each.
 * 2. Scale: --articles articles (default 100,000) with revisions over --rounds rounds, each
 *    round committed by Tidings' own commit step (READMEs included); commit time as the archive
 *    grows, a commit with nothing new, `.git` size before and after `git gc --auto` and
 *    `git gc`, and how long `git log --follow` on a revised article takes.
 *
 * Options: --articles N, --rounds R, --feeds F, --peer-articles N, --peer-rounds R, --seed S,
 * --skip-peers, --skip-scale. Prints tables and writes bench/.out/git.json.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import git from 'isomorphic-git';
import { commitArchive } from '../../src/archive/git/commit-archive.ts';
import { maintainArchive } from '../../src/archive/git/maintain-archive.ts';
import { runGitChecked } from '../../src/archive/git/run-git.ts';
import { formatNumber, formatTable, median } from '../lib/format-table.ts';
import { readNumberOption } from '../parse/generate-corpus.ts';
import { createHistoryWriter, type HistoryOptions } from './archive-history.ts';

const OUT_DIR = fileURLToPath(new URL('../.out/', import.meta.url));
const argv = process.argv.slice(2);
const options = {
  articles: Math.round(readNumberOption(argv, 'articles', 100_000)),
  fillRounds: Math.round(readNumberOption(argv, 'fill-rounds', 20)),
  rounds: Math.round(readNumberOption(argv, 'rounds', 10)),
  perRound: Math.round(readNumberOption(argv, 'per-round', 500)),
  feeds: Math.round(readNumberOption(argv, 'feeds', 200)),
  peerArticles: Math.round(readNumberOption(argv, 'peer-articles', 5_000)),
  peerRounds: Math.round(readNumberOption(argv, 'peer-rounds', 10)),
  seed: readNumberOption(argv, 'seed', 20240601),
  skipPeers: argv.includes('--skip-peers'),
  skipScale: argv.includes('--skip-scale'),
};
const identity = (round: number) => ({
  name: 'Tidings',
  email: 'tidings@localhost',
  time: Date.UTC(2024, 0, 1) + round * 3_600_000,
});
const work = await mkdtemp(path.join(os.tmpdir(), 'tidings-bench-git-'));
const report: Record<string, unknown> = { options };

/** Returns the size of a folder in MiB (du's allocated size: what the disk pays). */
function sizeMiB(dir: string): number {
  return Number(execFileSync('du', ['-sk', dir], { encoding: 'utf8' }).split('\t')[0]) / 1024;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
}

if (!options.skipPeers) {
  const history: HistoryOptions = {
    articles: options.peerArticles,
    feeds: Math.max(1, Math.round(options.feeds / 4)),
    rounds: options.peerRounds,
    revisedShare: 0.1,
    seed: options.seed,
  };
  const gitDir = path.join(work, 'peer-git');
  const isoDir = path.join(work, 'peer-iso');
  await mkdir(gitDir);
  await mkdir(isoDir);
  const writeGit = createHistoryWriter(gitDir, history);
  const writeIso = createHistoryWriter(isoDir, history);
  await git.init({ fs, dir: isoDir, defaultBranch: 'main' });
  await runGitChecked(['init', '-q', '-b', 'main'], { cwd: gitDir });
  const times = { git: [] as number[], iso: [] as number[] };
  for (let round = 0; ; round++) {
    const wrote = await writeGit();
    const same = await writeIso();
    if (wrote === undefined || same === undefined) break;
    times.git.push((await timed(() => commitPlain(gitDir, round))).ms);
    const folders = [...new Set(same.files.map((f) => f.split('/')[0]))];
    const paths = [...same.files, ...folders.flatMap((f) => [`${f}/index.jsonl`, `${f}/feed.json`])];
    const iso = await timed(async () => {
      await git.add({ fs, dir: isoDir, filepath: paths });
      await git.commit({
        fs,
        dir: isoDir,
        message: `round ${round}`,
        author: {
          name: 'Tidings',
          email: 'tidings@localhost',
          timestamp: identity(round).time / 1000,
          timezoneOffset: 0,
        },
      });
    });
    times.iso.push(iso.ms);
  }
  const rows = [
    ['git program', times.git, sizeMiB(path.join(gitDir, '.git'))],
    ['isomorphic-git', times.iso, sizeMiB(path.join(isoDir, '.git'))],
  ] as const;
  console.log(
    `\nPeers: ${options.peerArticles} articles (10 % of writes revisions) in ${options.peerRounds} rounds, ${history.feeds} feeds; archive ${formatNumber(sizeMiB(gitDir) - sizeMiB(path.join(gitDir, '.git')), 0)} MiB\n`,
  );
  console.log(
    formatTable(
      ['tool', 'first commit s', 'later commits, median s', 'total s', '.git MiB'],
      rows.map(([name, t, size]) => [
        name,
        formatNumber(t[0] / 1000, 2),
        formatNumber(median(t.slice(1)) / 1000, 2),
        formatNumber(t.reduce((a, b) => a + b, 0) / 1000, 1),
        formatNumber(size, 1),
      ]),
    ),
  );
  const ratio = times.iso.reduce((a, b) => a + b, 0) / times.git.reduce((a, b) => a + b, 0);
  console.log(`\nisomorphic-git / git program, total commit time = ${ratio.toFixed(1)}×`);
  report.peers = { history, times, sizes: Object.fromEntries(rows.map(([n, , s]) => [n, s])) };
}

async function commitPlain(dir: string, round: number): Promise<void> {
  await runGitChecked(['add', '-A'], { cwd: dir });
  await runGitChecked(['commit', '-q', '-m', `round ${round}`], { cwd: dir, identity: identity(round) });
}

if (!options.skipScale) {
  const root = path.join(work, 'scale');
  await mkdir(root);
  const fill: HistoryOptions = {
    articles: options.articles,
    feeds: options.feeds,
    rounds: options.fillRounds,
    revisedShare: 0.1,
    seed: options.seed + 1,
  };
  const writeFill = createHistoryWriter(root, fill);
  let revisions = 0;
  let time = 0;
  for (;;) {
    const wrote = await writeFill();
    if (wrote === undefined) break;
    revisions += wrote.revisions;
    const commit = await timed(() => commitArchive(root, { identity: identity(time++) }));
    const gc = await timed(() => maintainArchive(root));
    process.stderr.write(
      `scale: fill round ${time}/${options.fillRounds}: commit ${formatNumber(commit.ms / 1000, 1)} s, gc --auto ${formatNumber(gc.ms / 1000, 1)} s, .git ${formatNumber(sizeMiB(path.join(root, '.git')), 0)} MiB\n`,
    );
  }
  const dotGit = path.join(root, '.git');
  const filled = sizeMiB(dotGit);
  const rounds: Array<{ commitMs: number; gcMs: number; files: number; gitMiB: number }> = [];
  const writeRound = createHistoryWriter(root, {
    articles: options.perRound * options.rounds,
    feeds: options.feeds,
    rounds: options.rounds,
    revisedShare: 0.1,
    seed: options.seed + 2,
  });
  let revisedFile: string | undefined;
  for (;;) {
    const wrote = await writeRound();
    if (wrote === undefined) break;
    revisions += wrote.revisions;
    revisedFile = wrote.files.find((f) => !/\/000_/.test(f)) ?? revisedFile;
    const commit = await timed(() => commitArchive(root, { identity: identity(time++) }));
    const gc = await timed(() => maintainArchive(root));
    const files = commit.value.kind === 'committed' ? commit.value.files : 0;
    rounds.push({ commitMs: commit.ms, gcMs: gc.ms, files, gitMiB: sizeMiB(dotGit) });
    process.stderr.write(
      `scale: round ${rounds.length}/${options.rounds}: commit ${formatNumber(commit.ms / 1000, 2)} s, gc --auto ${formatNumber(gc.ms / 1000, 1)} s\n`,
    );
  }
  const noop = await timed(() => commitArchive(root, { identity: identity(time++) }));
  const beforeGc = sizeMiB(dotGit);
  const gcFull = await timed(() => runGitChecked(['gc', '--quiet'], { cwd: root, timeoutMs: 7_200_000 }));
  const packed = sizeMiB(dotGit);
  const follow =
    revisedFile === undefined
      ? undefined
      : await timed(() => runGitChecked(['log', '--follow', '--format=%h', '--', revisedFile!], { cwd: root }));
  const tree = sizeMiB(root) - packed;
  const commitMs = rounds.map((r) => r.commitMs);
  const gcMs = rounds.map((r) => r.gcMs);
  console.log(
    `\nScale: ${options.articles + options.perRound * options.rounds} articles and ${revisions} revisions over ${options.feeds} feeds; article files and indexes ${formatNumber(tree, 0)} MiB\n`,
  );
  console.log(
    formatTable(
      ['what', 'value'],
      [
        [
          `.git after ${options.fillRounds} rounds filling ${options.articles} articles (gc --auto after each), MiB`,
          formatNumber(filled, 0),
        ],
        [`commit of a round of ${options.perRound} articles, median s`, formatNumber(median(commitMs) / 1000, 2)],
        ['commit of a round, slowest s', formatNumber(Math.max(...commitMs) / 1000, 2)],
        ['git gc --auto after a round, median s', formatNumber(median(gcMs) / 1000, 2)],
        ['git gc --auto after a round, slowest s', formatNumber(Math.max(...gcMs) / 1000, 1)],
        ['commit with nothing new, s', formatNumber(noop.ms / 1000, 2)],
        ['.git before a full git gc, MiB', formatNumber(beforeGc, 0)],
        ['full git gc, s', formatNumber(gcFull.ms / 1000, 1)],
        ['.git after a full git gc, MiB', formatNumber(packed, 0)],
        ['git log --follow on a revised article, s', formatNumber((follow?.ms ?? Number.NaN) / 1000, 2)],
      ],
    ),
  );
  report.scale = {
    fill,
    revisions,
    filled,
    rounds,
    noopMs: noop.ms,
    beforeGc,
    gcMs: gcFull.ms,
    packed,
    followMs: follow?.ms,
    tree,
  };
}

await mkdir(OUT_DIR, { recursive: true });
await writeFile(path.join(OUT_DIR, 'git.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nfigures in ${path.join(OUT_DIR, 'git.json')}; data in ${work} (remove it when done)`);
