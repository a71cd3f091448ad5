/**
 * Which mirrors Tidings accepts: a name git can use as a remote's (letters, digits, `-`, `_`, not
 * starting with `-`) and a URL that holds no password or token (no user name at all in an HTTP URL), which belongs in the environment
 * or the credentials file (remote-credentials.ts). Pure: configuration checks it at load.
 */

/** A mirror: a name (letters, digits, `-`, `_`) and the URL git pushes to. */
export interface GitRemote {
  name: string;
  url: string;
}

const REMOTE_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/** Returns why `remote` cannot be used, or undefined: a bad name, a URL with a password in it, or no URL. */
export function remoteProblem(remote: GitRemote): string | undefined {
  if (!REMOTE_NAME.test(remote.name))
    return `remote name ${JSON.stringify(remote.name)} must be letters, digits, - or _`;
  if (remote.url.trim() === '') return `remote ${remote.name} has no URL`;
  // https://TOKEN@host is a common way to write a token too: an HTTP URL has no user name here.
  if (/^[a-z][a-z0-9+.-]*:\/\/[^/@]*:[^/@]*@/i.test(remote.url) || /^https?:\/\/[^/@]*@/i.test(remote.url))
    return `remote ${remote.name}: put the password or token in the environment or the credentials file, not in the URL`;
  return undefined;
}
