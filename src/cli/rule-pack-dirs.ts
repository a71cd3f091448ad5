/**
 * Where the commands find rule packs: the packs shipped with Tidings, then the user's
 * `<data>/rules/` (a user pack of the same name replaces a shipped one).
 */
import path from 'node:path';
import { loadRulePacks, type LoadedRulePacks, SHIPPED_RULES_DIR } from '../clean/load-rule-packs.ts';

/** The data folder when the caller gives none (the `dataDir` setting's default). */
export const DEFAULT_DATA_DIR = './data';

/** Returns the rule-pack folders in load order: shipped, then `<dataDir>/rules`. */
export function rulePackDirs(dataDir: string | undefined): string[] {
  return [SHIPPED_RULES_DIR, path.join(dataDir ?? DEFAULT_DATA_DIR, 'rules')];
}

/** Loads shipped and user packs; problems go to stderr as warnings and do not stop the command. */
export function loadPacksForCommand(dataDir: string | undefined): LoadedRulePacks {
  const loaded = loadRulePacks(rulePackDirs(dataDir));
  for (const problem of loaded.problems) process.stderr.write(`tidings: warning: rule pack skipped: ${problem}\n`);
  return loaded;
}

/** Returns the bytes of `file`, or of standard input for '-'. */
export async function readInputBytes(file: string): Promise<Buffer> {
  const { readFile } = await import('node:fs/promises');
  if (file !== '-') return readFile(file);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
