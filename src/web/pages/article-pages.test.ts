import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RENDERED_HTML } from '../../clean/index.ts';
import type { Revision } from '../../store/index.ts';
import { articleBody } from './article-page.ts';
import { createReaderFixture, get, type ReaderFixture } from './testdata/reader-fixture.ts';

let f: ReaderFixture;

beforeEach(async () => {
  f = await createReaderFixture();
});

afterEach(async () => {
  await f.close();
});

async function text(path: string): Promise<string> {
  const response = await get(f, f.ann, path);
  expect(response.status, path).toBe(200);
  return response.text();
}

function content(page: string): string {
  return /data-testid="article-content">([\s\S]*?)<\/div>\n/.exec(page)?.[1] ?? '';
}

describe('the article page', () => {
  it('shows the cleaned body sanitized, with feed, time, history and original link (http only)', async () => {
    const page = await text(`/articles/${f.evilArticleId}`);
    const body = content(page);
    expect(body).toContain('Hello');
    expect(body).toContain('<img src="https://img.example/a.png"');
    expect(body).not.toMatch(/<script|onerror/);
    expect(page).toContain('data-testid="article-feed">&lt;script&gt;');
    expect(page).toContain('<time class="local" datetime="2026-11-26T10:00:00.000Z">');
    expect(page).not.toContain('data-testid="original-link"');
    expect(page).toContain(`href="/articles/${f.evilArticleId}/revisions" data-testid="history-link"`);
  });

  it('shows the raw original sanitized, never as received, and the source escaped', async () => {
    const original = content(await text(`/articles/${f.evilArticleId}?view=original`));
    expect(original).toContain('world');
    expect(original).not.toMatch(/<script|onerror|alert/);
    const source = await text(`/articles/${f.evilArticleId}?view=source`);
    expect(source).toContain('&lt;script&gt;alert(&quot;raw&quot;)&lt;/script&gt;');
    expect(source).toContain('onerror=&quot;alert(2)&quot;');
    expect(source).toContain('aria-current="page">Source</a>');
  });

  it('shows enclosures as players and thumbnails as pictures, each with its link, http(s) only', async () => {
    const page = await text(`/articles/${f.evilArticleId}`);
    expect(page).toContain(
      '<audio controls preload="none" src="https://media.example/ep1.mp3" data-testid="enclosure-audio">',
    );
    expect(page).toContain(
      '<img src="https://img.example/thumb.jpg" alt="" loading="lazy" data-testid="enclosure-image">',
    );
    expect(page).toContain(
      '<video controls preload="none" src="https://media.example/clip.mp4" data-testid="enclosure-video">',
    );
    expect(page).toContain('<a href="https://media.example/notes.pdf" rel="noopener noreferrer">application/pdf</a>');
    expect(page).not.toContain('alert(3)');
  });

  it('marks the article read when opened', async () => {
    const before = await f.ctx.store.articleStates(f.ann.user.id, [f.evilArticleId]);
    expect(before.get(f.evilArticleId)?.read).toBe(false);
    const page = await text(`/articles/${f.evilArticleId}`);
    expect((await f.ctx.store.articleStates(f.ann.user.id, [f.evilArticleId])).get(f.evilArticleId)?.read).toBe(true);
    expect(page).toContain('data-testid="unread-count">3</span>');
    expect(page).toMatch(/name="read" value="0"><button type="submit" data-testid="read-button">Mark unread/);
  });

  it('puts lang on Chinese content and links to the original', async () => {
    const page = await text(`/articles/${f.revisedArticleId}`);
    expect(page).toContain('<div class="content" lang="zh-CN" data-testid="article-content">');
    expect(page).toContain('<h1 lang="zh-CN" data-testid="article-title">今日天气</h1>');
    expect(page).toContain('href="https://news.example.cn/a/1" rel="noopener noreferrer" data-testid="original-link"');
    expect(page).toContain('History (3 revisions)');
  });

  it('answers an unknown or malformed article id with a 404 page', async () => {
    for (const path of ['/articles/999', '/articles/abc', '/articles/999/revisions']) {
      const response = await get(f, f.ann, path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).toContain('data-testid="not-found"');
    }
  });
});

describe('the revision history', () => {
  it('lists every revision and by default diffs the last two, with title change and character marks', async () => {
    const page = await text(`/articles/${f.revisedArticleId}/revisions`);
    expect(page.match(/data-testid="revision-row"/g)).toHaveLength(3);
    expect(page).toContain('<h2>#1 → #2</h2>');
    expect(page).toMatch(/data-testid="title-change" lang="zh-CN">Title: 今<del>天的<\/del><ins>日<\/ins>天气<\/p>/);
    expect(page).toContain(
      '<div class="diff" data-testid="diff" lang="zh-CN">今天天气不好，我们去<del>公园散步</del><ins>图书馆看书</ins>。</div>',
    );
  });

  it('diffs any two revisions chosen with from and to', async () => {
    const page = await text(`/articles/${f.revisedArticleId}/revisions?from=0&to=1`);
    expect(page).toContain('data-testid="title-unchanged"');
    expect(page).toContain('今天天气<del>很</del><ins>不</ins>好');
    const backwards = await text(`/articles/${f.revisedArticleId}/revisions?from=2&to=0`);
    expect(backwards).toContain('<del>不</del><ins>很</ins>');
    expect(backwards).toContain('<option value="2" selected>');
  });

  it('answers a revision that does not exist with 400 and says which exist', async () => {
    const response = await get(f, f.ann, `/articles/${f.revisedArticleId}/revisions?from=0&to=7`);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('revisions #0 to #2');
  });

  it('says there is nothing to compare for a single revision', async () => {
    const page = await text(`/articles/${f.evilArticleId}/revisions`);
    expect(page).toContain('one version only');
    expect(page).not.toContain('data-testid="diff"');
  });
});

describe('what one article costs a page', () => {
  it('renders at most the first MAX_RENDERED_HTML characters of a body, in every view, and says so', () => {
    const body = `${'<p>early text</p>'.repeat(Math.ceil(MAX_RENDERED_HTML / 17) + 100)}<p>the tail</p>`;
    const revision = {
      number: 0,
      rawBody: body,
      cleanedBody: body,
      authors: [],
      categories: [],
      seenAt: 0,
    } as unknown as Revision;
    for (const view of ['cleaned', 'original', 'source'] as const) {
      const page = articleBody(revision, view, 42).toString();
      expect(page, view).toContain('early text');
      expect(page, view).not.toContain('the tail');
      expect(page, view).toContain('data-testid="article-cut"');
      expect(page, view).toContain('tidings show 42 --html');
      // The source view escapes markup, which lengthens it, but only by a factor.
      expect(page.length, view).toBeLessThan((view === 'source' ? 2 : 1) * MAX_RENDERED_HTML + 2000);
    }
    const small = { ...revision, rawBody: '<p>x</p>', cleanedBody: '<p>x</p>' } as Revision;
    expect(articleBody(small, 'cleaned').toString()).not.toContain('article-cut');
  });
});
