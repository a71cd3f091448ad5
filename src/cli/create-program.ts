/**
 * The `tidings` command tree (commander): one file per command, each loaded only when it runs
 * so that a quick command (`tidings parse`) does not pay for the database or the web server.
 * `--data DIR` and `--config FILE` belong to the program and work before or after the command.
 * Loaded by main.ts for every call but the plain `parse` ones (parse-fast-path.ts).
 */
import { Command, CommanderError } from 'commander';
import { EXIT, processIo, type CliIo } from './cli-io.ts';
import { registerAccountCommands } from './register-account-commands.ts';
import { registerCleanCommands } from './register-clean-commands.ts';
import { registerSearchCommands } from './register-search-commands.ts';
import type { GlobalOptions } from './with-context.ts';
import { packageVersion } from '../util/package-version.ts';

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Builds the command tree; `setExitCode` receives each command's exit status; output goes to `io`. */
export function createProgram(setExitCode: (code: number) => void, io: CliIo = processIo()): Command {
  const program = new Command('tidings')
    .description('A self-hosted news archive: every article, every revision, searchable in Chinese and English.')
    .version(packageVersion())
    .option('--data <dir>', 'the data folder (default ./data; env TIDINGS_DATA)')
    .option('--config <file>', 'the config file (default <data>/config.json; env TIDINGS_CONFIG)')
    .showHelpAfterError()
    .configureOutput({ writeOut: (text) => io.stdout(text), writeErr: (text) => io.stderr(text) })
    .exitOverride();
  const globals = (): GlobalOptions => program.opts<GlobalOptions>();

  program
    .command('parse')
    .description('parse feed documents (RSS 0.90–2.0, RSS 1.0, Atom 0.3/1.0, JSON Feed 1.0/1.1) and print them')
    .argument('<files...>', 'feed files; "-" reads standard input')
    .option('--json', 'print the normalized JSON (JSON Lines with a "file" key when several files are given)')
    .option('--raw', 'print HTML values as the parser returns them, not sanitized')
    .option('--pretty', 'indent the JSON output')
    .option('--url <url>', "the document's own URL: the base for relative links")
    .option('--content-type <type>', "the HTTP Content-Type that came with the document, e.g. 'text/xml; charset=gbk'")
    .option('--header <header>', "another HTTP header that came with it, 'Name: value' (repeatable)", collect, [])
    .option(
      '--jobs <n>',
      "threads to parse many files on, the main one included: a number, or 'auto' (the default: by file count and CPUs; 1 = no worker threads)",
    )
    .action(async (files: string[], options) => {
      const { runParse } = await import('./parse-command.ts');
      setExitCode(await runParse(files, options));
    });

  registerFeedCommands(program, globals, setExitCode, io);
  registerTransferCommands(program, globals, setExitCode, io);
  registerArchiveCommands(program, globals, setExitCode, io);
  registerCleanCommands(program, globals, setExitCode);
  registerAccountCommands(program, globals, setExitCode, io);
  registerSearchCommands(program, globals, setExitCode, io);
  return program;
}

type Register = (
  program: Command,
  globals: () => GlobalOptions,
  setExitCode: (code: number) => void,
  io: CliIo,
) => void;

const registerFeedCommands: Register = (program, globals, setExitCode, io) => {
  program
    .command('add')
    .description('subscribe to a feed, or to the feed a web page advertises, and fetch it now')
    .argument('<url>', 'a feed URL or a web page URL')
    .option('--title <title>', 'your title for the feed (kept over the one the feed gives)')
    .option('--category <category>', 'a category, "/"-separated for folders (e.g. News/World)')
    .option('--user <name>', 'also subscribe this reader user to it')
    .option('--json', 'print the result as JSON')
    .action(async (url: string, options) => {
      const { runAdd } = await import('./add-command.ts');
      setExitCode(await runAdd(io, globals(), url, options));
    });
  program
    .command('remove')
    .description('unsubscribe from a feed (articles kept), or delete it with its articles (--purge)')
    .argument('<feed>', 'feed id or URL')
    .option('--purge', 'also delete its articles and revisions from the database')
    .option('--json', 'print the result as JSON')
    .action(async (ref: string, options) => {
      const { runRemove } = await import('./remove-command.ts');
      setExitCode(await runRemove(io, globals(), ref, options));
    });
  const feeds = program.command('feeds').description('list the feeds, or show one (feeds show FEED)');
  feeds
    .command('list', { isDefault: true })
    .description('list subscribed feeds: title, URL, articles, last fetch, status, next check')
    .option('--all', 'include removed feeds')
    .option('--json', 'print {"feeds": [...]} as JSON')
    .action(async (options) => {
      const { runFeeds } = await import('./feeds-command.ts');
      setExitCode(await runFeeds(io, globals(), options));
    });
  feeds
    .command('show')
    .description('one feed: settings, schedule and the latest fetch log rows')
    .argument('<feed>', 'feed id or URL')
    .option('--json', 'print {feed, schedule, fetchLog} as JSON')
    .action(async (ref: string, options) => {
      const { runFeedShow } = await import('./feed-show-command.ts');
      setExitCode(await runFeedShow(io, globals(), ref, options));
    });
  feeds
    .command('set')
    .description(
      "change one feed's settings (run `tidings reclean --feed FEED` to apply cleaning changes to stored articles)",
    )
    .argument('<feed>', 'feed id or URL')
    .option('--title <title>', "your title for the feed ('' clears it: the feed's own title is used again)")
    .option('--category <category>', 'a category, "/"-separated for folders (\'\' clears it)')
    .option(
      '--encoding <label>',
      'a charset label that overrides what the feed declares (gbk, big5, windows-1252 …), or auto',
    )
    .option('--full-text <mode>', 'fetch the article pages of summary-only feeds: off, auto or always')
    .option('--learned-boilerplate <on|off>', "strip the blocks that open or close most of the feed's articles")
    .option('--min-interval <duration>', 'shortest time between checks (900, 15m, 2h, 1d), or default')
    .option('--max-interval <duration>', 'longest time between checks, or default')
    .option('--retention <days>', 'delete articles older than DAYS days, or forever (the default)')
    .option('--json', 'print {"feed": …} as JSON')
    .action(async (ref: string, options) => {
      const { runFeedSet } = await import('./feed-set-command.ts');
      setExitCode(await runFeedSet(io, globals(), ref, options));
    });
  program
    .command('fetch')
    .description('refresh feeds now (all subscribed feeds, or the ones named)')
    .argument('[feeds...]', 'feed ids or URLs')
    .option('--concurrency <n>', 'fetches at once (default 16)')
    .option('--force', 'also fetch feeds still waiting out a Retry-After')
    .option('--json', 'print the round summary with per-feed results as JSON')
    .action(async (refs: string[], options) => {
      const { runFetch } = await import('./fetch-command.ts');
      setExitCode(await runFetch(io, globals(), refs, options));
    });
  program
    .command('list')
    .description('list articles, newest first')
    .option('--feed <feed>', 'only this feed (id or URL)')
    .option('--since <date>', 'only articles at or after DATE (ISO date/time, or 7d, 12h, 30m)')
    .option('--limit <n>', 'at most N articles (default 20)')
    .option('--json', 'print {"articles": [...]} as JSON')
    .action(async (options) => {
      const { runList } = await import('./list-command.ts');
      setExitCode(await runList(io, globals(), options));
    });
  program
    .command('show')
    .description('show one article (plain text by default)')
    .argument('<id>', 'article id')
    .option('--revisions', 'every revision, oldest first')
    .option('--html', 'the cleaned HTML')
    .option('--raw', 'the body exactly as the feed gave it (for full-text feeds: the extracted page article)')
    .option('--text', 'plain text (the default)')
    .option('--markdown', 'Markdown')
    .option('--json', 'print the article with its revisions as JSON')
    .action(async (id: string, options) => {
      const { runShow } = await import('./show-command.ts');
      setExitCode(await runShow(io, globals(), id, options));
    });
};

const registerTransferCommands: Register = (program, globals, setExitCode, io) => {
  const importCommand = program
    .command('import')
    .description('import subscriptions (opml) or an archive folder (archive)');
  importCommand
    .command('opml')
    .description('subscribe to every feed of an OPML file or URL, with categories (fetched by the next round)')
    .argument('<source>', 'an OPML file path or http(s) URL')
    .option('--json', 'print the per-feed result as JSON')
    .action(async (source: string, options) => {
      const { runImportOpml } = await import('./import-opml-command.ts');
      setExitCode(await runImportOpml(io, globals(), source, options));
    });
  importCommand
    .command('archive')
    .description('import a plain-file archive folder (every revision) into the database')
    .argument('<dir>', 'the archive folder')
    .option('--json', 'print the result as JSON')
    .action(async (dir: string, options) => {
      const { runImportArchive } = await import('./import-archive-command.ts');
      setExitCode(await runImportArchive(io, globals(), dir, options));
    });
  const exportCommand = program
    .command('export')
    .description('export subscriptions (opml), the archive (archive) or articles to read (articles)');
  exportCommand
    .command('opml')
    .description('write the subscriptions as OPML 2.0 (stdout when no FILE)')
    .argument('[file]', 'where to write')
    .action(async (file: string | undefined) => {
      const { runExportOpml } = await import('./export-opml-command.ts');
      setExitCode(await runExportOpml(io, globals(), file));
    });
  exportCommand
    .command('archive')
    .description('write every article revision as a plain-file archive folder')
    .argument('<dir>', 'the folder to write into')
    .option('--raw', 'article files hold the body as received, not the cleaned one')
    .option('--feed <feed>', 'only this feed (id or URL; repeatable)', collect, [])
    .option(
      '--git',
      'write a git repository whose commits replay the archive rounds in time order (DIR must be new or empty)',
    )
    .option('--json', 'print the result as JSON')
    .action(async (dir: string, options) => {
      const { runExportArchive } = await import('./export-archive-command.ts');
      setExitCode(await runExportArchive(io, globals(), dir, options));
    });
  exportCommand
    .command('articles')
    .description(
      'write the latest revision of every article as Markdown, text or HTML files to read (not re-importable)',
    )
    .argument('<dir>', 'the folder to write into')
    .option('--format <format>', 'markdown (md, the default), text (txt) or html')
    .option('--feed <feed>', 'only this feed (id or URL; repeatable)', collect, [])
    .option('--json', 'print the result as JSON')
    .action(async (dir: string, options) => {
      const { runExportArticles } = await import('./export-articles-command.ts');
      setExitCode(await runExportArticles(io, globals(), dir, options));
    });
};

const registerArchiveCommands: Register = (program, globals, setExitCode, io) => {
  const archive = program
    .command('archive')
    .description('the archive as a git repository (archiveGit): mirror status, push now, commit now');
  for (const [action, description] of [
    ['status', "each mirror's push state"],
    ['push', 'push to the mirrors now, whatever their interval or back-off'],
    ['commit', 'commit what is new in the archive folder now'],
  ] as const) {
    const command = archive.command(action).description(description).option('--json', 'print the result as JSON');
    if (action === 'push') command.option('--remote <name>', 'only this mirror (repeatable)', collect, []);
    command.action(async (options) => {
      const { runArchiveGit } = await import('./archive-git-command.ts');
      setExitCode(await runArchiveGit(io, globals(), action, options));
    });
  }
  program
    .command('rebuild')
    .description('build a new database from data/archive alone (the old one is kept as tidings.db.bak)')
    .option('--json', 'print the result as JSON')
    .action(async (options) => {
      const { runRebuild } = await import('./rebuild-command.ts');
      setExitCode(await runRebuild(io, globals(), options));
    });
  program
    .command('serve')
    .description('run the archive: the fetch scheduler and the web server')
    .option('--host <host>', 'address to listen on (default 127.0.0.1)')
    .option('--port <port>', 'port to listen on (default 8080)')
    .action(async (options) => {
      const { runServe } = await import('./serve-command.ts');
      setExitCode(await runServe(io, globals(), options));
    });
  program
    .command('reclean')
    .description(
      "apply today's cleaning rules (packs, your packs, learned boilerplate) to every stored article again, without fetching",
    )
    .option('--feed <feed>', 'only this feed (id or URL; repeatable)', collect, [])
    .option('--json', 'print the counts with per-feed results as JSON')
    .action(async (options) => {
      const { runReclean } = await import('./reclean-command.ts');
      setExitCode(await runReclean(io, globals(), options));
    });
  program
    .command('config')
    .description('print the effective settings and where each came from')
    .option('--json', 'print {settings, sources, configFile} as JSON')
    .action(async (options) => {
      const { runConfig } = await import('./config-command.ts');
      setExitCode(await runConfig(io, globals(), options));
    });
};

const QUIET_EXITS = new Set(['commander.helpDisplayed', 'commander.version']);

/** Parses `argv` with the command tree and runs the command; returns its exit status (2 for usage errors); throws what the command throws. */
export async function runProgram(argv: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const program = createProgram((code) => {
    exitCode = code;
  }, io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return QUIET_EXITS.has(error.code) ? EXIT.ok : EXIT.usage;
    throw error;
  }
}
