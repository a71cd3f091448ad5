// Preloaded with `node --import` when /usr/bin/time is missing: on exit, writes this process's
// peak RSS in KiB (process.resourceUsage().maxRSS) and its user and system CPU seconds to the
// file named by BENCH_RSS_FILE, in the format run-timed.ts asks of /usr/bin/time (-f '%M %U %S').
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const usage = process.resourceUsage();
  const line = `${usage.maxRSS} ${(usage.userCPUTime / 1e6).toFixed(2)} ${(usage.systemCPUTime / 1e6).toFixed(2)}`;
  if (process.env.BENCH_RSS_FILE) writeFileSync(process.env.BENCH_RSS_FILE, line);
});
