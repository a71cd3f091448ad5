/**
 * A worker thread of the prepare pool (prepare-pool.ts): for each fetched document it is
 * sent, it parses it and prepares its entries with the rule packs it was started with (or
 * learns boilerplate from the bodies it is sent), and posts the plain result back. It touches
 * no store, network or file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RulePack } from '../../clean/index.ts';
import { doPrepareWork, type PrepareReply, type PrepareTask } from './prepare-pool.ts';

const { packs } = workerData as { packs: readonly RulePack[] | undefined };

parentPort?.on('message', (task: PrepareTask) => {
  doPrepareWork(task.work, packs).then(
    (result) => parentPort?.postMessage({ id: task.id, result } satisfies PrepareReply),
    (error: unknown) =>
      parentPort?.postMessage({
        id: task.id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies PrepareReply),
  );
});
