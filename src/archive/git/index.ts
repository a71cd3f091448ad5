// archive/git/ owns the archive as a git repository: running the git program, commits, READMEs,
// pushes and their credentials, gc. It imports archive/, domain/ and util/ only; never the store.
export { runGit, runGitChecked, redact, GIT_PROGRAM } from './run-git.ts';
export type { GitIdentity, GitResult, RunGitOptions } from './run-git.ts';
export {
  commitArchive,
  ensureArchiveRepository,
  tidingsGitDir,
  ARCHIVE_BRANCH,
  COMMIT_LOCK,
} from './commit-archive.ts';
export type { CommitArchiveOptions, CommitArchiveResult } from './commit-archive.ts';
export { formatCommitMessage, summarizeChanges, parseNameStatus } from './describe-changes.ts';
export type { FolderChanges, StagedChange } from './describe-changes.ts';
export { formatArchiveReadme, formatFeedReadme, README_FILE, README_LIMITS } from './archive-readme.ts';
export type { CatalogFile, CatalogFolder, ReadmeLimits } from './archive-readme.ts';
export { encodeLinkTarget, escapeMarkdownText, markdownLink } from './markdown-text.ts';
export { maintainArchive } from './maintain-archive.ts';
export type { MaintainResult } from './maintain-archive.ts';
export { pushRemote, unpushedCommits, remoteProblem } from './push-remote.ts';
export type { GitRemote, PushOutcome, PushOptions } from './push-remote.ts';
export {
  findCredential,
  credentialConfig,
  credentialVariables,
  matchCredentialLine,
  DEFAULT_TOKEN_USER,
} from './remote-credentials.ts';
export type { GitCredential, CredentialLookup } from './remote-credentials.ts';
export { takeRepositoryLock } from './repository-lock.ts';
export type { RepositoryLock, LockOptions } from './repository-lock.ts';
