/**
 * The human-readable form of `tidings parse` (without `--json`): what the feed is, whether it
 * needed recovering, and its items, newest information first, one line each.
 */
import type { ParsedFeed } from '../domain/parsed-feed.ts';

function shortDate(iso: string | undefined): string {
  return iso === undefined ? '                ' : `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

function oneLine(text: string | undefined): string {
  return (text ?? '(untitled)').replace(/\s+/g, ' ').trim();
}

/** Returns a few lines describing `feed`, for a terminal. */
export function formatFeedSummary(file: string, feed: ParsedFeed): string {
  const lines = [
    `${file}: ${feed.format}, ${feed.encoding}, ${feed.items.length} items${feed.wellFormed ? '' : ', recovered from broken input'}`,
    `  ${oneLine(feed.feed.title)}${feed.feed.link ? `  <${feed.feed.link}>` : ''}`,
  ];
  for (const problem of feed.problems) lines.push(`  ! ${problem}`);
  for (const item of feed.items) lines.push(`  ${shortDate(item.published ?? item.updated)}  ${oneLine(item.title)}`);
  return `${lines.join('\n')}\n`;
}
