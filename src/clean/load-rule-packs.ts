/**
 * Reads rule-pack files (`*.json`) from folders: the packs shipped in the package's `rules/`
 * and the user's `<data>/rules/`. A pack in a later folder replaces a pack of the same name
 * from an earlier one, so users can override a shipped pack. A bad file is reported and
 * skipped; it never stops the others from loading. Synchronous: it runs once at start-up.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RulePack, validateRulePack } from './rule-pack.ts';

/** The folder of the packs shipped with Tidings (`rules/` at the package root, from src/ or dist/ alike). */
export const SHIPPED_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

/** Loaded packs, and one message per file that could not be used. */
export interface LoadedRulePacks {
  packs: RulePack[];
  problems: string[];
}

/** Returns the `.json` pack files of `dir`, sorted by name; none when the folder does not exist. */
export function listRulePackFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Reads and validates one pack file; returns the pack or the problems. */
export function loadRulePackFile(
  file: string,
): { kind: 'ok'; pack: RulePack } | { kind: 'invalid'; problems: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return { kind: 'invalid', problems: [`${file}: ${(error as Error).message}`] };
  }
  return validateRulePack(value, file);
}

/** Loads every pack in `dirs`, in order; a later pack replaces an earlier one of the same name. */
export function loadRulePacks(dirs: readonly string[]): LoadedRulePacks {
  const byName = new Map<string, RulePack>();
  const problems: string[] = [];
  for (const dir of dirs) {
    for (const file of listRulePackFiles(dir)) {
      const loaded = loadRulePackFile(file);
      if (loaded.kind === 'invalid') problems.push(...loaded.problems);
      else {
        byName.delete(loaded.pack.name);
        byName.set(loaded.pack.name, loaded.pack);
      }
    }
  }
  return { packs: [...byName.values()], problems };
}

let shipped: RulePack[] | undefined;

/** Returns the packs shipped with Tidings, loaded once per process (they are tested, so problems are not expected). */
export function loadShippedRulePacks(): RulePack[] {
  shipped ??= loadRulePacks([SHIPPED_RULES_DIR]).packs;
  return shipped;
}
