import { execFileSync } from 'node:child_process';
import { access, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatArticleFile } from '../article-file.ts';
import { readArchive } from '../read-archive.ts';
import { commitArchive } from './commit-archive.ts';

const roots: string[] = [];
afterEach(async () => {
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

async function newRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'tidings-git-'));
  roots.push(root);
  return root;
}

const identity = (time: number) => ({ name: 'Tidings', email: 'tidings@localhost', time });

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'core.quotepath=off', ...args], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
  });
}

async function writeArticle(
  root: string,
  folder: string,
  name: string,
  title: string,
  time: number,
  body = '<p>正文</p>',
) {
  await mkdir(join(root, folder), { recursive: true });
  await writeFile(join(root, folder, name), formatArticleFile({ time, title, url: 'https://example.com/a', body }));
}

async function writeFeed(root: string, folder: string, title: string) {
  await mkdir(join(root, folder), { recursive: true });
  await writeFile(join(root, folder, 'feed.json'), `${JSON.stringify({ url: `https://${folder}/feed`, title })}\n`);
}

const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 15, 8, 30);

describe('commitArchive', () => {
  it('makes one commit of everything new, with Tidings as author at the given time and a message per feed', async () => {
    const root = await newRoot();
    await writeFeed(root, 'www.rfi.fr-1a2b3c4d', 'RFI 中文');
    await writeArticle(root, 'www.rfi.fr-1a2b3c4d', '000_0000000000000001.txt', '第一条', T0);
    await writeArticle(root, 'www.rfi.fr-1a2b3c4d', '000_0000000000000002.txt', '第二条', T0);
    await writeFile(join(root, 'www.rfi.fr-1a2b3c4d', '.000_0000000000000003.txt.tmp-99-ab'), 'half a file');
    const first = await commitArchive(root, { identity: identity(T0 + 60_000) });
    expect(first).toMatchObject({ kind: 'committed', message: 'RFI 中文: 2 new\n' });
    expect(git(root, 'log', '--format=%an <%ae> %at %ct')).toBe(
      `Tidings <tidings@localhost> ${(T0 + 60_000) / 1000} ${(T0 + 60_000) / 1000}\n`,
    );
    const tracked = git(root, 'ls-files').trim().split('\n');
    expect(tracked).toEqual([
      '.gitattributes',
      'README.md',
      'www.rfi.fr-1a2b3c4d/000_0000000000000001.txt',
      'www.rfi.fr-1a2b3c4d/000_0000000000000002.txt',
      'www.rfi.fr-1a2b3c4d/README.md',
      'www.rfi.fr-1a2b3c4d/feed.json',
    ]);
    expect(await commitArchive(root, { identity: identity(T0 + 120_000) })).toEqual({ kind: 'unchanged' });

    await writeArticle(root, 'www.rfi.fr-1a2b3c4d', '001_0000000000000001.txt', '第一条（更正）', T0);
    await writeArticle(root, '存档 (旧)', '000_0000000000000009.txt', '旧文', T0 - DAY);
    const second = await commitArchive(root, { identity: identity(T0 + 3_600_000) });
    expect(second).toMatchObject({ kind: 'committed', message: '存档 (旧): 1 new; RFI 中文: 1 revised\n' });
    expect(git(root, 'show', '--name-only', '--format=', 'HEAD').trim().split('\n').sort()).toEqual([
      'README.md',
      'www.rfi.fr-1a2b3c4d/001_0000000000000001.txt',
      'www.rfi.fr-1a2b3c4d/README.md',
      '存档 (旧)/000_0000000000000009.txt',
      '存档 (旧)/README.md',
    ]);
    expect(git(root, 'log', '--format=%H').trim().split('\n')).toHaveLength(2);
  });

  it('keeps git and user configuration of the person running Tidings out', async () => {
    const root = await newRoot();
    const home = await newRoot();
    await writeFile(
      join(home, '.gitconfig'),
      '[user]\n\tname = Leaked\n\temail = leak@example.com\n[commit]\n\tgpgsign = true\n',
    );
    const saved = {
      HOME: process.env.HOME,
      GIT_DIR: process.env.GIT_DIR,
      GIT_AUTHOR_NAME: process.env.GIT_AUTHOR_NAME,
    };
    Object.assign(process.env, { HOME: home, GIT_DIR: join(home, 'elsewhere'), GIT_AUTHOR_NAME: 'Leaked' });
    try {
      await writeArticle(root, 'feed', '000_0000000000000001.txt', 'One', T0);
      expect(await commitArchive(root, { identity: identity(T0) })).toMatchObject({ kind: 'committed' });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    expect(git(root, 'log', '--format=%an <%ae> / %cn')).toBe('Tidings <tidings@localhost> / Tidings\n');
  });

  it('lets two commits at once both finish, one after the other, losing no file', async () => {
    const root = await newRoot();
    await writeArticle(root, 'feed', '000_0000000000000001.txt', 'One', T0);
    const [a, b] = await Promise.all([
      commitArchive(root, { identity: identity(T0) }),
      (async () => {
        await writeArticle(root, 'feed', '000_0000000000000002.txt', 'Two', T0);
        return commitArchive(root, { identity: identity(T0) });
      })(),
    ]);
    expect([a.kind, b.kind]).toContain('committed');
    expect(git(root, 'status', '--porcelain')).toBe('');
    expect(git(root, 'ls-files', 'feed/*.txt').trim().split('\n')).toEqual([
      'feed/000_0000000000000001.txt',
      'feed/000_0000000000000002.txt',
    ]);
  });

  it('takes over the lock and git index lock a killed process left, and commits', async () => {
    const root = await newRoot();
    await writeArticle(root, 'feed', '000_0000000000000001.txt', 'One', T0);
    await commitArchive(root, { identity: identity(T0) });
    const dead = execFileSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
      encoding: 'utf8',
    });
    await writeFile(join(root, '.git', 'tidings-commit.lock'), `${dead}\n`);
    await writeFile(join(root, '.git', 'index.lock'), '');
    await writeArticle(root, 'feed', '000_0000000000000002.txt', 'Two', T0);
    expect(await commitArchive(root, { identity: identity(T0), lock: { waitMs: 0 } })).toMatchObject({
      kind: 'committed',
      message: 'feed: 1 new\n',
    });
  });

  it('writes READMEs whose links resolve to the article files, with titles escaped and revisions linked', async () => {
    const root = await newRoot();
    await writeFeed(root, 'www.rfi.fr-1a2b3c4d', 'RFI [中文] *快讯*');
    await writeArticle(root, 'www.rfi.fr-1a2b3c4d', '000_0000000000000001.txt', '美国称中国 [分析] <b>x</b>', T0);
    await writeArticle(root, 'www.rfi.fr-1a2b3c4d', '001_0000000000000001.txt', '美国称中国 [分析]（更正）', T0);
    await writeArticle(root, 'www.rfi.fr-1a2b3c4d', '000_0000000000000002.txt', 'Yesterday', T0 - DAY);
    await writeArticle(root, '存档 (旧)', '旧文 (1).txt', '旧文', T0 - 2 * DAY);
    await commitArchive(root, { identity: identity(T0 + 60_000) });
    const top = await readFile(join(root, 'README.md'), 'utf8');
    expect(top).toContain('| [RFI \\[中文\\] \\*快讯\\*](www.rfi.fr-1a2b3c4d/README.md) | 2 | 2024-01-15 |');
    expect(top).toContain(
      '- 08:30 [美国称中国 \\[分析\\]（更正）](www.rfi.fr-1a2b3c4d/001_0000000000000001.txt) · RFI \\[中文\\] \\*快讯\\* · revisions [1](www.rfi.fr-1a2b3c4d/000_0000000000000001.txt) [2](www.rfi.fr-1a2b3c4d/001_0000000000000001.txt)',
    );
    expect(top).toContain('(%E5%AD%98%E6%A1%A3%20%28%E6%97%A7%29/%E6%97%A7%E6%96%87%20%281%29.txt)');
    expect(top.indexOf('### 2024-01-15')).toBeLessThan(top.indexOf('### 2024-01-14'));
    const feed = await readFile(join(root, 'www.rfi.fr-1a2b3c4d', 'README.md'), 'utf8');
    expect(feed.startsWith('# RFI \\[中文\\] \\*快讯\\*\n')).toBe(true);
    for (const [readme, base] of [
      ['README.md', ''],
      ['www.rfi.fr-1a2b3c4d/README.md', 'www.rfi.fr-1a2b3c4d'],
      ['存档 (旧)/README.md', '存档 (旧)'],
    ]) {
      const text = await readFile(join(root, readme), 'utf8');
      const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]);
      expect(targets.length).toBeGreaterThan(0);
      for (const target of targets) await access(join(root, base, decodeURIComponent(target)));
    }
  });

  it('leaves a clone that reads as the same archive, READMEs and .gitattributes reporting nothing', async () => {
    const root = await newRoot();
    await writeFeed(root, 'feed', 'Feed');
    await writeArticle(root, 'feed', '000_0000000000000001.txt', 'One', T0);
    await commitArchive(root, { identity: identity(T0) });
    const clone = join(await newRoot(), 'clone');
    git(root, 'clone', '-q', root, clone);
    const folders = [];
    for await (const folder of readArchive(clone)) folders.push(folder);
    expect(folders).toEqual([
      expect.objectContaining({ kind: 'feed', folder: 'feed', problems: [], bareFiles: ['000_0000000000000001.txt'] }),
    ]);
  });
});
