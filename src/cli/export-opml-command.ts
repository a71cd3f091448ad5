/**
 * `tidings export opml [FILE]`: the subscriptions as OPML 2.0 with categories as folders,
 * on stdout or written atomically to FILE. A feed no other reader could fetch (an `archive:`
 * feed imported from a bare folder) is left out, each named on stderr.
 */
import { exportOpml } from '../ingest/index.ts';
import { writeFileAtomic } from '../util/write-file-atomic.ts';
import { EXIT, fail, type CliIo } from './cli-io.ts';
import { withContext, type GlobalOptions } from './with-context.ts';

/** Runs `tidings export opml`; exit 1 when FILE cannot be written. */
export async function runExportOpml(io: CliIo, globals: GlobalOptions, file: string | undefined): Promise<number> {
  return withContext(io, globals, async (ctx) => {
    let leftOut = 0;
    const opml = await exportOpml(ctx, {
      onLeftOut: (url) => {
        leftOut++;
        io.stderr(`tidings: left out ${url}: not an http(s) URL, no other reader could fetch it\n`);
      },
    });
    if (leftOut > 0) io.stderr(`tidings: ${leftOut} feeds left out of the OPML list\n`);
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
