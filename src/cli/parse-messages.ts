/** The messages between `tidings parse` and its threads. */

/** A file for a worker to parse. */
export interface PoolRequest {
  index: number;
  file: string;
}

/** A thread's answer: the file's stdout (UTF-8 bytes from a worker, text pieces from the main thread) and its error, if it failed. */
export interface PoolReply {
  index: number;
  output: Uint8Array | string[];
  error?: string;
}
