/**
 * Loads the effective settings from, in order of precedence: command-line flags >
 * environment variables > the config file > defaults, and remembers where each value came
 * from (`tidings config` shows it). The config file is `--config FILE`, else
 * `TIDINGS_CONFIG`, else `<data dir>/config.json` (optional). The data dir itself can only
 * be set in a config file named explicitly: the default file lives inside the data dir.
 * Any invalid value throws AppError `config.invalid` naming the setting and its source.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { AppError } from '../domain/errors.ts';
import {
  DEFAULT_SETTINGS,
  SETTING_SPECS,
  readSettingValue,
  type SettingKey,
  type SettingSpec,
  type Settings,
} from './settings.ts';

/** Where a setting's value came from. */
export type SettingSource =
  | { kind: 'default' }
  | { kind: 'file'; path: string }
  | { kind: 'env'; name: string }
  | { kind: 'flag'; name: string };

/** Inputs of loadSettings; all optional (the process environment and cwd by default). */
export interface LoadSettingsOptions {
  /** Values given as command-line flags, by setting key (text or numbers as commander gives them). */
  flags?: Partial<Record<SettingKey, unknown>>;
  /** `--config FILE`. */
  configFile?: string;
  env?: Record<string, string | undefined>;
  cwd?: string;
}

/** The settings with the source of each value and the config file that was read, if any. */
export interface LoadedSettings {
  settings: Settings;
  sources: Record<SettingKey, SettingSource>;
  configFile: { path: string; found: boolean };
}

/** Returns the effective settings; throws AppError `config.invalid` for a bad value, an unknown key or an unreadable file. */
export async function loadSettings(options: LoadSettingsOptions = {}): Promise<LoadedSettings> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const flags = options.flags ?? {};
  const values: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  const sources = Object.fromEntries(SETTING_SPECS.map((s) => [s.key, { kind: 'default' }])) as Record<
    SettingKey,
    SettingSource
  >;
  const set = (spec: SettingSpec, raw: unknown, source: SettingSource) => {
    const read = readSettingValue(spec, raw);
    if (!read.ok)
      throw new AppError('config.invalid', `invalid ${spec.key} from ${describeSource(source)}: ${read.reason}`);
    values[spec.key] = read.value;
    sources[spec.key] = source;
  };

  const dataSpec = specOf('dataDir');
  const explicitFile = options.configFile ?? nonEmpty(env.TIDINGS_CONFIG);
  const preliminaryData = flags.dataDir ?? nonEmpty(env.TIDINGS_DATA) ?? DEFAULT_SETTINGS.dataDir;
  const filePath =
    explicitFile !== undefined
      ? resolve(cwd, explicitFile)
      : join(resolve(cwd, String(preliminaryData)), 'config.json');
  const file = await readConfigFile(filePath, explicitFile !== undefined);
  for (const [key, raw] of Object.entries(file ?? {})) {
    const spec = SETTING_SPECS.find((s) => s.key === key);
    if (spec === undefined) throw new AppError('config.invalid', `unknown setting "${key}" in ${filePath}`);
    if (spec === dataSpec && explicitFile === undefined) {
      throw new AppError('config.invalid', `dataDir cannot be set in ${filePath}, the data dir's own config file`);
    }
    set(spec, raw, { kind: 'file', path: filePath });
    if (spec === dataSpec) values.dataDir = resolve(dirname(filePath), String(values.dataDir));
  }
  for (const spec of SETTING_SPECS) {
    const raw = env[spec.env];
    if (raw !== undefined && raw !== '') set(spec, raw, { kind: 'env', name: spec.env });
  }
  for (const spec of SETTING_SPECS) {
    const raw = flags[spec.key];
    if (raw !== undefined)
      set(spec, typeof raw === 'number' ? String(raw) : raw, { kind: 'flag', name: spec.flag ?? spec.key });
  }
  const settings = { ...values, dataDir: resolve(cwd, String(values.dataDir)) } as Settings;
  checkConsistency(settings, sources);
  return { settings, sources, configFile: { path: filePath, found: file !== undefined } };
}

/** Returns a source in words: "default", "config file /x/config.json", "env TIDINGS_PORT", "flag --port". */
export function describeSource(source: SettingSource): string {
  switch (source.kind) {
    case 'default':
      return 'default';
    case 'file':
      return `config file ${source.path}`;
    case 'env':
      return `env ${source.name}`;
    case 'flag':
      return `flag ${source.name}`;
  }
}

async function readConfigFile(path: string, required: boolean): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && !required) return undefined;
    throw new AppError('config.invalid', `cannot read config file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new AppError('config.invalid', `config file ${path} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new AppError('config.invalid', `config file ${path} must hold a JSON object`);
  }
  return parsed as Record<string, unknown>;
}

function checkConsistency(settings: Settings, sources: Record<SettingKey, SettingSource>): void {
  const pairs: Array<[SettingKey, SettingKey]> = [
    ['minCheckIntervalSeconds', 'maxCheckIntervalSeconds'],
    ['errorBackoffSeconds', 'maxErrorBackoffSeconds'],
  ];
  for (const [low, high] of pairs) {
    if ((settings[low] as number) > (settings[high] as number)) {
      throw new AppError(
        'config.invalid',
        `${low} (${String(settings[low])}, ${describeSource(sources[low])}) is greater than ${high} (${String(settings[high])}, ${describeSource(sources[high])})`,
      );
    }
  }
}

function specOf(key: SettingKey): SettingSpec {
  return SETTING_SPECS.find((s) => s.key === key)!;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}
