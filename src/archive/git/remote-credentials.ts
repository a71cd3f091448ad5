/**
 * Credentials for pushing to a mirror, from the two places they may live: the environment
 * (`TIDINGS_GIT_TOKEN_<NAME>`, with `TIDINGS_GIT_USER_<NAME>` when the host wants a particular
 * user name; NAME is the remote's name upper-cased, other characters as `_`), or a credentials
 * file in git's own `git-credential-store` format (one `https://user:token@host/path` per
 * line; the first line whose scheme and host match, and whose path, if any, starts the remote's,
 * wins), which must be readable by its owner only. Never from config.json. They reach git as
 * an HTTP Authorization header set through the environment (run-git.ts), so neither the token
 * nor the header is ever in a command line, a URL git prints, or a log.
 */
import { readFile, stat } from 'node:fs/promises';

/** A user name and a token (or password) for one remote. */
export interface GitCredential {
  username: string;
  password: string;
}

/** Where a credential came from, or why none could be read. */
export type CredentialLookup =
  | { kind: 'found'; credential: GitCredential; from: string }
  | { kind: 'none' }
  | { kind: 'invalid'; reason: string };

/** The user name sent with a token when none is given (GitHub, GitLab and Gitea accept a token with any). */
export const DEFAULT_TOKEN_USER = 'x-access-token';

/** Returns the environment variable names for a remote: the token's and the user's. */
export function credentialVariables(remoteName: string): { token: string; user: string } {
  const name = remoteName.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return { token: `TIDINGS_GIT_TOKEN_${name}`, user: `TIDINGS_GIT_USER_${name}` };
}

/** Returns the credential for remote `name` at `url`: the environment first, then the file (when it exists). */
export async function findCredential(
  name: string,
  url: string,
  env: Readonly<Record<string, string | undefined>>,
  file: string | undefined,
): Promise<CredentialLookup> {
  const vars = credentialVariables(name);
  const token = env[vars.token];
  if (token !== undefined && token !== '') {
    return {
      kind: 'found',
      credential: { username: env[vars.user] || DEFAULT_TOKEN_USER, password: token },
      from: `env ${vars.token}`,
    };
  }
  if (file === undefined) return { kind: 'none' };
  let text: string;
  try {
    const info = await stat(file);
    if ((info.mode & 0o077) !== 0)
      return { kind: 'invalid', reason: `credentials file ${file} is readable by others: chmod 600 it` };
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'none' };
    return { kind: 'invalid', reason: `cannot read credentials file ${file}: ${(error as Error).message}` };
  }
  const credential = matchCredentialLine(text, url);
  return credential === undefined ? { kind: 'none' } : { kind: 'found', credential, from: `file ${file}` };
}

/** Returns the credential of the first git-credential-store line matching `url`, or undefined. */
export function matchCredentialLine(text: string, url: string): GitCredential | undefined {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return undefined;
  }
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    let entry: URL;
    try {
      entry = new URL(line);
    } catch {
      continue;
    }
    if (entry.protocol !== target.protocol || entry.host !== target.host || entry.password === '') continue;
    const path = entry.pathname.replace(/\/+$/, '');
    if (path !== '' && !target.pathname.startsWith(path)) continue;
    return {
      username: decodeURIComponent(entry.username) || DEFAULT_TOKEN_USER,
      password: decodeURIComponent(entry.password),
    };
  }
  return undefined;
}

/** Returns the git configuration that sends `credential` to `url` only, and the values to hide in git's output. */
export function credentialConfig(
  url: string,
  credential: GitCredential,
): { config: Record<string, string>; secrets: string[] } {
  const basic = Buffer.from(`${credential.username}:${credential.password}`, 'utf8').toString('base64');
  return {
    config: { [`http.${url}.extraHeader`]: `Authorization: Basic ${basic}` },
    secrets: [credential.password, basic, encodeURIComponent(credential.password)],
  };
}
