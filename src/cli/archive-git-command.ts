/**
 * `tidings archive status|push|commit [--json]`: the archive repository by hand (with
 * `archiveGit` on). `status` shows each mirror's push state; `push [--remote NAME…]` pushes now,
 * whatever the mirror's interval or back-off (exit 1 when a push failed); `commit` commits what
 * is new in the archive folder now (after `tidings reclean` or an import, say), without
 * waiting for the next round.
 */
import {
  archiveJobsFor,
  commitArchiveRound,
  settleArchiveJobs,
  type ArchiveJobs,
  type MirrorStatus,
} from '../ingest/index.ts';
import type { IngestContext } from '../ingest/ingest-context.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { formatTable, oneLine } from './format.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Which `tidings archive` subcommand and its options. */
export interface ArchiveGitCommandOptions {
  json?: boolean;
  remote?: string[];
}

/** Runs `tidings archive ACTION`; exit 1 when archiveGit is off, a named remote is unknown, or the action failed. */
export async function runArchiveGit(
  io: CliIo,
  globals: GlobalOptions,
  action: 'status' | 'push' | 'commit',
  options: ArchiveGitCommandOptions,
): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    const jobs = archiveJobsFor(ctx);
    if (jobs === undefined) return fail(io, 'the archive is not a git repository: set archiveGit (tidings config)');
    if (action === 'commit') return commitNow(io, ctx, options);
    if (action === 'push') {
      const names = options.remote !== undefined && options.remote.length > 0 ? options.remote : undefined;
      const known = new Set(ctx.archiveGit?.remotes.map((r) => r.name));
      const unknown = names?.find((n) => !known.has(n));
      if (unknown !== undefined) return fail(io, `no mirror named ${unknown}`);
      await jobs.pusher.pushNow(names);
      const mirrors = (await jobs.pusher.statuses()).filter((m) => names === undefined || names.includes(m.name));
      printMirrors(io, mirrors, options.json === true);
      return mirrors.some((m) => m.failures > 0) ? EXIT.failure : EXIT.ok;
    }
    printMirrors(io, await jobs.pusher.statuses(), options.json === true, jobs);
    return EXIT.ok;
  });
}

async function commitNow(io: CliIo, ctx: IngestContext, options: ArchiveGitCommandOptions): Promise<number> {
  const outcome = await commitArchiveRound(ctx);
  await settleArchiveJobs(ctx);
  if (outcome?.kind === 'failed') return fail(io, `archive commit failed: ${outcome.error}`);
  if (options.json === true) printJson(io, outcome);
  else if (outcome?.kind === 'committed')
    io.stdout(`Committed ${outcome.commit.slice(0, 12)} (${outcome.files} files): ${outcome.message.split('\n')[0]}\n`);
  else io.stdout('Nothing new to commit\n');
  return EXIT.ok;
}

function printMirrors(io: CliIo, mirrors: MirrorStatus[], json: boolean, jobs?: ArchiveJobs): void {
  if (json) {
    printJson(io, { mirrors, ...(jobs?.lastMaintenance === undefined ? {} : { gc: jobs.lastMaintenance }) });
    return;
  }
  if (mirrors.length === 0) {
    io.stdout('No mirrors (archiveGitRemotes is empty)\n');
    return;
  }
  const when = (ms: number | undefined) => (ms === undefined ? 'never' : new Date(ms).toISOString().slice(0, 16));
  const rows = [['MIRROR', 'URL', 'LAST SUCCESS', 'NOT PUSHED', 'FAILURES', 'CREDENTIALS']];
  for (const m of mirrors)
    rows.push([m.name, m.url, when(m.lastSuccessAt), String(m.unpushed), String(m.failures), m.credentials]);
  io.stdout(`${formatTable(rows)}\n`);
  for (const m of mirrors.filter((m) => m.lastError !== undefined && m.failures > 0))
    io.stdout(`${m.name}: ${oneLine(m.lastError, 300)} (next try after ${when(m.nextAttemptAt)})\n`);
}
