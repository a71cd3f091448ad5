/**
 * A worker thread of the prepare pool (prepare-pool.ts): for each fetched document it is
 * sent, it parses it and prepares its entries with the rule packs it was started with, and
 * posts the plain result back. It touches no store, network or file.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { RulePack } from '../clean/index.ts';
import { prepareDocument } from './prepare-document.ts';
import type { PrepareReply, PrepareTask } from './prepare-pool.ts';

const { packs } = workerData as { packs: readonly RulePack[] | undefined };

parentPort?.on('message', (task: PrepareTask) => {
  let reply: PrepareReply;
  try {
    reply = { id: task.id, result: prepareDocument(task.input, packs) };
  } catch (error) {
    reply = { id: task.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(reply);
});
