/**
 * Starts a worker thread from a module beside the caller, whether the code runs compiled (dist/,
 * `.js`) or from its TypeScript sources (tests, benchmarks), where the worker needs tsx's loader
 * registered before it imports the module.
 */
import { Worker, type TransferListItem } from 'node:worker_threads';

/** Starts `name` (a module file name without extension, beside `callerUrl`, the caller's import.meta.url) as a worker thread. */
export function startModuleWorker(
  callerUrl: string,
  name: string,
  workerData: unknown,
  transferList: TransferListItem[] = [],
): Worker {
  const fromSource = callerUrl.endsWith('.ts');
  const entry = new URL(`./${name}${fromSource ? '.ts' : '.js'}`, callerUrl);
  if (!fromSource) return new Worker(entry, { workerData, transferList });
  const code = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(code, { eval: true, workerData, transferList });
}
