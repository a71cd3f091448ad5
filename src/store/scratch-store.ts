/** A new, empty store built beside the live one (a rebuild from the archive), and how it takes the live one's place. */
import type { Store } from './store.ts';

/** A store being built to replace the live one; exactly one of `replaceLive` and `discard` is called. */
export interface ScratchStore {
  readonly store: Store;
  /**
   * Closes the scratch store and puts it in the live one's place, keeping the old data as a backup
   * (`backup` names it); throws AppError `store.busy`, changing nothing, while another process uses the live store.
   */
  replaceLive(): Promise<{ backup?: string }>;
  /** Closes the scratch store and removes it. */
  discard(): Promise<void>;
}
