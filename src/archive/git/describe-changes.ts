/**
 * What a commit of the archive changes, told per feed folder, and the commit message made of
 * it: "RFI 中文: 12 new, 3 revised; BBC 中文: 4 new". Counted from the staged changes
 * themselves (`git diff --cached --name-status -z`), not from what a round believes it wrote,
 * so files left by a killed run are counted in the commit that takes them in. An added file
 * `000_KEY.txt` is a new article, an added `NNN_KEY.txt` with NNN > 0 a new revision of one,
 * a modified article file a re-cleaned rendering (docs/archive-format.md); sidecars and
 * READMEs are not counted. Pure: no I/O.
 */
import { parseArticleFileName } from '../archive-layout.ts';

/** The article changes of one feed folder in one commit. */
export interface FolderChanges {
  /** The folder, relative to the archive root ('' for the root itself). */
  folder: string;
  added: number;
  revised: number;
  rewritten: number;
  removed: number;
}

/** One staged change: git's status letter and the path relative to the root. */
export interface StagedChange {
  status: string;
  path: string;
}

/** Returns the changes in `git diff --name-status -z --no-renames` output. */
export function parseNameStatus(output: Buffer): StagedChange[] {
  const fields = output.toString('utf8').split('\0');
  const changes: StagedChange[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (fields[i] === '') break;
    changes.push({ status: fields[i].charAt(0), path: fields[i + 1] });
  }
  return changes;
}

/** Returns the article changes per folder, folders in name order; folders with only sidecar changes are left out. */
export function summarizeChanges(changes: readonly StagedChange[]): FolderChanges[] {
  const byFolder = new Map<string, FolderChanges>();
  for (const { status, path } of changes) {
    const slash = path.lastIndexOf('/');
    const folder = slash === -1 ? '' : path.slice(0, slash);
    const name = path.slice(slash + 1);
    if (folder.includes('/') || !name.endsWith('.txt') || name.startsWith('.')) continue;
    let entry = byFolder.get(folder);
    if (entry === undefined) {
      entry = { folder, added: 0, revised: 0, rewritten: 0, removed: 0 };
      byFolder.set(folder, entry);
    }
    const revision = parseArticleFileName(name)?.revision ?? 0;
    if (status === 'A') {
      if (revision > 0) entry.revised++;
      else entry.added++;
    } else if (status === 'D') entry.removed++;
    else entry.rewritten++;
  }
  return [...byFolder.values()].sort((a, b) => (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
}

/** Subjects longer than this list totals instead of every feed (each feed then has a line in the body). */
const SUBJECT_MAX = 120;

/** Returns the commit message: a subject naming each feed's counts (or the totals when they are too long), then one line per feed. */
export function formatCommitMessage(changes: readonly FolderChanges[], titleOf: (folder: string) => string): string {
  const parts = changes
    .map((c) => ({ title: oneLine(titleOf(c.folder)), counts: countsOf(c) }))
    .filter((p) => p.counts !== '')
    .sort((a, b) => a.title.localeCompare(b.title, 'zh'));
  if (parts.length === 0) return 'Update the archive index\n';
  const lines = parts.map((p) => `${p.title}: ${p.counts}`);
  const subject = lines.join('; ');
  if (subject.length <= SUBJECT_MAX) return `${subject}\n`;
  const total = countsOf({
    folder: '',
    added: sum(changes, 'added'),
    revised: sum(changes, 'revised'),
    rewritten: sum(changes, 'rewritten'),
    removed: sum(changes, 'removed'),
  });
  return `${parts.length} feeds: ${total}\n\n${lines.join('\n')}\n`;
}

function countsOf(c: FolderChanges): string {
  const words: string[] = [];
  if (c.added > 0) words.push(`${c.added} new`);
  if (c.revised > 0) words.push(`${c.revised} revised`);
  if (c.rewritten > 0) words.push(`${c.rewritten} re-cleaned`);
  if (c.removed > 0) words.push(`${c.removed} removed`);
  return words.join(', ');
}

function sum(changes: readonly FolderChanges[], key: 'added' | 'revised' | 'rewritten' | 'removed'): number {
  return changes.reduce((total, c) => total + c[key], 0);
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
