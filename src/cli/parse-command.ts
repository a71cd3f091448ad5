/**
 * `tidings parse`: reads feed documents and prints what the parser makes of them, exactly as
 * ../shared/PARSE-JSON.md says. It never touches the network or the database. HTML values
 * are sanitized here (the parser returns raw values; sanitizing is a stage of its own) unless
 * `--raw` asks for the parser's output as it is.
 */
import { readFileSync } from 'node:fs';
import { sanitizeHtml } from '../clean/sanitize-html.ts';
import type { ParsedFeed } from '../domain/parsed-feed.ts';
import { parseFeed, type ParseFeedOptions } from '../parse/parse-feed.ts';
import { createBufferedOutput } from '../util/buffered-output.ts';
import { formatFeedSummary } from './format-feed-summary.ts';

/** Options of `tidings parse`, as commander gives them. */
export interface ParseCommandOptions {
  json?: boolean;
  raw?: boolean;
  pretty?: boolean;
  url?: string;
  contentType?: string;
  header: string[];
}

async function readInput(file: string): Promise<Uint8Array> {
  if (file !== '-') return readFileSync(file);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseHeaders(lines: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`--header expects 'Name: value', got '${line}'`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** Returns `feed` with every HTML value sanitized (PARSE-JSON.md: no script, handlers or dangerous URLs). */
export function sanitizeParsedFeed(feed: ParsedFeed): ParsedFeed {
  const meta = feed.feed;
  if (meta.titleType === 'html' && meta.title !== undefined) meta.title = sanitizeHtml(meta.title);
  if (meta.subtitleType === 'html' && meta.subtitle !== undefined) meta.subtitle = sanitizeHtml(meta.subtitle);
  if (meta.rightsType === 'html' && meta.rights !== undefined) meta.rights = sanitizeHtml(meta.rights);
  for (const item of feed.items) {
    if (item.titleType === 'html' && item.title !== undefined) item.title = sanitizeHtml(item.title);
    if (item.summaryType === 'html' && item.summary !== undefined) item.summary = sanitizeHtml(item.summary);
    if (item.contentType === 'html' && item.content !== undefined) item.content = sanitizeHtml(item.content);
  }
  return feed;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'EISDIR') return 'is a directory';
    if (code === 'EACCES') return 'permission denied';
    return error.message;
  }
  return String(error);
}

/** Runs `tidings parse` and returns the exit status: 0 when every file gave a feed, 1 otherwise. */
export async function runParse(files: string[], options: ParseCommandOptions): Promise<number> {
  const parseOptions: ParseFeedOptions = { url: options.url, contentType: options.contentType, headers: parseHeaders(options.header) };
  const out = createBufferedOutput(process.stdout);
  const lines = files.length > 1;
  const indent = options.pretty ? 2 : undefined;
  let failed = 0;
  for (const file of files) {
    let result: { feed: ParsedFeed } | { error: string };
    try {
      const parsed = parseFeed(await readInput(file), parseOptions);
      result = parsed.kind === 'feed'
        ? { feed: options.raw ? parsed.feed : sanitizeParsedFeed(parsed.feed) }
        : { error: parsed.error.message };
    } catch (error) {
      result = { error: describeError(error) };
    }
    if ('error' in result) {
      failed++;
      process.stderr.write(`tidings: ${file}: ${result.error}\n`);
      if (options.json && lines) await out.write(`${JSON.stringify({ file, error: result.error })}\n`);
      continue;
    }
    if (!options.json) await out.write(formatFeedSummary(file, result.feed));
    else if (lines) await out.write(`${JSON.stringify({ file, ...result.feed }, null, indent)}\n`);
    else await out.write(`${JSON.stringify(result.feed, null, indent)}\n`);
  }
  await out.flush();
  return failed > 0 ? 1 : 0;
}
