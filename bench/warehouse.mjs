// The relational exports and `claims sql`, timed against `claims validate` on the same dataset (issue 14's targets:
// export --format sqlite and --format parquet ≤ 2×, sql with a grouped aggregate ≤ 1.5×, peak memory ≤ 2× validate's).
// Called by run.mjs for each size; also runs alone: node bench/warehouse.mjs --size 50000 [--runs 3]
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const project = resolve(here, '..');
const claimsBin = join(project, 'bin', 'claims.js');

/** The grouped aggregate timed: the share of company-only figures per category and year (a README example). */
export const GROUPED_QUERY =
  "SELECT category, substr(as_of, 1, 4) AS year, count(*) AS claims, round(avg(origins_self > 0 AND origin_count = origins_self), 3) AS company_only FROM claims WHERE amount IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2";

/** Runs one command; wall seconds and peak RSS (MiB) of its Node process. */
function time(argv, cwd) {
  const rssFile = join(cwd, `.rss-${process.pid}.txt`);
  rmSync(rssFile, { force: true });
  const env = { ...process.env, NODE_OPTIONS: `--require ${join(here, 'rss.cjs')}`, BENCH_RSS_FILE: rssFile, NO_COLOR: '1' };
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = existsSync(rssFile) ? Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number)) / 1024 : null;
  rmSync(rssFile, { force: true });
  return { wall, rss, status: r.status };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Times validate, export --format sqlite, export --format parquet and sql (grouped) on the dataset in `dir` (with a `claims/` folder), alternating them each round. */
export function benchWarehouse(dir, runs) {
  const today = ['--today', '2026-11-24'];
  const db = join(dir, 'bench-claims.db');
  const pq = join(dir, 'bench-parquet');
  const commands = {
    validate: [claimsBin, 'validate', ...today, '--format', 'json'],
    'export --format sqlite': [claimsBin, 'export', '--format', 'sqlite', '--out', db, ...today],
    'export --format parquet': [claimsBin, 'export', '--format', 'parquet', '--out', pq, ...today],
    'sql (grouped aggregate)': [claimsBin, 'sql', GROUPED_QUERY, '--format', 'csv', ...today],
  };
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let r = 0; r < runs; r++) for (const [name, argv] of Object.entries(commands)) samples[name].push(time(argv, dir));
  rmSync(db, { force: true });
  rmSync(pq, { recursive: true, force: true });
  const wall = (name) => median(samples[name].map((s) => s.wall));
  const rss = (name) => (samples[name].every((s) => s.rss !== null) ? median(samples[name].map((s) => s.rss)) : null);
  const rows = {};
  for (const name of Object.keys(commands)) {
    const mem = rss(name);
    rows[name] = {
      median_s: Number(wall(name).toFixed(3)), ratio: Number((wall(name) / wall('validate')).toFixed(2)),
      peak_rss_mib: mem === null ? null : Number(mem.toFixed(1)), rss_ratio: mem === null || !rss('validate') ? null : Number((mem / rss('validate')).toFixed(2)),
      exit: [...new Set(samples[name].map((s) => s.status))],
    };
  }
  return rows;
}

/** Prints the rows as a small table. */
export function printWarehouse(size, runs, rows) {
  console.log(`\nrelational exports and sql on ${size} claims (median of ${runs}; × is against validate on the same dataset; targets: sqlite and parquet ≤ 2×, sql ≤ 1.5×, memory ≤ 2×):`);
  for (const [name, r] of Object.entries(rows)) {
    console.log(`${name.padEnd(26)} ${r.median_s.toFixed(3).padStart(8)} ${r.ratio.toFixed(2).padStart(6)}× ${(r.peak_rss_mib?.toFixed(0) ?? '—').padStart(6)} MiB ${(r.rss_ratio?.toFixed(2) ?? '—').padStart(5)}×  exit ${r.exit.join(',')}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : dflt);
  const size = Number(opt('size', '1000'));
  const runs = Number(opt('runs', '3'));
  const { generate } = await import('./generate.mjs');
  const dir = join(project, 'bench', 'data', `w${size}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  generate(dir, size);
  cpSync(join(project, 'schemas'), join(dir, 'schemas'), { recursive: true });
  printWarehouse(size, runs, benchWarehouse(dir, runs));
  rmSync(dir, { recursive: true, force: true });
}
