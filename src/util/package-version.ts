/**
 * The version of Tidings, read from its own package.json: two folders up from this file in
 * both src/util/ and dist/util/, so the source and the build read the same file.
 */

import { readFileSync } from 'node:fs';

let cached: string | undefined;

/** Returns the `version` field of Tidings' package.json (read once per process). */
export function packageVersion(): string {
  cached ??= (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
  return cached;
}
