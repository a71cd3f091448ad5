/**
 * The main thread's share of a parse pool (parse-pool.ts): it looks like a worker to the pool
 * (postMessage in, 'message' events out) but parses on the main thread, one file per turn of
 * the event loop so that the other workers' replies are still received and written in between.
 * Why: on the 2-core bench machine the main thread otherwise sits idle while two workers
 * parse, and each worker costs ~60 ms of start-up before its first file.
 */
import { EventEmitter } from 'node:events';
import type { RenderSettings } from './parse-one-file.ts';
import type { PoolReply, PoolRequest } from './parse-messages.ts';

/** A pool member that parses on the calling thread; its replies carry the text pieces unencoded. */
export class MainThreadWorker extends EventEmitter {
  private readonly queue: PoolRequest[] = [];
  private busy = false;

  constructor(private readonly settings: RenderSettings) {
    super();
  }

  /** Queues a file, as Worker.postMessage would. */
  postMessage(request: PoolRequest): void {
    this.queue.push(request);
    if (!this.busy) this.schedule();
  }

  /** Nothing to stop: the queue is simply dropped. */
  async terminate(): Promise<void> {
    this.queue.length = 0;
  }

  private schedule(): void {
    this.busy = true;
    setImmediate(() => void this.parseNext());
  }

  private async parseNext(): Promise<void> {
    const request = this.queue.shift();
    if (request === undefined) {
      this.busy = false;
      return;
    }
    const { parseOneFile } = await import('./parse-one-file.ts');
    const outcome = await parseOneFile(request.file, this.settings);
    const reply: PoolReply = { index: request.index, output: outcome.output, error: outcome.error };
    this.emit('message', reply);
    if (this.queue.length > 0) this.schedule();
    else this.busy = false;
  }
}
