/**
 * `tidings export archive --git DIR`: the database's whole archive as a git repository whose
 * history replays how it was collected. Every revision's record is spooled once to a temporary
 * file (bodies included, so memory holds only offsets and times), sorted by the time the
 * archive first saw it, and cut into rounds: a round takes the revisions seen within
 * ROUND_WINDOW_MS of its first one (a refresh round stores its feeds within minutes). Each round
 * is written with the live writer (article files, feed.json, index lines appended in the order
 * seen, as a live archive has them) and committed like a live round (commit-archive.ts: READMEs,
 * message per feed), at the time of its last revision. The result imports like any archive;
 * its files are the live archive's, which differ from a plain export only in the order of
 * `index.jsonl` lines.
 */
import { open, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commitArchive, ensureArchiveRepository } from '../../archive/git/index.ts';
import { parseArchiveRecord, serializeRecord, type ArchiveFeed, type ArchiveRecord } from '../../archive/index.ts';
import { writeRevisionGroups } from '../../archive/write-revisions.ts';
import { AppError } from '../../domain/errors.ts';
import type { IngestContext } from '../ingest-context.ts';
import { parseAuthor } from './archive-git-config.ts';

/** Revisions seen within this time of a round's first one belong to that round. */
export const ROUND_WINDOW_MS = 15 * 60_000;

/** What a history export wrote. */
export interface ExportGitResult {
  commits: number;
  revisions: number;
  feeds: number;
  /** Records the format refused or files that conflicted, by path. */
  problems: Array<{ file: string; reason: string }>;
}

/** Options of a history export. */
export interface ExportGitOptions {
  raw?: boolean;
  feedIds?: number[];
  /** `Name <email>`; default the context's author, else Tidings. */
  author?: string;
}

interface Spooled {
  feed: number;
  seenAt: number;
  revision: number;
  key: string;
  offset: number;
  length: number;
}

/** Writes the archive's history into the new or empty folder `dir`; throws AppError `archive.invalid` when `dir` holds anything, `archive.git` when git fails. */
export async function exportGitHistory(
  ctx: IngestContext,
  dir: string,
  options: ExportGitOptions = {},
): Promise<ExportGitResult> {
  const existing = await readdir(dir).catch(() => []);
  if (existing.length > 0)
    throw new AppError('archive.invalid', `${dir} is not empty: a history export needs a new folder`);
  const author =
    options.author === undefined ? (ctx.archiveGit?.author ?? parseAuthor('Tidings')) : parseAuthor(options.author);
  const spoolDir = await mkdtemp(join(tmpdir(), 'tidings-history-'));
  const result: ExportGitResult = { commits: 0, revisions: 0, feeds: 0, problems: [] };
  try {
    const spool = await open(join(spoolDir, 'records.jsonl'), 'w+');
    try {
      const feeds: ArchiveFeed[] = [];
      const entries: Spooled[] = [];
      let offset = 0;
      const fileBody = options.raw === true ? 'raw' : 'cleaned';
      const ids = options.feedIds === undefined ? [undefined] : [...new Set(options.feedIds)];
      for (const feedId of ids) {
        for await (const exported of ctx.store.exportRecords({ feedId, fileBody })) {
          feeds.push(exported.feed);
          const lines = exported.records.map((r) => Buffer.from(serializeRecord(r), 'utf8'));
          exported.records.forEach((r, i) => {
            entries.push({
              feed: feeds.length - 1,
              seenAt: r.seenAt,
              revision: r.revision,
              key: r.key,
              offset,
              length: lines[i].length,
            });
            offset += lines[i].length;
          });
          if (lines.length > 0) await spool.write(Buffer.concat(lines));
        }
      }
      result.feeds = feeds.length;
      entries.sort(
        (a, b) => a.seenAt - b.seenAt || a.feed - b.feed || a.revision - b.revision || (a.key < b.key ? -1 : 1),
      );
      await ensureArchiveRepository(dir);
      for (let start = 0; start < entries.length; ) {
        let end = start;
        while (end < entries.length && entries[end].seenAt - entries[start].seenAt <= ROUND_WINDOW_MS) end++;
        const round = entries.slice(start, end);
        const records = await readRecords(spool, round);
        const byFeed = new Map<number, ArchiveRecord[]>();
        for (const [i, e] of round.entries()) byFeed.set(e.feed, [...(byFeed.get(e.feed) ?? []), records[i]]);
        const groups = [...byFeed.entries()].map(([feed, list]) => ({ feed: feeds[feed], records: list }));
        const outcomes = await writeRevisionGroups(dir, groups, { syncFileSystem: async () => true });
        outcomes.flat().forEach((o, i) => {
          if (o.kind === 'invalid' || o.kind === 'conflict')
            result.problems.push({ file: groups.flatMap((g) => g.records)[i].file, reason: o.reason });
        });
        const time = round[round.length - 1].seenAt;
        const committed = await commitArchive(dir, { identity: { ...author, time } });
        if (committed.kind === 'committed') result.commits++;
        result.revisions += round.length;
        start = end;
      }
    } finally {
      await spool.close();
    }
  } finally {
    await rm(spoolDir, { recursive: true, force: true });
  }
  return result;
}

async function readRecords(
  spool: import('node:fs/promises').FileHandle,
  round: readonly Spooled[],
): Promise<ArchiveRecord[]> {
  const records: ArchiveRecord[] = [];
  for (const entry of round) {
    const bytes = Buffer.alloc(entry.length);
    await spool.read(bytes, 0, entry.length, entry.offset);
    const parsed = parseArchiveRecord(bytes.toString('utf8').replace(/\n$/, ''));
    if (parsed.kind !== 'ok') throw new AppError('archive.invalid', `spooled record unreadable: ${parsed.reason}`);
    records.push(parsed.value);
  }
  return records;
}
