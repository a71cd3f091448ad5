/**
 * Times one tool's sequence of refresh rounds against the feed server: before each round,
 * churn the server if the round asks for it; run the tool's refresh command under runTimed;
 * then count the articles it stored and read how the server answered (200s, 304s, whether
 * validators were sent). Each round is checked: exit code 0 and exactly the expected number
 * of new articles.
 */
import { runTimed, type TimedCommand } from '../lib/run-timed.ts';
import type { ServerStats } from './feed-server.ts';
import { diffStats, type FeedServerHandle } from './feed-server-process.ts';

/**
 * The rounds: cold (empty store), newsboat's second reload, warm (nothing new), newsboat's
 * cache load alone (no fetching: how much of its warm round is start-up), churn.
 */
export type RoundName = 'cold' | 'second' | 'warm' | 'load' | 'churn';

/** One round to run: whether to churn the server first, and how many new articles are right. */
export interface RoundSpec {
  round: RoundName;
  churnFirst: boolean;
  expectedNew: number;
}

/** What a tool run needs: its command for each round and a way to count its stored articles. */
export interface ToolSession {
  commandFor(round: RoundName): TimedCommand;
  countArticles(): number;
}

/** The measured cost and outcome of one round. */
export interface RoundResult {
  tool: string;
  run: number;
  round: RoundName;
  wallMs: number;
  peakRssKib: number | undefined;
  newArticles: number;
  expectedNew: number;
  http: ServerStats;
  exitCode: number;
  /** Why the round does not count as correct, when it does not. */
  problem?: string;
}

/**
 * Returns the rounds in order: cold expects `expectedCold` new articles, churn `churnNew`;
 * `newsboat` adds its second reload (validators are stored only from then) and its cache load.
 */
export function planRounds(expectedCold: number, churnNew: number, newsboat: boolean): RoundSpec[] {
  const only = (round: RoundName): RoundSpec[] => (newsboat ? [{ round, churnFirst: false, expectedNew: 0 }] : []);
  return [
    { round: 'cold', churnFirst: false, expectedNew: expectedCold },
    ...only('second'),
    { round: 'warm', churnFirst: false, expectedNew: 0 },
    ...only('load'),
    { round: 'churn', churnFirst: true, expectedNew: churnNew },
  ];
}

/** Runs `rounds` in order for one tool session and returns one result per round. */
export async function measureRounds(
  tool: string,
  run: number,
  session: ToolSession,
  rounds: RoundSpec[],
  server: FeedServerHandle,
): Promise<RoundResult[]> {
  const results: RoundResult[] = [];
  let stored = session.countArticles();
  for (const spec of rounds) {
    if (spec.churnFirst) await server.churn();
    const statsBefore = await server.stats();
    const timed = await runTimed([session.commandFor(spec.round)], { kind: 'count' });
    const http = diffStats(await server.stats(), statsBefore);
    const now = session.countArticles();
    const result: RoundResult = {
      tool,
      run,
      round: spec.round,
      wallMs: timed.wallMs,
      peakRssKib: timed.peakRssKib,
      newArticles: now - stored,
      expectedNew: spec.expectedNew,
      http,
      exitCode: timed.exitCode,
    };
    if (timed.exitCode !== 0) result.problem = `exit ${timed.exitCode}: ${timed.stderrTail.trim().slice(-300)}`;
    else if (result.newArticles !== spec.expectedNew)
      result.problem = `stored ${result.newArticles} new articles, expected ${spec.expectedNew}`;
    stored = now;
    results.push(result);
    console.log(
      `run ${run} ${tool} ${spec.round}: ${(timed.wallMs / 1000).toFixed(2)} s, ${result.newArticles} new, HTTP ${http.ok}×200 ${http.notModified}×304${result.problem ? ` ✗ ${result.problem}` : ''}`,
    );
  }
  return results;
}
