import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commitArchive } from '../../archive/git/index.ts';
import { writeMirrorState } from '../../ingest/archive-jobs/mirror-status.ts';
import { createApiFixture, type ApiFixture } from '../api/testdata/api-fixture.ts';

const TOKEN = 'secret-token-not-on-pages';
let f: ApiFixture;

beforeAll(async () => {
  f = await createApiFixture();
  Object.assign(f.ctx, {
    archiveGit: {
      author: { name: 'Tidings', email: 'tidings@localhost' },
      remotes: [
        { name: 'github', url: 'https://github.com/me/news.git', pushIntervalMinutes: 0 },
        { name: 'backup', url: '/srv/git/news.git', pushIntervalMinutes: 60 },
      ],
      env: { TIDINGS_GIT_TOKEN_GITHUB: TOKEN },
    },
  });
  const root = f.ctx.archiveRoot;
  await mkdir(join(root, 'feed'), { recursive: true });
  await writeFile(join(root, 'feed', '000_0000000000000001.txt'), '<!--0-->\n[One]()\n------\n\n<p>x</p>\n');
  await commitArchive(root, { identity: { name: 'Tidings', email: 'tidings@localhost', time: Date.UTC(2025, 0, 10) } });
  await writeMirrorState(root, 'github', {
    failures: 3,
    lastAttemptAt: Date.UTC(2025, 0, 10, 12),
    lastError: 'git push exited 128: fatal: unable to access: The requested URL returned error: 403',
    nextAttemptAt: Date.UTC(2025, 0, 10, 12, 4),
  });
  await writeMirrorState(root, 'backup', { failures: 0, lastAttemptAt: 1, lastSuccessAt: Date.UTC(2025, 0, 9) });
});

afterAll(async () => {
  await f.close();
});

describe('the archive mirrors on the health page and in /metrics', () => {
  it('shows admins each mirror with its failure, the next try and where its credentials come from, never the token', async () => {
    const page = await (await f.call('GET', '/feeds/health', { as: 'annSession' })).text();
    expect(page).toContain('data-testid="mirrors"');
    expect(page).toMatch(/data-remote="github"[\s\S]*failed 3× in a row: git push exited 128[\s\S]*error: 403/);
    expect(page).toContain('env TIDINGS_GIT_TOKEN_GITHUB');
    expect(page).toMatch(/data-remote="backup"[\s\S]*<td>ok<\/td>/);
    expect(page).not.toContain(TOKEN);
  });

  it('exports unpushed commits, failures in a row and the last success per remote', async () => {
    const text = await (await f.call('GET', '/metrics', { from: '127.0.0.1' })).text();
    expect(text).toContain('tidings_archive_mirror_unpushed_commits{remote="github"} 1\n');
    expect(text).toContain('tidings_archive_mirror_failures{remote="github"} 3\n');
    expect(text).toContain('tidings_archive_mirror_failures{remote="backup"} 0\n');
    expect(text).toContain(
      `tidings_archive_mirror_last_success_timestamp_seconds{remote="backup"} ${Date.UTC(2025, 0, 9) / 1000}\n`,
    );
    expect(text).not.toContain(TOKEN);
  });
});
