// Preloaded into every Node process the benchmark starts: records the process's peak RSS (KiB) on exit.
const { appendFileSync } = require('node:fs');
const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
