/**
 * The setup most ingest tests share: the fixture feed server and a test context over a
 * temporary data folder, started before a file's tests and stopped (folder removed) after.
 */
import { afterAll, beforeAll } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../../test/fixture-server/index.ts';
import { createTestContext, removeFolder, type TestContext } from './test-context.ts';

/** Registers the hooks; `ready` receives the server and context once both are up. */
export function useFixtureWorld(ready: (server: FixtureServer, ctx: TestContext) => void): void {
  let server: FixtureServer | undefined;
  let ctx: TestContext | undefined;
  beforeAll(async () => {
    server = await startFixtureServer();
    ctx = await createTestContext();
    ready(server, ctx);
  });
  afterAll(async () => {
    await ctx?.close();
    await server?.close();
    if (ctx !== undefined) await removeFolder(ctx.dir);
  });
}
