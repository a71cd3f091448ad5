/**
 * Where a refresh parses and cleans its documents (prepare-document.ts) and learns a feed's
 * boilerplate: on the calling thread, or on a small pool of worker threads so that a round of many feeds uses every core
 * while the main thread does HTTP, SQLite and the archive files (parse, clean and
 * fingerprint were most of a cold round's CPU, all on one thread). Workers start on demand,
 * when documents queue up and none is idle, so a round where every feed answers 304 starts
 * none, and one where documents arrive one at a time prepares them on the calling thread. A worker that dies hands its documents back to the calling thread, which then
 * prepares everything itself: a broken worker can make a round slower, never lose a feed.
 */
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../util/start-worker.ts';
import type { LearnedRule, RulePack } from '../../clean/index.ts';
import type { PrepareDocumentInput, PreparedDocument } from './prepare-document.ts';

// Loaded on the first document: a round of 304s never needs the parser or the cleaner on this thread.
const loadPrepare = () => import('./prepare-document.ts');

/** Prepares fetched documents and learns boilerplate; `close` stops any worker threads. */
export interface DocumentPreparer {
  prepare(input: PrepareDocumentInput): Promise<PreparedDocument>;
  /** Returns learnBoilerplate's rules for these raw bodies. */
  learn(bodies: readonly string[]): Promise<LearnedRule[]>;
  close(): Promise<void>;
}

/** Options of a pool: at most `size` workers, each with a copy of the rule packs (undefined = the shipped packs). */
export interface PreparePoolOptions {
  size: number;
  packs: readonly RulePack[] | undefined;
}

/** The work a worker is given, and its answer. */
export type PrepareWork =
  | { kind: 'prepare'; input: PrepareDocumentInput }
  | { kind: 'learn'; bodies: readonly string[] };
export interface PrepareTask {
  id: number;
  work: PrepareWork;
}
export type PrepareReply = { id: number; result: PreparedDocument | LearnedRule[] } | { id: number; error: string };

/** Returns the answer to `work`, on this thread. */
export async function doPrepareWork(
  work: PrepareWork,
  packs: readonly RulePack[] | undefined,
): Promise<PreparedDocument | LearnedRule[]> {
  if (work.kind === 'learn') return (await import('../../clean/learn-boilerplate.ts')).learnBoilerplate(work.bodies);
  return (await loadPrepare()).prepareDocument(work.input, packs);
}

/** Returns a preparer that works on the calling thread. */
export function createInThreadPreparer(packs: readonly RulePack[] | undefined): DocumentPreparer {
  return {
    prepare: async (input) => (await doPrepareWork({ kind: 'prepare', input }, packs)) as PreparedDocument,
    learn: async (bodies) => (await doPrepareWork({ kind: 'learn', bodies }, packs)) as LearnedRule[],
    close: async () => undefined,
  };
}

type Result = PreparedDocument | LearnedRule[];
interface Pending {
  work: PrepareWork;
  resolve: (value: Result) => void;
  reject: (error: Error) => void;
}
interface PoolWorker {
  worker: Worker;
  inFlight: number[];
}

/**
 * Documents sent to a worker before its answers come back: two, so that it starts the next
 * one while this thread, often busy storing the last answer for a few milliseconds, has not
 * yet read its reply (with one, the worker sat idle a sixth of a cold round).
 */
const DEPTH = 2;

/** Returns a preparer backed by up to `size` worker threads, started on demand. */
export function createPreparePool(options: PreparePoolOptions): DocumentPreparer {
  const workers: PoolWorker[] = [];
  const waiting: Pending[] = [];
  const inFlight = new Map<number, Pending>();
  let nextId = 0;
  let broken = false;
  let closed = false;

  let here = 0;
  const runHere = (task: Pending) => {
    here++;
    doPrepareWork(task.work, options.packs)
      .then(task.resolve, (error: unknown) => task.reject(error instanceof Error ? error : new Error(String(error))))
      .finally(() => here--);
  };

  const dispatch = () => {
    while (waiting.length > 0) {
      // A lone document (nothing else waiting, no worker yet) is not worth a thread's start-up: this thread does it.
      if (broken || closed || (workers.length === 0 && waiting.length === 1 && here === 0)) {
        runHere(waiting.shift()!);
        continue;
      }
      let slot = workers.find((w) => w.inFlight.length === 0);
      if (slot === undefined && workers.length < options.size) {
        try {
          slot = spawn();
        } catch {
          // A worker that cannot start (no threads here, rule packs that cannot be copied): this thread does the work.
          broken = true;
          continue;
        }
      }
      slot ??= workers.find((w) => w.inFlight.length < DEPTH);
      if (slot === undefined) return;
      const task = waiting.shift()!;
      const id = nextId++;
      slot.inFlight.push(id);
      inFlight.set(id, task);
      slot.worker.postMessage({ id, work: task.work } satisfies PrepareTask);
    }
  };

  const spawn = (): PoolWorker => {
    const slot: PoolWorker = { worker: startWorker(options.packs), inFlight: [] };
    slot.worker.on('message', (reply: PrepareReply) => {
      const task = inFlight.get(reply.id);
      inFlight.delete(reply.id);
      slot.inFlight = slot.inFlight.filter((id) => id !== reply.id);
      if (task !== undefined) {
        if ('error' in reply) task.reject(new Error(reply.error));
        else task.resolve(reply.result);
      }
      dispatch();
    });
    const fail = () => {
      if (closed) return;
      broken = true;
      const tasks = slot.inFlight.flatMap((id) => inFlight.get(id) ?? []);
      for (const id of slot.inFlight) inFlight.delete(id);
      slot.inFlight = [];
      waiting.unshift(...tasks);
      dispatch();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', fail);
    workers.push(slot);
    return slot;
  };

  const submit = (work: PrepareWork) =>
    new Promise<Result>((resolve, reject) => {
      waiting.push({ work, resolve, reject });
      dispatch();
    });

  return {
    prepare: async (input) => (await submit({ kind: 'prepare', input })) as PreparedDocument,
    learn: async (bodies) => (await submit({ kind: 'learn', bodies })) as LearnedRule[],
    async close() {
      closed = true;
      await Promise.all(workers.map((w) => w.worker.terminate()));
      for (const task of inFlight.values()) runHere(task);
      inFlight.clear();
      dispatch();
    },
  };
}

function startWorker(packs: readonly RulePack[] | undefined): Worker {
  return startModuleWorker(import.meta.url, 'prepare-worker', { packs });
}
