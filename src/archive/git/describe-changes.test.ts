import { describe, expect, it } from 'vitest';
import { formatCommitMessage, parseNameStatus, summarizeChanges } from './describe-changes.ts';

const titles: Record<string, string> = { 'www.rfi.fr-1a2b3c4d': 'RFI 中文', 'www.bbc.com-5e6f7a8b': 'BBC 中文' };
const titleOf = (folder: string) => titles[folder] ?? folder;

describe('describing a commit', () => {
  it('reads NUL-separated name-status output, Chinese paths included', () => {
    const output = Buffer.from('A\0存档/000_0123456789abcdef.txt\0M\0README.md\0', 'utf8');
    expect(parseNameStatus(output)).toEqual([
      { status: 'A', path: '存档/000_0123456789abcdef.txt' },
      { status: 'M', path: 'README.md' },
    ]);
  });

  it('counts new articles, revisions, re-cleaned and removed files per folder, ignoring sidecars and READMEs', () => {
    const changes = summarizeChanges([
      { status: 'A', path: 'www.rfi.fr-1a2b3c4d/000_0000000000000001.txt' },
      { status: 'A', path: 'www.rfi.fr-1a2b3c4d/000_0000000000000002.txt' },
      { status: 'A', path: 'www.rfi.fr-1a2b3c4d/001_0000000000000003.txt' },
      { status: 'M', path: 'www.rfi.fr-1a2b3c4d/index.jsonl' },
      { status: 'M', path: 'www.bbc.com-5e6f7a8b/000_0000000000000004.txt' },
      { status: 'D', path: 'www.bbc.com-5e6f7a8b/000_0000000000000005.txt' },
      { status: 'A', path: 'www.bbc.com-5e6f7a8b/README.md' },
      { status: 'A', path: 'www.bbc.com-5e6f7a8b/.000_x.txt.tmp-1-ab' },
    ]);
    expect(changes).toEqual([
      { folder: 'www.bbc.com-5e6f7a8b', added: 0, revised: 0, rewritten: 1, removed: 1 },
      { folder: 'www.rfi.fr-1a2b3c4d', added: 2, revised: 1, rewritten: 0, removed: 0 },
    ]);
  });

  it('names each feed in the subject, in title order', () => {
    const message = formatCommitMessage(
      [
        { folder: 'www.rfi.fr-1a2b3c4d', added: 12, revised: 3, rewritten: 0, removed: 0 },
        { folder: 'www.bbc.com-5e6f7a8b', added: 4, revised: 0, rewritten: 0, removed: 0 },
      ],
      titleOf,
    );
    expect(message).toBe('BBC 中文: 4 new; RFI 中文: 12 new, 3 revised\n');
  });

  it('gives totals in the subject and one line per feed in the body when the subject would be too long', () => {
    const changes = Array.from({ length: 12 }, (_, i) => ({
      folder: `feed-${String(i).padStart(2, '0')}`,
      added: i + 1,
      revised: i % 2,
      rewritten: 0,
      removed: 0,
    }));
    const [subject, blank, ...body] = formatCommitMessage(changes, (f) => `新闻 ${f}`)
      .trimEnd()
      .split('\n');
    expect(subject).toBe('12 feeds: 78 new, 6 revised');
    expect(blank).toBe('');
    expect(body).toHaveLength(12);
    expect(body[0]).toBe('新闻 feed-00: 1 new');
  });

  it('says what a commit of sidecars alone is', () => {
    expect(formatCommitMessage([], titleOf)).toBe('Update the archive index\n');
  });
});
