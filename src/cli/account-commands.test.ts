import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../test/fixture-server/index.ts';
import type { CliIo } from './cli-io.ts';
import { main } from './main.ts';

let server: FixtureServer;
let dir: string;

beforeAll(async () => {
  server = await startFixtureServer();
  dir = await mkdtemp(join(tmpdir(), 'tidings-accounts-cli-'));
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(argv: string[], extra: Partial<CliIo> = {}): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    isTty: false,
    cwd: dir,
    env: { TIDINGS_ALLOW_PRIVATE_NETWORKS: '1', TIDINGS_PER_HOST_SPACING_MS: '0' },
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    promptSecret: async () => undefined,
    ...extra,
  };
  const code = await main([...argv, '--data', join(dir, 'data')], io);
  return { code, out: out.join(''), err: err.join('') };
}

const stdin = (text: string): Partial<CliIo> => ({ readStdin: async () => text });

describe('the account commands', () => {
  it('adds, lists and removes users; the password comes from stdin or the terminal, never argv', async () => {
    expect(await run(['user', 'list'])).toMatchObject({
      code: 0,
      out: 'No users. Create the first admin with: tidings user add NAME --admin\n',
    });
    expect(
      await run(['user', 'add', 'root', '--admin', '--password-stdin'], stdin('correct horse\nignored\n')),
    ).toEqual({ code: 0, out: 'Created admin root (#1).\n', err: '' });

    const asked: string[] = [];
    const terminal = {
      promptSecret: async (question: string) => {
        asked.push(question);
        return 'another secret';
      },
    };
    expect((await run(['user', 'add', 'Ann'], terminal)).out).toBe('Created user Ann (#2).\n');
    expect(asked).toEqual(['Password: ', 'Password again: ']);
    let answers = ['one password', 'two password'];
    expect(await run(['user', 'add', 'bob'], { promptSecret: async () => answers.shift() })).toMatchObject({
      code: 1,
      err: 'tidings: the two passwords differ\n',
    });
    expect(await run(['user', 'add', 'bob'])).toMatchObject({
      code: 1,
      err: 'tidings: no terminal to ask for the password on: use --password-stdin\n',
    });
    expect(await run(['user', 'add', 'ANN', '--password-stdin'], stdin('correct horse'))).toMatchObject({
      code: 1,
      err: 'tidings: a user named Ann already exists\n',
    });
    expect((await run(['user', 'add', 'bob', '--password-stdin'], stdin('short'))).err).toMatch(
      /at least 8 characters/,
    );

    const list = await run(['user', 'list']);
    expect(list.out).toMatch(
      /^ID +NAME +ROLE +CREATED +STATUS\n2 +Ann +user +\d{4}-\d\d-\d\d \d\d:\d\d +active\n1 +root +admin /,
    );
    const json = JSON.parse((await run(['user', 'list', '--json'])).out) as {
      users: Array<{ name: string; admin: boolean }>;
    };
    expect(json.users.map((u) => [u.name, u.admin])).toEqual([
      ['Ann', false],
      ['root', true],
    ]);

    expect(await run(['user', 'remove', 'root'])).toMatchObject({
      code: 1,
      err: 'tidings: cannot remove root: it is the only enabled admin\n',
    });
    expect(await run(['user', 'remove', 'nobody'])).toMatchObject({ code: 1, err: 'tidings: no user named nobody\n' });
    expect((await run(['user', 'remove', 'ann'])).out).toMatch(/^Removed user Ann/);

    answers = ['brand new pass', 'brand new pass'];
    expect((await run(['user', 'passwd', 'root'], { promptSecret: async () => answers.shift() })).out).toMatch(
      /^Changed the password of root/,
    );
  });

  it('creates API tokens printed once, lists them without the secret, and revokes them', async () => {
    const created = await run(['token', 'create', 'phone', '--user', 'root', '--scope', 'read-write']);
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/^tdg_[\w-]{43}\n$/);
    expect(created.err).toMatch(/^API token #1 "phone" for root \(read-write\)\. It is shown only now/);
    expect(await run(['token', 'create', 'x', '--user', 'root', '--scope', 'admin'])).toMatchObject({
      code: 2,
      err: 'tidings: --scope must be read or read-write\n',
    });
    expect((await run(['token', 'create', 'x', '--user', 'ghost'])).code).toBe(1);

    const list = await run(['token', 'list', '--user', 'root']);
    expect(list.out).toMatch(/^ID +NAME +SCOPE +USER +CREATED +LAST USED\n1 +phone +read-write +root /);
    expect(list.out).not.toContain(created.out.trim());
    expect(await run(['token', 'revoke', '1'])).toMatchObject({ code: 0, out: 'Revoked API token #1.\n' });
    expect(await run(['token', 'revoke', '1'])).toMatchObject({ code: 1, err: 'tidings: no API token 1\n' });
    expect((await run(['token', 'revoke', 'abc'])).code).toBe(2);
    expect(JSON.parse((await run(['token', 'list', '--json'])).out)).toEqual({ tokens: [] });
  });

  it('add --user subscribes that user to the shared feed', async () => {
    const added = await run(['add', server.url('/feed.xml'), '--user', 'root']);
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^Added feed #1 Fixture feed\n[\s\S]*\n {2}root follows it\n$/);
    expect((await run(['add', server.url('/feed.xml'), '--user', 'ROOT'])).out).toMatch(
      /Already subscribed: #1 Fixture feed\n.*\n {2}root already follows it\n$/,
    );
    expect(await run(['add', server.url('/zh/feed.xml'), '--user', 'ghost'])).toMatchObject({
      code: 1,
      err: 'tidings: no user named ghost\n',
    });
    const json = JSON.parse((await run(['add', server.url('/feed.xml'), '--user', 'root', '--json'])).out) as Record<
      string,
      unknown
    >;
    expect(json).toMatchObject({ kind: 'exists', user: { name: 'root', subscription: 'exists' } });
  });
});
