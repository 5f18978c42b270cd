// Preloaded (`node --require`) into every timed process: on exit it writes the process's peak
// resident set size (kB) and CPU time (user + system, µs) as JSON to the file named by
// BENCH_RSS_FILE. This works the same on every platform Node runs on, unlike `/usr/bin/time -v`.
'use strict';
const { writeFileSync } = require('node:fs');
const { isMainThread } = require('node:worker_threads');

// Worker threads load preloads too; only the main thread, which exits last, reports.
if (isMainThread) {
  process.on('exit', () => {
    const file = process.env.BENCH_RSS_FILE;
    if (!file) return;
    const usage = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRssKb: usage.maxRSS, cpuMicros: usage.userCPUTime + usage.systemCPUTime }));
  });
}
