import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTimed, splitArgs } from './run-timed.ts';

describe('splitArgs', () => {
  it('keeps every argument, in order, in batches under the byte limit', () => {
    const args = Array.from({ length: 100 }, (_, i) => `file-${i}.xml`);
    const batches = splitArgs(args, 150);
    expect(batches.length).toBeGreaterThan(1);
    expect(batches.flat()).toEqual(args);
    for (const batch of batches) expect(batch.join(' ').length).toBeLessThanOrEqual(150);
  });
});

describe('runTimed', () => {
  const node = process.execPath;
  const print = (text: string) => ({
    command: node,
    args: ['-e', `process.stdout.write(${JSON.stringify(text)})`],
    cwd: tmpdir(),
  });

  it('counts stdout bytes across batches and reports a peak RSS', async () => {
    const result = await runTimed([print('abc'), print('defg')], { kind: 'count' });
    expect(result.stdoutBytes).toBe(7);
    expect(result.exitCode).toBe(0);
    expect(result.peakRssKib).toBeGreaterThan(1000);
  });

  it('reports the CPU time a busy child spent', async () => {
    const spin = { command: node, args: ['-e', 'while (process.cpuUsage().user < 300_000);'], cwd: tmpdir() };
    const result = await runTimed([spin], { kind: 'count' });
    expect(result.cpuMs).toBeGreaterThanOrEqual(250);
  });

  it("adds the command's variables to the environment", async () => {
    const echo = {
      command: node,
      args: ['-e', 'process.stdout.write(process.env.BENCH_TEST_VAR ?? "unset")'],
      cwd: tmpdir(),
      env: { BENCH_TEST_VAR: 'xyzzy' },
    };
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'bench-test-')), 'out');
    await runTimed([echo], { kind: 'capture', file });
    expect(await readFile(file, 'utf8')).toBe('xyzzy');
  });

  it('captures stdout of all batches into the file and reports a failing exit', async () => {
    const file = path.join(await mkdtemp(path.join(tmpdir(), 'bench-test-')), 'out');
    const fail = { command: node, args: ['-e', 'process.exit(3)'], cwd: tmpdir() };
    const result = await runTimed([print('one\n'), fail, print('two\n')], { kind: 'capture', file });
    expect(await readFile(file, 'utf8')).toBe('one\ntwo\n');
    expect(result.stdoutBytes).toBe(8);
    expect(result.exitCode).toBe(3);
  });
});
