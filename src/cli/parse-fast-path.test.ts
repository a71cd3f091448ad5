import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CliIo } from './cli-io.ts';
import { runProgram } from './create-program.ts';
import { main } from './main.ts';
import { matchPlainParse } from './parse-fast-path.ts';

const TESTDATA = fileURLToPath(new URL('../parse/testdata/', import.meta.url));
const ATOM = `${TESTDATA}atom10.xml`;
const RSS = `${TESTDATA}rss092.xml`;
const MISSING = `${TESTDATA}no-such-file.xml`;
const NOT_A_FEED = `${TESTDATA}nf-001-html-page.html`;

function quietIo(): CliIo & { err: string[] } {
  const err: string[] = [];
  return {
    err,
    stdout: () => undefined,
    stderr: (text) => void err.push(text),
    isTty: false,
    env: {},
    cwd: process.cwd(),
  };
}

function captureWrites(stream: NodeJS.WriteStream, chunks: Buffer[]): void {
  vi.spyOn(stream, 'write').mockImplementation(((chunk: Uint8Array | string, ...rest: unknown[]) => {
    chunks.push(Buffer.from(chunk));
    const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
    callback?.();
    return true;
  }) as typeof stream.write);
}

/** Runs `run` with the process's stdout and stderr captured (runParse writes there), returning the status and the text written. */
async function captureOutput(run: () => Promise<number>): Promise<{ status: number; stdout: string; stderr: string }> {
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  captureWrites(process.stdout, out);
  captureWrites(process.stderr, err);
  try {
    const status = await run();
    return { status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
  } finally {
    vi.restoreAllMocks();
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('matchPlainParse', () => {
  it('takes files and the plain flags in any order, as commander does', () => {
    expect(matchPlainParse(['parse', 'a.xml', '--json', '-', '--jobs', '2', '--raw', 'b.xml'])).toEqual({
      files: ['a.xml', '-', 'b.xml'],
      options: { header: [], json: true, raw: true, jobs: '2' },
    });
    expect(matchPlainParse(['parse', '--pretty', 'a.xml'])).toEqual({
      files: ['a.xml'],
      options: { header: [], pretty: true },
    });
  });

  it('leaves everything else to commander', () => {
    for (const argv of [
      ['parse'],
      ['parse', '--json'],
      ['parse', '--help', 'a.xml'],
      ['parse', '-h'],
      ['parse', '--url', 'http://x/', 'a.xml'],
      ['parse', '--jobs=2', 'a.xml'],
      ['parse', 'a.xml', '--jobs'],
      ['parse', '--jobs', '--json', 'a.xml'],
      ['parse', '--', 'a.xml'],
      ['parse', '--data', 'd', 'a.xml'],
      ['parse', '--unknown', 'a.xml'],
      ['--data', 'd', 'parse', 'a.xml'],
      ['feeds'],
      [],
    ]) {
      expect(matchPlainParse(argv), argv.join(' ')).toBeUndefined();
    }
  });
});

describe('main on a plain parse call', () => {
  const calls = [
    ['parse', ATOM, '--json', '--raw'],
    ['parse', '--json', ATOM, RSS],
    ['parse', '--json', '--pretty', RSS],
    ['parse', RSS, NOT_A_FEED, '--json', '--jobs', '1'],
    ['parse', '--json', MISSING],
    ['parse', ATOM],
    ['parse', '--json', '--jobs', 'many', ATOM],
  ];
  for (const argv of calls) {
    it(`prints and exits as the commander path does: ${argv
      .slice(1)
      .map((arg) => arg.replace(TESTDATA, ''))
      .join(' ')}`, async () => {
      expect(matchPlainParse(argv)).toBeDefined();
      const fastIo = quietIo();
      const fast = await captureOutput(() => main(argv, fastIo));
      const slowIo = quietIo();
      const slow = await captureOutput(() =>
        runProgram(argv, slowIo).catch((error: Error) => {
          slowIo.stderr(`tidings: ${error.message}\n`);
          return 1;
        }),
      );
      expect(fast).toEqual(slow);
      expect(fastIo.err).toEqual(slowIo.err);
      expect(fast.stdout.length + fast.stderr.length + fastIo.err.length).toBeGreaterThan(0);
    });
  }
});
