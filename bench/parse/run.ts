/**
 * `npm run bench:parse`: the parser benchmark. Ensures the generated corpus, runs every tool
 * once over all of it with output captured (untimed: the correctness gate, and a warm-up that
 * puts the corpus in the page cache for everyone), then times `--runs` rounds, tools
 * interleaved so that a burst of machine noise does not land on one tool only. Prints the
 * table and verdict, writes bench/.out/parse.json (parse-news300.json for that shape).
 *
 * Options: --size MB (default 110), --runs N (default 3), --seed N, --shape mixed|news300 (default mixed).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeRssMethod, runTimed, type TimedResult } from '../lib/run-timed.ts';
import { checkOutput, type OutputCheck } from './check-output.ts';
import { corpusDirFor, ensureCorpus, readNumberOption, readShapeOption } from './generate-corpus.ts';
import { formatReport, judge, summarizeTool } from './report.ts';
import { listRunners } from './runners.ts';

const OUT_DIR = fileURLToPath(new URL('../.out/', import.meta.url));

const argv = process.argv.slice(2);
const options = {
  sizeMb: readNumberOption(argv, 'size', 110),
  runs: Math.round(readNumberOption(argv, 'runs', 3)),
  seed: readNumberOption(argv, 'seed', 20240601),
  shape: readShapeOption(argv),
};
await mkdir(OUT_DIR, { recursive: true });

const corpusStarted = performance.now();
const corpus = await ensureCorpus({ dir: corpusDirFor(options.shape), ...options });
const corpusMb = corpus.totalBytes / 1e6;
console.log(
  `corpus: ${corpus.files.length} files, ${corpusMb.toFixed(1)} MB, ${corpus.totalItems} items, mix ${JSON.stringify(corpus.mix)} (ready in ${((performance.now() - corpusStarted) / 1000).toFixed(1)} s)`,
);
console.log(
  `runs: ${options.runs} timed + 1 checked; peak RSS and CPU time via ${describeRssMethod()}; ${os.cpus().length} CPUs, node ${process.version}`,
);

const runners = listRunners();
const checks = new Map<string, OutputCheck>();
for (const runner of runners.filter((r) => !r.missing)) {
  const capture = path.join(OUT_DIR, `parse-${runner.name.replace(/\W+/g, '-')}.out`);
  const result = await runTimed(runner.commands(corpus.files, corpus.feedsDir), { kind: 'capture', file: capture });
  const check = await checkOutput(capture, runner, corpus);
  if (result.exitCode !== 0)
    check.problems.unshift(`checked run exited ${result.exitCode}: ${result.stderrTail.trim().slice(-200)}`);
  checks.set(runner.name, check);
  await rm(capture, { force: true });
  console.log(
    `checked ${runner.name}: ${check.items} items ${check.ok ? '✓' : '✗'} (${(result.wallMs / 1000).toFixed(2)} s)`,
  );
}

const timings = new Map<string, TimedResult[]>();
for (let round = 1; round <= options.runs; round++) {
  for (const runner of runners.filter((r) => !r.missing)) {
    const result = await runTimed(runner.commands(corpus.files, corpus.feedsDir), { kind: 'count' });
    timings.set(runner.name, [...(timings.get(runner.name) ?? []), result]);
    console.log(`round ${round}/${options.runs} ${runner.name}: ${(result.wallMs / 1000).toFixed(2)} s`);
  }
}

const results = runners.map((runner) =>
  summarizeTool(runner, corpus.totalBytes, checks.get(runner.name), timings.get(runner.name) ?? []),
);
const verdict = judge(results);
console.log(`\n${formatReport(results, verdict, corpus.totalItems)}`);

const report = {
  date: new Date().toISOString(),
  machine: {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    node: process.version,
    rssMethod: describeRssMethod(),
  },
  options,
  corpus: { files: corpus.files.length, bytes: corpus.totalBytes, items: corpus.totalItems, mix: corpus.mix },
  results,
  verdict,
};
const reportFile = path.join(OUT_DIR, options.shape === 'mixed' ? 'parse.json' : `parse-${options.shape}.json`);
await writeFile(reportFile, `${JSON.stringify(report, null, 2)}\n`);
console.log(`\nreport: ${path.relative(process.cwd(), reportFile)}`);
