/**
 * `tidings export opml [FILE]`: the subscriptions as OPML 2.0 with categories as folders,
 * on stdout or written atomically to FILE.
 */
import { exportOpml } from '../ingest/index.ts';
import { writeFileAtomic } from '../util/write-file-atomic.ts';
import { EXIT, fail, type CliIo } from './cli-io.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Runs `tidings export opml`; exit 1 when FILE cannot be written. */
export async function runExportOpml(io: CliIo, globals: GlobalOptions, file: string | undefined): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    const opml = await exportOpml(ctx);
    if (file === undefined || file === '-') {
      io.stdout(opml);
      return EXIT.ok;
    }
    try {
      await writeFileAtomic(file, opml);
    } catch (error) {
      return fail(io, `cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return EXIT.ok;
  });
}
