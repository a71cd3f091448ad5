/**
 * `tidings feeds set FEED [--title T] [--category C] [--encoding LABEL|auto]
 * [--full-text off|auto|always] [--learned-boilerplate on|off] [--min-interval DUR]
 * [--max-interval DUR] [--retention DAYS|forever] [--json]`: changes one feed's own
 * settings. An empty `--title ''` or `--category ''` clears the value (a cleared title is
 * learned from the feed again); `auto` and `forever` clear the encoding override and the
 * retention. Every flag is checked before anything is written: a bad value is a usage error.
 */
import { TextDecoder } from 'node:util';
import { findFeedByRef } from '../ingest/index.ts';
import type { FeedPatch, FeedSettingsPatch, FullTextMode } from '../store/index.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { parseDurationSeconds } from './parse-duration.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Options of `tidings feeds set`, as commander gives them. */
export interface FeedSetOptions {
  title?: string;
  category?: string;
  encoding?: string;
  fullText?: string;
  learnedBoilerplate?: string;
  minInterval?: string;
  maxInterval?: string;
  retention?: string;
  json?: boolean;
}

/** Returns the feed patch the options ask for, or the usage error. */
export function readFeedPatch(
  options: FeedSetOptions,
): { kind: 'ok'; patch: FeedPatch } | { kind: 'usage'; message: string } {
  const settings: FeedSettingsPatch = {};
  const patch: FeedPatch = {};
  if (options.title !== undefined) patch.title = options.title.trim() === '' ? null : options.title.trim();
  if (options.category !== undefined) patch.category = options.category.trim() === '' ? null : options.category.trim();
  if (options.encoding !== undefined) {
    const label = options.encoding.trim();
    if (label.toLowerCase() === 'auto') settings.encodingOverride = null;
    else if (!isKnownEncoding(label))
      return usage(
        `unknown encoding ${JSON.stringify(label)} (a charset label such as gbk, big5, windows-1252, or auto)`,
      );
    else settings.encodingOverride = label.toLowerCase();
  }
  if (options.fullText !== undefined) {
    if (!['off', 'auto', 'always'].includes(options.fullText)) return usage('--full-text takes off, auto or always');
    settings.fullText = options.fullText as FullTextMode;
  }
  if (options.learnedBoilerplate !== undefined) {
    if (!['on', 'off'].includes(options.learnedBoilerplate)) return usage('--learned-boilerplate takes on or off');
    settings.learnedBoilerplate = options.learnedBoilerplate === 'on';
  }
  for (const [flag, key, value] of [
    ['--min-interval', 'minIntervalSeconds', options.minInterval],
    ['--max-interval', 'maxIntervalSeconds', options.maxInterval],
  ] as const) {
    if (value === undefined) continue;
    if (value.trim().toLowerCase() === 'default') settings[key] = null;
    else {
      const seconds = parseDurationSeconds(value);
      if (seconds === undefined) return usage(`${flag} takes a duration such as 15m, 2h, 1d, or default`);
      settings[key] = seconds;
    }
  }
  if (options.retention !== undefined) {
    const text = options.retention.trim().toLowerCase();
    if (text === 'forever') settings.retentionDays = null;
    else if (/^\d+$/.test(text) && Number(text) > 0) settings.retentionDays = Number(text);
    else return usage('--retention takes a number of days or forever');
  }
  if (Object.keys(settings).length > 0) patch.settings = settings;
  if (Object.keys(patch).length === 0)
    return usage('nothing to change: give at least one setting (see tidings feeds set --help)');
  return { kind: 'ok', patch };
}

/** Runs `tidings feeds set`; exit 2 for a bad value, 1 for an unknown feed or a refused change. */
export async function runFeedSet(
  io: CliIo,
  globals: GlobalOptions,
  ref: string,
  options: FeedSetOptions,
): Promise<number> {
  const read = readFeedPatch(options);
  if (read.kind === 'usage') return fail(io, read.message, EXIT.usage);
  return withContext(io, globals, async (ctx) => {
    const found = await findFeedByRef(ctx, ref);
    if (found === undefined) return fail(io, `no feed ${ref}`);
    const result = await ctx.store.updateFeed(found.id, read.patch);
    if (result.kind === 'not-found') return fail(io, `no feed ${ref}`);
    if (result.kind === 'invalid') return fail(io, result.reason, EXIT.usage);
    if (result.kind === 'url-taken') return fail(io, `the URL is taken by feed #${result.feedId}`);
    if (options.json === true) printJson(io, { feed: result.feed });
    else {
      const s = result.feed.settings;
      io.stdout(
        `Feed #${result.feed.id} updated: ${result.feed.title ?? '(untitled)'}${result.feed.category === undefined ? '' : ` [${result.feed.category}]`}; ` +
          `full text ${s.fullText}, learned boilerplate ${s.learnedBoilerplate ? 'on' : 'off'}, encoding ${s.encodingOverride ?? 'auto'}, ` +
          `retention ${s.retentionDays === undefined ? 'forever' : `${s.retentionDays} days`}\n`,
      );
    }
    return EXIT.ok;
  });
}

function isKnownEncoding(label: string): boolean {
  try {
    new TextDecoder(label);
    return true;
  } catch {
    return false;
  }
}

function usage(message: string): { kind: 'usage'; message: string } {
  return { kind: 'usage', message };
}
