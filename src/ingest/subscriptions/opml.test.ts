import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOpml } from '../../parse/opml/index.ts';
import { exportOpml, importOpml } from './opml.ts';
import { createTestContext, removeFolder, type TestContext } from '../testdata/test-context.ts';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestContext();
});

afterAll(async () => {
  await ctx.close();
  await removeFolder(ctx.dir);
});

const OPML = `<?xml version="1.0"?>
<opml version="2.0"><head><title>Mine</title></head><body>
  <outline text="News"><outline text="World">
    <outline type="rss" text="RFI 中文" xmlUrl="https://www.rfi.fr/cn/rss" htmlUrl="https://www.rfi.fr/cn/"/>
  </outline></outline>
  <outline text="Tech"><outline type="rss" text="Example" xmlUrl="https://example.com/feed.xml"/></outline>
  <outline type="rss" text="Loose" xmlUrl="https://loose.example.org/atom"/>
  <outline type="rss" text="Bad" xmlUrl="javascript:alert(1)"/>
</body></opml>`;

describe('OPML import and export', () => {
  it('imports feeds with their categories, reports each one, and exports them back', async () => {
    const file = join(ctx.dir, 'in.opml');
    await writeFile(file, OPML);
    const result = await importOpml(ctx, file);
    if (result.kind !== 'imported') throw new Error(result.error.message);
    expect(result.items.map((i) => [i.url, i.kind, i.category])).toEqual([
      ['https://www.rfi.fr/cn/rss', 'added', 'News/World'],
      ['https://example.com/feed.xml', 'added', 'Tech'],
      ['https://loose.example.org/atom', 'added', undefined],
      ['javascript:alert(1)', 'invalid', undefined],
    ]);
    const again = await importOpml(ctx, file);
    expect(again.kind === 'imported' && again.items.map((i) => i.kind)).toEqual([
      'exists',
      'exists',
      'exists',
      'invalid',
    ]);

    const exported = await exportOpml(ctx);
    expect(await exportOpml(ctx)).toBe(exported);
    const parsed = parseOpml(exported);
    if (parsed.kind !== 'opml') throw new Error('not opml');
    expect(parsed.feeds.map((f) => [f.xmlUrl, f.title, f.categories])).toEqual([
      ['https://www.rfi.fr/cn/rss', 'RFI 中文', ['News/World']],
      ['https://example.com/feed.xml', 'Example', ['Tech']],
      ['https://loose.example.org/atom', 'Loose', []],
    ]);
  });

  it('fails with a clear error for a missing file or a document that is not OPML', async () => {
    expect(await importOpml(ctx, join(ctx.dir, 'nope.opml'))).toMatchObject({
      kind: 'failed',
      error: { code: 'input.unreadable' },
    });
    const file = join(ctx.dir, 'rss.xml');
    await writeFile(file, '<rss version="2.0"><channel/></rss>');
    expect(await importOpml(ctx, file)).toMatchObject({ kind: 'failed', error: { code: 'parse.not-opml' } });
  });
});
