/**
 * The one way commands get a Context: settings from the global options (`--data`,
 * `--config`) and command flags, then createContext, the command, closeContext. A bad
 * setting becomes one error line (exit 2 when it came from a flag, else 1); a database
 * that cannot be opened, one line and exit 1. Rule packs that could not be loaded are one
 * warning line each on stderr: the command still runs with the other packs.
 */
import { isAppError } from '../domain/errors.ts';
import { loadSettings, type SettingKey } from '../config/index.ts';
import { closeContext, createContext, type Context } from '../context.ts';
import { EXIT, fail, type CliIo } from './cli-io.ts';

/** The program-wide options every command accepts. */
export interface GlobalOptions {
  data?: string;
  config?: string;
}

/** Runs `command` with a context built from the options; returns its exit status. */
export async function withContext(
  io: CliIo,
  globals: GlobalOptions,
  command: (ctx: Context) => Promise<number>,
  flags: Partial<Record<SettingKey, unknown>> = {},
): Promise<number> {
  let ctx: Context;
  try {
    const { settings } = await loadSettings({
      flags: { ...flags, dataDir: globals.data },
      configFile: globals.config,
      env: io.env,
      cwd: io.cwd,
    });
    ctx = await createContext(settings);
  } catch (error) {
    if (isAppError(error, 'config.invalid'))
      return fail(io, error.message, /from flag/.test(error.message) ? EXIT.usage : EXIT.failure);
    return fail(io, error instanceof Error ? error.message : String(error));
  }
  for (const problem of ctx.rulePackProblems) io.stderr(`tidings: warning: rule pack skipped: ${problem}\n`);
  try {
    return await command(ctx);
  } finally {
    await closeContext(ctx);
  }
}
