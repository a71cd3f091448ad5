// Preloaded with `node --import` when /usr/bin/time is missing: on exit, writes this process's
// peak RSS in KiB (process.resourceUsage().maxRSS) to the file named by BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
