import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startGitHttpServer, type GitHttpServer } from '../../../test/git-server/git-http-server.ts';
import { formatArticleFile } from '../article-file.ts';
import { commitArchive } from './commit-archive.ts';
import { pushRemote, remoteProblem, unpushedCommits } from './push-remote.ts';
import { credentialConfig, findCredential, matchCredentialLine } from './remote-credentials.ts';
import { redact } from './run-git.ts';

const TOKEN = 'glpat-SECRET-token-0123456789';
const roots: string[] = [];
let host: GitHttpServer;
let hosted: string;

beforeAll(async () => {
  hosted = await newRoot();
  git(hosted, 'init', '-q', '--bare', '-b', 'main', 'news.git');
  host = await startGitHttpServer(hosted, 'archivist', TOKEN);
});
afterAll(async () => {
  await host?.close();
  await rm(hosted, { recursive: true, force: true });
});
afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

async function newRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'tidings-push-'));
  if (hosted !== undefined) roots.push(root);
  return root;
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

let time = Date.UTC(2024, 0, 1);
async function archiveWithCommit(root: string, name: string): Promise<void> {
  await mkdir(join(root, 'feed'), { recursive: true });
  await writeFile(join(root, 'feed', name), formatArticleFile({ time, title: name, url: '', body: '<p>x</p>' }));
  await commitArchive(root, { identity: { name: 'Tidings', email: 'tidings@localhost', time: (time += 60_000) } });
}

describe('pushRemote', () => {
  it('pushes main to a bare repository, counts what a mirror lacks, and never forces', async () => {
    const root = await newRoot();
    const bare = join(await newRoot(), 'mirror.git');
    git(root, 'init', '-q', '--bare', '-b', 'main', bare);
    const remote = { name: 'mirror', url: bare };
    expect(await pushRemote(root, remote)).toMatchObject({ kind: 'nothing' });
    await archiveWithCommit(root, '000_0000000000000001.txt');
    expect(await unpushedCommits(root, 'mirror')).toBe(1);
    expect(await pushRemote(root, remote)).toMatchObject({ kind: 'pushed', upToDate: false });
    expect(await unpushedCommits(root, 'mirror')).toBe(0);
    expect(await pushRemote(root, remote)).toMatchObject({ kind: 'pushed', upToDate: true });
    expect(git(bare, 'rev-parse', 'main')).toBe(git(root, 'rev-parse', 'HEAD'));

    const other = await newRoot();
    await archiveWithCommit(other, '000_00000000000000ff.txt');
    expect(await pushRemote(other, remote)).toMatchObject({ kind: 'failed', error: expect.stringMatching(/rejected/) });
    expect(git(bare, 'rev-parse', 'main')).toBe(git(root, 'rev-parse', 'HEAD'));
  });

  it('reports a missing mirror as a failure and pushes once it is back', async () => {
    const root = await newRoot();
    const bare = join(await newRoot(), 'later.git');
    await archiveWithCommit(root, '000_0000000000000001.txt');
    const failed = await pushRemote(root, { name: 'later', url: bare });
    expect(failed).toMatchObject({
      kind: 'failed',
      error: expect.stringMatching(/^git push exited 128: .*does not appear to be a git repository/),
    });
    git(root, 'init', '-q', '--bare', '-b', 'main', bare);
    expect(await pushRemote(root, { name: 'later', url: bare })).toMatchObject({ kind: 'pushed' });
  });

  it('sends the credentials to an HTTP host as a header, and a wrong token is refused without showing it', async () => {
    const root = await newRoot();
    await archiveWithCommit(root, '000_0000000000000001.txt');
    const url = host.url('news.git');
    const remote = { name: 'host', url };
    const wrong = credentialConfig(url, { username: 'archivist', password: 'not-the-token' });
    const refused = await pushRemote(root, remote, wrong);
    expect(refused.kind).toBe('failed');
    expect(JSON.stringify(refused)).not.toContain('not-the-token');
    expect(JSON.stringify(refused)).not.toContain(wrong.secrets[1]);

    const right = credentialConfig(url, { username: 'archivist', password: TOKEN });
    expect(await pushRemote(root, remote, right)).toMatchObject({ kind: 'pushed' });
    expect(git(join(hosted, 'news.git'), 'rev-parse', 'main')).toBe(git(root, 'rev-parse', 'HEAD'));
    expect(host.authorizations).toContain(`Basic ${Buffer.from(`archivist:${TOKEN}`).toString('base64')}`);
    expect(git(root, 'config', '--get', 'remote.host.url').trim()).toBe(url);
    expect(git(root, 'config', '--list')).not.toContain(TOKEN);
  });
});

describe('remote settings and credentials', () => {
  it('refuses a remote with a password in its URL, or a bad name', () => {
    expect(remoteProblem({ name: 'gh', url: `https://me:${TOKEN}@github.com/me/news.git` })).toMatch(/not in the URL/);
    expect(remoteProblem({ name: 'gh', url: `https://${TOKEN}@github.com/me/news.git` })).toMatch(/not in the URL/);
    expect(remoteProblem({ name: '-gh', url: '/x' })).toMatch(/letters, digits/);
    expect(remoteProblem({ name: 'gh', url: 'ssh://git@github.com/me/news.git' })).toBeUndefined();
    expect(remoteProblem({ name: 'gh', url: 'git@github.com:me/news.git' })).toBeUndefined();
  });

  it('finds a token in the environment first, then in a credentials file readable by its owner only', async () => {
    const dir = await newRoot();
    const file = join(dir, 'git-credentials');
    await writeFile(file, `# mirrors\nhttps://other:x@gitlab.com/\nhttps://archivist:${TOKEN}@github.com/me\n`);
    const url = 'https://github.com/me/news.git';
    expect(await findCredential('github', url, { TIDINGS_GIT_TOKEN_GITHUB: 'from-env' }, file)).toMatchObject({
      kind: 'found',
      credential: { username: 'x-access-token', password: 'from-env' },
      from: 'env TIDINGS_GIT_TOKEN_GITHUB',
    });
    await chmod(file, 0o644);
    expect(await findCredential('github', url, {}, file)).toMatchObject({
      kind: 'invalid',
      reason: expect.stringMatching(/chmod 600/),
    });
    await chmod(file, 0o600);
    expect(await findCredential('github', url, {}, file)).toMatchObject({
      kind: 'found',
      credential: { username: 'archivist', password: TOKEN },
    });
    expect(await findCredential('github', 'https://github.com/someone-else/x.git', {}, file)).toEqual({ kind: 'none' });
    expect(await findCredential('github', url, {}, join(dir, 'missing'))).toEqual({ kind: 'none' });
    expect(matchCredentialLine('https://a:b%40c@host.example/', 'https://host.example/repo.git')).toEqual({
      username: 'a',
      password: 'b@c',
    });
  });

  it('hides secrets and passwords in URLs from anything git said', () => {
    expect(redact(`fatal: unable to access 'https://me:${TOKEN}@github.com/x': 403 ${TOKEN}`, [TOKEN])).toBe(
      "fatal: unable to access 'https://***@github.com/x': 403 ***",
    );
    expect(redact(`unable to access 'https://${TOKEN}@github.com/x'`, [])).toBe(
      "unable to access 'https://***@github.com/x'",
    );
  });
});
