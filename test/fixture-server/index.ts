// test/fixture-server/ owns the local HTTP server and sample feeds shared by end-to-end tests.
// Test-only code: nothing under src/ may import it.

export { startFixtureServer, buildDefaultRoutes } from './fixture-server.ts';
export type { FixtureServer, LoggedRequest, RouteSpec } from './fixture-server.ts';
export { createFixtureFeed } from './fixture-feed.ts';
export type { FixtureFeed } from './fixture-feed.ts';
export { buildAlternatePage, buildRss, escapeXml, sampleItems } from './feed-builders.ts';
export type { SampleFeed, SampleItem } from './feed-builders.ts';
export { buildGzipBomb, dripSlowly, streamHuge } from './hostile-bodies.ts';
