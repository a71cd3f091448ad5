/**
 * The search commands: `tidings search` and `tidings reindex` (docs/search.md).
 */
import type { Command } from 'commander';
import type { CliIo } from './cli-io.ts';
import type { GlobalOptions } from './with-context.ts';

/** Adds the search commands to `program`. */
export function registerSearchCommands(
  program: Command,
  globals: () => GlobalOptions,
  setExitCode: (code: number) => void,
  io: CliIo,
): void {
  program
    .command('search')
    .description('full-text search, Chinese and English (docs/search.md)')
    .argument('<query>', "e.g. '台湾 OR 香港 lang:zh after:2024'")
    .option('--sort <order>', 'relevance (default) or newest')
    .option('--limit <n>', 'results per page, 1–1000 (default 20)')
    .option('--cursor <cursor>', 'next-page cursor printed by a previous search')
    .option('--json', 'print {"results": [...], "nextCursor"?, "problems": [...]}')
    .action(async (query: string, options) => {
      const { runSearch } = await import('./search-command.ts');
      setExitCode(await runSearch(io, globals(), query, options));
    });
  program
    .command('reindex')
    .description("rebuild the search index from every article's latest revision")
    .option('--json', 'print {"articles": N, "durationMs": N}')
    .action(async (options) => {
      const { runReindex } = await import('./reindex-command.ts');
      setExitCode(await runReindex(io, globals(), options));
    });
}
