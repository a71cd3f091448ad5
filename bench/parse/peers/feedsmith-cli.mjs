// The feedsmith peer for `npm run bench:parse`: for each file argument, read, decode, parseFeed,
// and print the result as one JSON line with an added "file" key (an {file, error} line on
// failure), mirroring `tidings parse --json --raw FILE...`.
import { readFileSync } from 'node:fs';
import { parseFeed } from 'feedsmith';
import { decodeFeed } from './decode-feed.mjs';

for (const file of process.argv.slice(2)) {
  let line;
  try {
    line = JSON.stringify({ file, ...parseFeed(decodeFeed(readFileSync(file))) });
  } catch (error) {
    line = JSON.stringify({ file, error: String(error?.message ?? error) });
  }
  process.stdout.write(`${line}\n`);
}
