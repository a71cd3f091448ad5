/**
 * `tidings config [--json]`: the effective settings and where each value came from
 * (flag, environment variable, config file or default). Opens no database.
 */
import { describeSource, loadSettings, SETTING_SPECS } from '../config/index.ts';
import { isAppError } from '../domain/errors.ts';
import { EXIT, fail, printJson, type CliIo } from './cli-io.ts';
import { formatTable } from './format.ts';
import type { GlobalOptions } from './with-context.ts';

/** Runs `tidings config`; exit 1 (2 for a bad flag) when the settings are invalid. */
export async function runConfig(io: CliIo, globals: GlobalOptions, options: { json?: boolean }): Promise<number> {
  let loaded;
  try {
    loaded = await loadSettings({
      flags: { dataDir: globals.data },
      configFile: globals.config,
      env: io.env,
      cwd: io.cwd,
    });
  } catch (error) {
    if (isAppError(error, 'config.invalid'))
      return fail(io, error.message, /from flag/.test(error.message) ? EXIT.usage : EXIT.failure);
    throw error;
  }
  const { settings, sources, configFile } = loaded;
  if (options.json === true) {
    const from = Object.fromEntries(SETTING_SPECS.map((s) => [s.key, describeSource(sources[s.key])]));
    printJson(io, { settings, sources: from, configFile });
    return EXIT.ok;
  }
  const rows = [['SETTING', 'VALUE', 'ENV', 'SOURCE']];
  for (const spec of SETTING_SPECS)
    rows.push([spec.key, JSON.stringify(settings[spec.key]), spec.env, describeSource(sources[spec.key])]);
  io.stdout(`${formatTable(rows)}\n\nConfig file: ${configFile.path}${configFile.found ? '' : ' (not present)'}\n`);
  return EXIT.ok;
}
