// The rss-parser peer for `npm run bench:parse`: for each file argument, read, decode,
// parseString, and print the result as one JSON line with an added "file" key (an {file, error}
// line on failure), mirroring `tidings parse --json --raw FILE...`.
import { readFileSync } from 'node:fs';
import Parser from 'rss-parser';
import { decodeFeed } from './decode-feed.mjs';

const parser = new Parser();
for (const file of process.argv.slice(2)) {
  let line;
  try {
    line = JSON.stringify({ file, ...(await parser.parseString(decodeFeed(readFileSync(file)))) });
  } catch (error) {
    line = JSON.stringify({ file, error: String(error?.message ?? error) });
  }
  process.stdout.write(`${line}\n`);
}
