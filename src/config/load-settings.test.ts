import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings } from './load-settings.ts';
import { DEFAULT_SETTINGS } from './settings.ts';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidings-config-'));
  await mkdir(join(dir, 'data'));
  await writeFile(join(dir, 'data', 'config.json'), JSON.stringify({ port: 9000, concurrency: 4, host: '0.0.0.0' }));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('loadSettings', () => {
  it('gives the defaults, with the data dir made absolute', async () => {
    const { settings, sources, configFile } = await loadSettings({ env: {}, cwd: join(dir, 'elsewhere') });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, dataDir: join(dir, 'elsewhere', 'data') });
    expect(sources.port).toEqual({ kind: 'default' });
    expect(configFile.found).toBe(false);
  });

  it('takes flags over environment over the config file over defaults', async () => {
    const env = { TIDINGS_PORT: '9100', TIDINGS_ALLOW_PRIVATE_NETWORKS: '1' };
    const { settings, sources } = await loadSettings({ env, cwd: dir, flags: { port: '9200' } });
    expect(settings).toMatchObject({
      port: 9200,
      concurrency: 4,
      host: '0.0.0.0',
      allowPrivateNetworks: true,
      perHostConcurrency: 2,
    });
    expect(sources.port).toEqual({ kind: 'flag', name: '--port' });
    expect(sources.allowPrivateNetworks).toEqual({ kind: 'env', name: 'TIDINGS_ALLOW_PRIVATE_NETWORKS' });
    expect(sources.concurrency).toEqual({ kind: 'file', path: join(dir, 'data', 'config.json') });
    expect(sources.userAgent).toEqual({ kind: 'default' });
    const envOnly = await loadSettings({ env, cwd: dir });
    expect(envOnly.settings.port).toBe(9100);
  });

  it('finds the config file through --data, TIDINGS_DATA, --config and TIDINGS_CONFIG', async () => {
    expect((await loadSettings({ env: { TIDINGS_DATA: join(dir, 'data') } })).settings.port).toBe(9000);
    expect((await loadSettings({ env: {}, flags: { dataDir: join(dir, 'data') } })).settings.port).toBe(9000);
    const other = join(dir, 'other.json');
    await writeFile(other, JSON.stringify({ dataDir: 'store', port: 7000 }));
    const viaFlag = await loadSettings({ env: {}, configFile: other, cwd: '/' });
    expect(viaFlag.settings).toMatchObject({ port: 7000, dataDir: join(dir, 'store') });
    expect((await loadSettings({ env: { TIDINGS_CONFIG: other } })).settings.port).toBe(7000);
  });

  it('reads an allow-list of private networks', async () => {
    const { settings } = await loadSettings({
      env: { TIDINGS_ALLOW_PRIVATE_NETWORKS: '10.0.0.0/8, 192.168.1.5' },
      cwd: dir,
    });
    expect(settings.allowPrivateNetworks).toEqual(['10.0.0.0/8', '192.168.1.5']);
  });

  it('names the setting and its source when a value is invalid', async () => {
    await expect(loadSettings({ env: { TIDINGS_PORT: 'eighty' }, cwd: dir })).rejects.toThrow(
      /invalid port from env TIDINGS_PORT/,
    );
    await expect(loadSettings({ env: {}, cwd: dir, flags: { concurrency: '0' } })).rejects.toThrow(
      /invalid concurrency from flag --concurrency: expected 1–1024/,
    );
    await expect(loadSettings({ env: { TIDINGS_ALLOW_PRIVATE_NETWORKS: 'maybe' }, cwd: dir })).rejects.toThrow(
      /allowPrivateNetworks/,
    );
    await expect(loadSettings({ env: { TIDINGS_MIN_CHECK_INTERVAL: '90000' }, cwd: dir })).rejects.toThrow(
      /minCheckIntervalSeconds .* is greater than maxCheckIntervalSeconds/,
    );
    const bad = join(dir, 'bad.json');
    await writeFile(bad, JSON.stringify({ prot: 1 }));
    await expect(loadSettings({ env: {}, configFile: bad })).rejects.toThrow(/unknown setting "prot"/);
    await writeFile(bad, '{ nope');
    await expect(loadSettings({ env: {}, configFile: bad })).rejects.toThrow(/not valid JSON/);
    await expect(loadSettings({ env: {}, configFile: join(dir, 'missing.json') })).rejects.toMatchObject({
      code: 'config.invalid',
    });
    await writeFile(join(dir, 'data', 'config.json'), JSON.stringify({ dataDir: '/tmp/x' }));
    await expect(loadSettings({ env: {}, cwd: dir })).rejects.toThrow(/dataDir cannot be set/);
    await writeFile(join(dir, 'data', 'config.json'), JSON.stringify({ port: 9000, concurrency: 4, host: '0.0.0.0' }));
  });
});
