/**
 * The work `tidings parse` does for one file, whether on the main thread or in a worker
 * (parse-pool.ts): read, parse, sanitize unless raw, and render what goes to stdout and to
 * stderr. The sanitizer (sanitize-html and its parser) is loaded only when it is needed, so
 * `--raw` does not pay its start-up.
 */
import type { ParsedFeed } from '../domain/parsed-feed.ts';
import { parseFeed, type ParseFeedOptions } from '../parse/parse-feed.ts';
import { formatFeedSummary } from './format-feed-summary.ts';
import { readFileReusing } from './read-file-reusing.ts';

/** How each file is rendered; plain data, so it can be handed to a worker. */
export interface RenderSettings {
  json: boolean;
  raw: boolean;
  /** JSON indentation (`--pretty`), or undefined for one line. */
  indent: number | undefined;
  /** True when several files are printed: JSON Lines with a leading "file" key. */
  lines: boolean;
  parse: ParseFeedOptions;
}

/** What one file gives: the text for stdout, in pieces to write one after the other (possibly none), and, when it failed, why. */
export interface FileOutcome {
  output: string[];
  error?: string;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Returns `feed` with every HTML value sanitized (docs/parse-json.md: no script, handlers or dangerous URLs). */
export async function sanitizeParsedFeed(feed: ParsedFeed): Promise<ParsedFeed> {
  const { sanitizeHtml } = await import('../clean/sanitize-html.ts');
  const meta = feed.feed;
  if (meta.titleType === 'html' && meta.title !== undefined) meta.title = sanitizeHtml(meta.title);
  if (meta.subtitleType === 'html' && meta.subtitle !== undefined) meta.subtitle = sanitizeHtml(meta.subtitle);
  if (meta.rightsType === 'html' && meta.rights !== undefined) meta.rights = sanitizeHtml(meta.rights);
  for (const item of feed.items) {
    if (item.titleType === 'html' && item.title !== undefined) item.title = sanitizeHtml(item.title);
    if (item.summaryType === 'html' && item.summary !== undefined) item.summary = sanitizeHtml(item.summary);
    if (item.contentType === 'html' && item.content !== undefined) item.content = sanitizeHtml(item.content);
    if (item.rightsType === 'html' && item.rights !== undefined) item.rights = sanitizeHtml(item.rights);
    const media = item.media;
    if (media !== undefined) {
      if (media.descriptionType === 'html' && media.description !== undefined)
        media.description = sanitizeHtml(media.description);
      for (const part of [...(media.contents ?? []), ...(media.groups ?? [])])
        if (part.descriptionType === 'html' && part.description !== undefined)
          part.description = sanitizeHtml(part.description);
    }
    const source = item.source;
    if (source !== undefined) {
      if (source.titleType === 'html' && source.title !== undefined) source.title = sanitizeHtml(source.title);
      if (source.subtitleType === 'html' && source.subtitle !== undefined)
        source.subtitle = sanitizeHtml(source.subtitle);
      if (source.rightsType === 'html' && source.rights !== undefined) source.rights = sanitizeHtml(source.rights);
    }
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

/**
 * Returns `feed` as one JSON value, with `file` as its first key in JSON Lines mode. Without
 * indentation each item is stringified on its own: one JSON.stringify of a whole feed returns
 * a rope of parts that costs a copy into fresh memory to flatten before UTF-8 encoding; per
 * item, that copy stays small and short-lived. The bytes are exactly JSON.stringify's. Measured
 * and dropped (bench/README.md, "`tidings parse`: start-up, reading, JSON, threads"): a JSON
 * writer in JavaScript escaping straight into a Buffer (charCodeAt loops turn slow over V8's
 * mix of sliced and two-byte strings; Object.keys lookups miss once parsing has filled the
 * megamorphic cache), and splicing natively encoded, byte-escaped bodies into per-item
 * JSON.stringify output (faster bodies, but the per-item splice cost the gain back): neither
 * beat this in the whole command.
 */
function renderJson(file: string, feed: ParsedFeed, settings: RenderSettings): string[] {
  const value: Partial<ParsedFeed> & { file?: string } = settings.lines ? { file, ...feed } : feed;
  if (settings.indent !== undefined) return [JSON.stringify(value, null, settings.indent), '\n'];
  const { items, ...head } = value;
  if (items === undefined) return [JSON.stringify(head), '\n'];
  const headJson = JSON.stringify(head);
  const pieces = [headJson === '{}' ? '{"items":[' : `${headJson.slice(0, -1)},"items":[`];
  for (let i = 0; i < items.length; i++) {
    if (i > 0) pieces.push(',');
    pieces.push(JSON.stringify(items[i]));
  }
  pieces.push(']}\n');
  return pieces;
}

/** Returns what `tidings parse` prints for `file` ("-" is stdin); never rejects. */
export async function parseOneFile(file: string, settings: RenderSettings): Promise<FileOutcome> {
  let error: string;
  try {
    // No await between reading a file and parsing it: its bytes live in a reused buffer.
    const bytes = file === '-' ? await readStdin() : readFileReusing(file);
    const parsed = parseFeed(bytes, settings.parse);
    if (parsed.kind === 'feed') {
      const feed = settings.raw ? parsed.feed : await sanitizeParsedFeed(parsed.feed);
      return { output: settings.json ? renderJson(file, feed, settings) : [formatFeedSummary(file, feed)] };
    }
    error = parsed.error.message;
  } catch (caught) {
    error = describeError(caught);
  }
  return { output: settings.json && settings.lines ? [`${JSON.stringify({ file, error })}\n`] : [], error };
}
