/**
 * One commit of everything new in the archive folder: it becomes a git repository (branch
 * `main`) on first use; then, holding the repository lock (repository-lock.ts), `git add -A`
 * stages every file written since the last commit (those of a run killed before its commit
 * included), the READMEs of the changed folders and the top README are regenerated and
 * staged, and one commit is made whose message counts the changes per feed
 * (describe-changes.ts), with Tidings as author and committer at the time given. Nothing
 * staged, nothing committed. Temporaries of the live writer never enter the repository
 * (`.git/info/exclude`), and `.gitattributes` marks every file `-text` so no clone converts
 * line endings: the files stay byte for byte what Tidings wrote.
 *
 * The `git` program does the work, never a library and never objects written by hand:
 * isomorphic-git, measured side by side on the same rounds, was slower at every commit even
 * when told exactly which files changed (git scans the whole tree and is still faster), stores
 * the same loose objects, and has no `gc` to pack them (bench/README.md has the figures).
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../domain/errors.ts';
import { FEED_FILE } from '../archive-layout.ts';
import { parseArchiveFeed } from '../parse-sidecars.ts';
import { README_FILE, formatArchiveReadme, formatFeedReadme } from './archive-readme.ts';
import {
  formatCommitMessage,
  parseNameStatus,
  summarizeChanges,
  type FolderChanges,
  type StagedChange,
} from './describe-changes.ts';
import { readCatalog } from './readme-catalog.ts';
import { takeRepositoryLock, type LockOptions } from './repository-lock.ts';
import { describeFailure, runGit, runGitChecked, type GitIdentity } from './run-git.ts';

/** The branch Tidings commits to and pushes. */
export const ARCHIVE_BRANCH = 'main';

/** The lock file (in `.git`) held while the repository changes. */
export const COMMIT_LOCK = 'tidings-commit.lock';

/** What a commit did: the new commit, or nothing to commit. */
export type CommitArchiveResult =
  | { kind: 'committed'; commit: string; message: string; changes: FolderChanges[]; files: number }
  | { kind: 'unchanged' };

/** Options of one commit. */
export interface CommitArchiveOptions {
  /** Author and committer, and the commit's time. */
  identity: GitIdentity;
  /** Waiting for another process's commit. */
  lock?: LockOptions;
  /** The commit message; default one made from the staged changes. */
  message?: string;
}

const EXCLUDE = '# Tidings: temporary files of the archive writer\n.*.tmp-*\n*.tmp\n';
const ATTRIBUTES = '# Tidings: files are kept byte for byte as written (no line-ending conversion)\n* -text\n';

/** Returns the repository's private folder for Tidings (`.git/tidings`). */
export function tidingsGitDir(root: string): string {
  return join(root, '.git', 'tidings');
}

/** Makes `root` a git repository on branch `main` unless it is one; returns true when it was created. Throws AppError `archive.git` when git fails. */
export async function ensureArchiveRepository(root: string): Promise<boolean> {
  await mkdir(root, { recursive: true });
  const exists = await stat(join(root, '.git', 'HEAD')).then(
    () => true,
    () => false,
  );
  if (!exists) await runGitChecked(['init', '-q', '-b', ARCHIVE_BRANCH], { cwd: root });
  const exclude = join(root, '.git', 'info', 'exclude');
  if ((await readFile(exclude, 'utf8').catch(() => '')) !== EXCLUDE) {
    await mkdir(join(root, '.git', 'info'), { recursive: true });
    await writeFile(exclude, EXCLUDE);
  }
  const attributes = join(root, '.gitattributes');
  if ((await readFile(attributes, 'utf8').catch(() => undefined)) === undefined)
    await writeFile(attributes, ATTRIBUTES);
  return !exists;
}

/** Commits everything new under `root`; throws AppError `archive.git` when git fails and `archive.busy` when another process keeps the lock. */
export async function commitArchive(root: string, options: CommitArchiveOptions): Promise<CommitArchiveResult> {
  await ensureArchiveRepository(root);
  const lock = await takeRepositoryLock(join(root, '.git'), COMMIT_LOCK, options.lock);
  try {
    const git = { cwd: root };
    await runGitChecked(['add', '-A', '--', '.'], git);
    const staged = parseNameStatus(
      await runGitChecked(['diff', '--cached', '--name-status', '-z', '--no-renames', '--no-ext-diff'], git),
    );
    if (staged.length === 0) return { kind: 'unchanged' };
    const changes = summarizeChanges(staged);
    const readmes = await writeReadmes(root, staged, options.identity.time);
    if (readmes.length > 0) await runGitChecked(['add', '--', ...readmes], git);
    const message = options.message ?? formatCommitMessage(changes, await titles(root, changes));
    const args = ['commit', '-q', '--no-verify', '--allow-empty-message', '-F', '-'];
    const committed = await runGit(args, { ...git, identity: options.identity, input: message });
    if (committed.code !== 0) throw new AppError('archive.git', describeFailure(args, committed));
    const commit = (await runGitChecked(['rev-parse', 'HEAD'], git)).toString('utf8').trim();
    return { kind: 'committed', commit, message, changes, files: staged.length };
  } finally {
    await lock.release();
  }
}

// The READMEs of the folders with staged changes, and the top one; returns the paths written.
async function writeReadmes(root: string, staged: readonly StagedChange[], now: number): Promise<string[]> {
  const changed = new Set(
    staged
      .map((c) => c.path.split('/'))
      .filter((parts) => parts.length === 2 && !parts[0].startsWith('.') && parts[1] !== README_FILE)
      .map((parts) => parts[0]),
  );
  if (changed.size === 0 && staged.every((c) => c.path === README_FILE || c.path.endsWith(`/${README_FILE}`)))
    return [];
  const catalog = await readCatalog(root, join(tidingsGitDir(root), 'catalog'), changed);
  const written: string[] = [];
  for (const folder of catalog.filter((f) => changed.has(f.folder))) {
    const path = `${folder.folder}/${README_FILE}`;
    if (await writeIfChanged(join(root, path), formatFeedReadme(folder, now))) written.push(path);
  }
  if (await writeIfChanged(join(root, README_FILE), formatArchiveReadme(catalog, now))) written.push(README_FILE);
  return written;
}

async function writeIfChanged(path: string, text: string): Promise<boolean> {
  if ((await readFile(path, 'utf8').catch(() => undefined)) === text) return false;
  await writeFile(path, text);
  return true;
}

// Feed titles from each changed folder's feed.json; the folder's name when it has none.
async function titles(root: string, changes: readonly FolderChanges[]): Promise<(folder: string) => string> {
  const known = new Map<string, string>();
  for (const { folder } of changes) {
    const text = await readFile(join(root, folder, FEED_FILE), 'utf8').catch(() => undefined);
    const parsed = text === undefined ? undefined : parseArchiveFeed(text);
    if (parsed?.kind === 'ok') known.set(folder, parsed.value.title ?? parsed.value.url);
  }
  return (folder) => known.get(folder) ?? (folder === '' ? 'archive' : folder);
}
