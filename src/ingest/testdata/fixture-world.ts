/**
 * The setup most ingest tests share: the fixture feed server and a test context over a
 * temporary data folder, started before a file's tests (or before each test) and stopped
 * (folder removed) after.
 */
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../../../test/fixture-server/index.ts';
import { createTestContext, removeFolder, type TestContext } from './test-context.ts';

/**
 * Registers the hooks; `ready` receives the server and context once both are up. With
 * `perTest`, every test gets a new server (its feed as first served, the default routes) and
 * an empty store, so that no test depends on what another did or on the order they run in.
 */
export function useFixtureWorld(
  ready: (server: FixtureServer, ctx: TestContext) => void,
  options: { perTest?: boolean } = {},
): void {
  const [before, after] = options.perTest === true ? [beforeEach, afterEach] : [beforeAll, afterAll];
  let server: FixtureServer | undefined;
  let ctx: TestContext | undefined;
  before(async () => {
    server = await startFixtureServer();
    ctx = await createTestContext();
    ready(server, ctx);
  });
  after(async () => {
    await ctx?.close();
    await server?.close();
    if (ctx !== undefined) await removeFolder(ctx.dir);
    server = undefined;
    ctx = undefined;
  });
}
