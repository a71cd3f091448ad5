/**
 * The push state of each mirror, kept as one small JSON file per remote in the repository's
 * private folder (`.git/tidings/mirrors/NAME.json`), so that every process sharing the archive
 * sees the same state: the web server shows what a `tidings fetch` run from cron did. Written
 * to a temporary name and renamed; a missing or unreadable file is a mirror never pushed.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tidingsGitDir } from '../../archive/git/index.ts';

/** What is remembered of one mirror's pushes. */
export interface MirrorState {
  lastAttemptAt?: number;
  lastSuccessAt?: number;
  /** git's words for the last failure (credentials hidden); cleared by a success. */
  lastError?: string;
  /** Failures in a row. */
  failures: number;
  /** No push before this time (back-off after failures). */
  nextAttemptAt?: number;
  pushedCommit?: string;
}

/** Returns the remembered state of remote `name` in the repository at `root`. */
export async function readMirrorState(root: string, name: string): Promise<MirrorState> {
  try {
    const value = JSON.parse(await readFile(statePath(root, name), 'utf8')) as MirrorState;
    return typeof value.failures === 'number' ? value : { failures: 0 };
  } catch {
    return { failures: 0 };
  }
}

/** Remembers the state of remote `name`. */
export async function writeMirrorState(root: string, name: string, state: MirrorState): Promise<void> {
  const path = statePath(root, name);
  await mkdir(join(tidingsGitDir(root), 'mirrors'), { recursive: true });
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, `${JSON.stringify(state)}\n`);
  await rename(temp, path);
}

function statePath(root: string, name: string): string {
  return join(tidingsGitDir(root), 'mirrors', `${name}.json`);
}
