import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSettings } from './load-settings.ts';

const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function dataDirWith(config: unknown): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'tidings-config-'));
  dirs.push(dir);
  await writeFile(join(dir, 'config.json'), JSON.stringify(config));
  return dir;
}

describe('the archive repository settings', () => {
  it('are off by default, with no mirrors', async () => {
    const { settings } = await loadSettings({ env: {}, flags: { dataDir: await dataDirWith({}) } });
    expect(settings).toMatchObject({
      archiveGit: false,
      archiveGitRemotes: [],
      archiveGitAuthor: 'Tidings <tidings@localhost>',
      archiveGitCredentials: '',
    });
  });

  it('read mirrors from config.json and from the environment (JSON or name=url pairs)', async () => {
    const dir = await dataDirWith({
      archiveGit: true,
      archiveGitRemotes: [{ name: 'github', url: 'https://github.com/me/news.git', pushIntervalMinutes: 30 }],
    });
    const fromFile = await loadSettings({ env: {}, flags: { dataDir: dir } });
    expect(fromFile.settings.archiveGitRemotes).toEqual([
      { name: 'github', url: 'https://github.com/me/news.git', pushIntervalMinutes: 30 },
    ]);
    const fromEnv = await loadSettings({
      env: { TIDINGS_ARCHIVE_GIT_REMOTES: 'nas=/srv/git/news.git, gl=git@gitlab.com:me/news.git' },
      flags: { dataDir: dir },
    });
    expect(fromEnv.settings.archiveGitRemotes).toEqual([
      { name: 'nas', url: '/srv/git/news.git', pushIntervalMinutes: 0 },
      { name: 'gl', url: 'git@gitlab.com:me/news.git', pushIntervalMinutes: 0 },
    ]);
    expect(fromEnv.sources.archiveGitRemotes).toEqual({ kind: 'env', name: 'TIDINGS_ARCHIVE_GIT_REMOTES' });
  });

  it('refuse a token in a mirror URL, two mirrors of one name and unknown fields, naming the source', async () => {
    const token = await dataDirWith({
      archiveGitRemotes: [{ name: 'gh', url: 'https://me:ghp_x@github.com/me/n.git' }],
    });
    await expect(loadSettings({ env: {}, flags: { dataDir: token } })).rejects.toThrow(
      /invalid archiveGitRemotes from config file .*not in the URL/,
    );
    await expect(
      loadSettings({ env: { TIDINGS_ARCHIVE_GIT_REMOTES: 'a=/x,a=/y' }, flags: { dataDir: await dataDirWith({}) } }),
    ).rejects.toThrow(/env TIDINGS_ARCHIVE_GIT_REMOTES: two remotes are named a/);
    const unknown = await dataDirWith({ archiveGitRemotes: [{ name: 'a', url: '/x', token: 'no' }] });
    await expect(loadSettings({ env: {}, flags: { dataDir: unknown } })).rejects.toThrow(/unknown remote field token/);
  });
});
