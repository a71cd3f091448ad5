/**
 * What the git use cases need from the composition root when `archiveGit` is on: who commits,
 * the mirrors with how often each is pushed, where credentials are looked up, and the
 * environment holding them. context.ts builds it from Settings (ingest never reads config).
 */

/** One mirror: pushed after each commit (`pushIntervalMinutes` 0) or at most every N minutes. */
export interface MirrorRemote {
  name: string;
  url: string;
  pushIntervalMinutes: number;
}

/** The archive repository's settings, as values. */
export interface ArchiveGitConfig {
  author: { name: string; email: string };
  remotes: readonly MirrorRemote[];
  /** The git-credential-store file; absent = none. */
  credentialsFile?: string;
  /** Where `TIDINGS_GIT_TOKEN_<NAME>` variables are read (the process environment). */
  env: Readonly<Record<string, string | undefined>>;
}

/** Returns `Name <email>` read into its parts; a bare name gets `tidings@localhost`. */
export function parseAuthor(text: string): { name: string; email: string } {
  const match = /^\s*(.*?)\s*<([^<>]*)>\s*$/.exec(text);
  if (match === null) return { name: text.trim() || 'Tidings', email: 'tidings@localhost' };
  return { name: match[1] || 'Tidings', email: match[2] };
}
