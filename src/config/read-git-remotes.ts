/**
 * Reads the `archiveGitRemotes` setting: the mirrors of the archive repository, each a name, a
 * URL without credentials (archive/git/push-remote.ts says which are refused) and how often it is
 * pushed. From the config file a JSON list; from the environment the same JSON or `name=url`
 * pairs.
 */
import { remoteProblem } from '../archive/git/remote-problem.ts';

/** One mirror of the archive repository: a name, the URL git pushes to (no credentials), and how often. */
export interface GitRemoteSetting {
  name: string;
  url: string;
  /** 0 = after every commit; else at most every N minutes. */
  pushIntervalMinutes: number;
}

/** Returns the mirrors read from a JSON list (file or env) or `name=url` pairs separated by commas or spaces (env), or why they are invalid. */
export function readGitRemotes(raw: unknown): { ok: true; value: GitRemoteSetting[] } | { ok: false; reason: string } {
  let list: unknown = raw;
  if (typeof raw === 'string') {
    const text = raw.trim();
    if (text.startsWith('[')) {
      try {
        list = JSON.parse(text);
      } catch {
        return { ok: false, reason: 'expected a JSON list of {name, url, pushIntervalMinutes}' };
      }
    } else {
      list =
        text === ''
          ? []
          : text.split(/[\s,]+/).map((pair) => {
              const at = pair.indexOf('=');
              return at <= 0 ? { name: pair, url: '' } : { name: pair.slice(0, at), url: pair.slice(at + 1) };
            });
    }
  }
  if (!Array.isArray(list)) return { ok: false, reason: 'expected a list of {name, url, pushIntervalMinutes}' };
  const remotes: GitRemoteSetting[] = [];
  for (const item of list) {
    if (item === null || typeof item !== 'object') return { ok: false, reason: 'each remote is an object {name, url}' };
    const { name, url, pushIntervalMinutes = 0, ...rest } = item as Record<string, unknown>;
    const unknown = Object.keys(rest);
    if (unknown.length > 0) return { ok: false, reason: `unknown remote field ${unknown[0]}` };
    if (typeof name !== 'string' || typeof url !== 'string')
      return { ok: false, reason: 'each remote needs a name and a url' };
    if (
      typeof pushIntervalMinutes !== 'number' ||
      !Number.isSafeInteger(pushIntervalMinutes) ||
      pushIntervalMinutes < 0 ||
      pushIntervalMinutes > 7 * 24 * 60
    )
      return { ok: false, reason: `remote ${name}: pushIntervalMinutes must be 0–10080` };
    const remote = { name, url: url.trim(), pushIntervalMinutes };
    const problem = remoteProblem(remote);
    if (problem !== undefined) return { ok: false, reason: problem };
    if (remotes.some((r) => r.name === name)) return { ok: false, reason: `two remotes are named ${name}` };
    remotes.push(remote);
  }
  return { ok: true, value: remotes };
}
