// `npm run bench`: times whole processes on synthetic datasets, as ratios to a floor measured in the same run.
// Usage: node bench/run.mjs [--sizes 1000,10000,50000] [--runs 3] [--out bench/results.json] [--large]
// --large (or BENCH_LARGE=1) also times validate once on 200,000 claims and extrapolates a million from the growth.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addHub, generate, generateHistory } from './generate.mjs';
import { benchWarehouse, printWarehouse } from './warehouse.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const project = resolve(here, '..');
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const sizes = opt('sizes', '1000,10000,50000').split(',').map(Number);
const runs = Number(opt('runs', '3'));
const out = resolve(opt('out', join(here, 'results.json')));
const claimsBin = join(project, 'bin', 'claims.js');
const ajvBin = join(project, 'node_modules', 'ajv-cli', 'dist', 'index.js');
const hasYamllint = spawnSync('yamllint', ['--version']).status === 0;
const rssFile = join(project, 'bench', 'data', 'rss.txt');

if (!existsSync(join(project, 'dist', 'claims.js'))) {
  console.error('bench: build first (npm run build)');
  process.exit(2);
}

/** Runs one command; returns wall seconds, peak RSS in MiB (largest Node process, or /usr/bin/time), and exit status. */
function time(cmd, argv, cwd, extra = {}) {
  rmSync(rssFile, { force: true });
  const env = { ...process.env, NODE_OPTIONS: `--require ${join(here, 'rss.cjs')}`, BENCH_RSS_FILE: rssFile, NO_COLOR: '1', ...extra.env };
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, argv, { cwd: extra.cwd ?? cwd, env, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  let rss = null;
  if (existsSync(rssFile)) rss = Math.max(...readFileSync(rssFile, 'utf8').trim().split('\n').map(Number)) / 1024;
  return { wall, rss, status: r.status };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/**
 * The writing commands on a copy of the dataset where one wire source is cited by 1,000 claims (or a tenth of a smaller
 * one): `cite` onto a claim, `set` on the source, `rename` of the source (which rewrites every claim citing it). Each
 * run starts from a fresh copy (untimed), and each is a ratio to `validate` on the same copy.
 */
function benchEdits(dir, size) {
  const hub = join(project, 'bench', 'data', `h${size}`);
  const template = `${hub}-template`;
  for (const d of [hub, template]) rmSync(d, { recursive: true, force: true });
  cpSync(join(dir, 'claims'), join(template, 'claims'), { recursive: true });
  cpSync(join(project, 'schemas'), join(template, 'schemas'), { recursive: true });
  const cited = Math.min(1000, Math.floor(size / 10));
  const { notCiting } = addHub(template, size, cited);
  const today = ['--today', '2026-11-24'];
  const commands = {
    'validate (same dataset)': [claimsBin, 'validate', ...today, '--format', 'json'],
    [`cite ${notCiting} --source wire-hub`]: [claimsBin, 'cite', notCiting, '--source', 'wire-hub', '--quote', 'The wire carried it.', ...today],
    'set wire-hub notes=…': [claimsBin, 'set', 'wire-hub', 'notes=Carried by many outlets', ...today],
    'rename wire-hub wire-service': [claimsBin, 'rename', 'wire-hub', 'wire-service', ...today],
  };
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let r = 0; r < runs; r++) {
    for (const [name, argv] of Object.entries(commands)) {
      rmSync(hub, { recursive: true, force: true });
      cpSync(template, hub, { recursive: true });
      samples[name].push(time(process.execPath, argv, hub));
    }
  }
  const base = median(samples['validate (same dataset)'].map((s) => s.wall));
  const rows = {};
  for (const [name, list] of Object.entries(samples)) {
    const wall = median(list.map((s) => s.wall));
    rows[name] = { median_s: Number(wall.toFixed(3)), ratio: Number((wall / base).toFixed(2)), exit: [...new Set(list.map((s) => s.status))] };
  }
  for (const d of [hub, template]) rmSync(d, { recursive: true, force: true });
  return { cited, commands: rows };
}

/** True when the built CLI has `claims <command>` (and, given, that flag): rows for commands still being built are skipped. */
function hasCommand(command, flag) {
  const r = spawnSync(process.execPath, [claimsBin, command, '--help'], { encoding: 'utf8' });
  return r.status === 0 && (flag === undefined || r.stdout.includes(flag));
}

/**
 * The history commands on a generated git history of 1,000 commits over the same dataset (one fast-import stream):
 * `history <id>` of a claim edited every 10th commit and renamed halfway (target ≤ 2 s), and, where the CLI has them,
 * `diff HEAD~100` against `validate` (target ≤ 2×) and `report --as-known-on` against `report` (target ≤ 1.5×).
 */
function benchHistory(size) {
  const dir = join(project, 'bench', 'data', `g${size}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  generate(dir, size);
  cpSync(join(project, 'schemas'), join(dir, 'schemas'), { recursive: true });
  const t0 = process.hrtime.bigint();
  const { target, middle, commits } = generateHistory(dir, size);
  const build_s = Number((Number(process.hrtime.bigint() - t0) / 1e9).toFixed(2));
  const today = ['--today', '2026-11-24'];
  const commands = {
    [`history ${target}`]: [claimsBin, 'history', target, '--format', 'json', ...today],
    validate: [claimsBin, 'validate', ...today, '--format', 'json'],
    report: [claimsBin, 'report', '--format', 'json', ...today],
  };
  if (hasCommand('diff')) commands['diff HEAD~100'] = [claimsBin, 'diff', 'HEAD~100', '--format', 'json', ...today];
  if (hasCommand('report', '--as-known-on')) commands[`report --as-known-on ${middle}`] = [claimsBin, 'report', '--as-known-on', middle, '--format', 'json', ...today];
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let r = 0; r < runs; r++) for (const [name, argv] of Object.entries(commands)) samples[name].push(time(process.execPath, argv, dir));
  const med = (name) => median(samples[name].map((s) => s.wall));
  const rows = {};
  for (const [name, list] of Object.entries(samples)) {
    const base = name.startsWith('diff') ? 'validate' : name.startsWith('report --as-known-on') ? 'report' : null;
    const wall = med(name);
    rows[name] = { median_s: Number(wall.toFixed(3)), ratio: base ? Number((wall / med(base)).toFixed(2)) : null, ratio_to: base, exit: [...new Set(list.map((s) => s.status))] };
  }
  rmSync(dir, { recursive: true, force: true });
  return { commits, build_s, commands: rows };
}

const results = { machine: { cpus: cpus().length, model: cpus()[0]?.model, memGiB: Math.round(totalmem() / 2 ** 30), node: process.version }, date: new Date().toISOString(), runs, sizes: {} };

for (const size of sizes) {
  const dir = join(project, 'bench', 'data', `d${size}`);
  mkdirSync(dir, { recursive: true });
  const files = generate(dir, size);
  cpSync(join(project, 'schemas'), join(dir, 'schemas'), { recursive: true });
  const commands = {
    floor: [process.execPath, [join(here, 'floor.mjs'), 'claims']],
    validate: [process.execPath, [claimsBin, 'validate', '--today', '2026-11-24', '--format', 'json']],
    'list --status rumored': [process.execPath, [claimsBin, 'list', '--status', 'rumored', '--format', 'json', '--today', '2026-11-24']],
    report: [process.execPath, [claimsBin, 'report', '--format', 'json', '--today', '2026-11-24']],
    'validate --cache (warm)': [process.execPath, [claimsBin, 'validate', '--today', '2026-11-24', '--format', 'json', '--cache', '--cache-location', join(dir, '.claimscache')]],
    'node -e 0': [process.execPath, ['-e', '0']],
    '--version': [process.execPath, [claimsBin, '--version']],
  };
  if (existsSync(ajvBin)) {
    commands['ajv-cli (schema only)'] = ['sh', ['-c', `node ${ajvBin} validate --spec=draft2020 --strict=false -s schemas/claim.schema.json -d 'claims/company-*/*.yaml' > /dev/null && node ${ajvBin} validate --spec=draft2020 --strict=false -s schemas/source.schema.json -d 'claims/sources/*.yaml' > /dev/null`]];
  }
  if (hasYamllint) commands['yamllint (syntax only)'] = ['yamllint', ['-d', '{rules: {}}', 'claims']];
  // What each step of the loader bought, in the same run: today's build with its worker threads off (one thread), and
  // with its fast path off too (every file through yaml, as before the fast path); and the same dataset with one claim
  // file in ten given a finding (bench/generate.mjs --findings), against the clean one.
  const findingsDir = join(project, 'bench', 'data', `f${size}`);
  generate(findingsDir, size, 42, { findings: true });
  cpSync(join(project, 'schemas'), join(findingsDir, 'schemas'), { recursive: true });
  const validateArgv = [claimsBin, 'validate', '--today', '2026-11-24', '--format', 'json'];
  commands['validate, one thread'] = [process.execPath, validateArgv, { env: { CLAIMS_THREADS: '1' } }];
  commands['validate, one thread, yaml only'] = [process.execPath, validateArgv, { env: { CLAIMS_THREADS: '1', CLAIMS_FAST_PATH: '0' } }];
  commands['validate, 1 in 10 with finding'] = [process.execPath, validateArgv, { cwd: findingsDir }];
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  // Warm the cache once, so the timed --cache runs are second runs over an unchanged dataset.
  rmSync(join(dir, '.claimscache'), { force: true });
  time(...commands['validate --cache (warm)'], dir);
  for (let r = 0; r < runs; r++) {
    // Alternate the commands within each round so that machine noise falls on all of them alike.
    for (const [name, [cmd, argv, extra]] of Object.entries(commands)) samples[name].push(time(cmd, argv, dir, extra));
  }
  const floor = median(samples.floor.map((s) => s.wall));
  const floorRss = median(samples.floor.map((s) => s.rss ?? 0));
  const start = median(samples['node -e 0'].map((s) => s.wall));
  const rows = {};
  for (const [name, list] of Object.entries(samples)) {
    const wall = median(list.map((s) => s.wall));
    const rss = list.every((s) => s.rss !== null) ? median(list.map((s) => s.rss)) : null;
    const base = name === '--version' || name === 'node -e 0' ? start : floor;
    rows[name] = {
      median_s: Number(wall.toFixed(3)), peak_rss_mib: rss === null ? null : Number(rss.toFixed(1)),
      files_per_s: Math.round(files / wall), ratio: Number((wall / base).toFixed(2)), ratio_to: base === start ? 'node -e 0' : 'floor',
      rss_ratio: rss === null || !floorRss ? null : Number((rss / floorRss).toFixed(2)), exit: [...new Set(list.map((s) => s.status))],
    };
  }
  // list and report share validate's load: their time against validate's; the dataset with findings against the clean one.
  const against = { 'list --status rumored': 'validate', report: 'validate', 'validate, 1 in 10 with finding': 'validate', 'validate, one thread': 'validate, one thread, yaml only', validate: 'validate, one thread' };
  for (const [name, base] of Object.entries(against)) if (rows[name] && rows[base]) rows[name].vs = { [base]: Number((rows[name].median_s / rows[base].median_s).toFixed(2)) };
  // The git history is built for sizes up to 10,000 claims (the issue's target size); larger ones would time its generation more than the commands.
  results.sizes[size] = { files, commands: rows, edits: benchEdits(dir, size), ...(size <= 10000 ? { history: benchHistory(size) } : {}) };
  results.sizes[size].warehouse = benchWarehouse(dir, runs);
  console.log(`\n${size} claims (${files} files), median of ${runs}:`);
  console.log(`${'command'.padEnd(32)} ${'time s'.padStart(8)} ${'×'.padStart(6)} ${'RSS MiB'.padStart(8)} ${'×RSS'.padStart(6)} ${'files/s'.padStart(9)}`);
  for (const [name, r] of Object.entries(rows)) {
    const vs = r.vs ? Object.entries(r.vs).map(([b, x]) => `  ${x.toFixed(2)}× ${b}`).join('') : '';
    console.log(`${name.padEnd(32)} ${r.median_s.toFixed(3).padStart(8)} ${r.ratio.toFixed(2).padStart(6)} ${(r.peak_rss_mib?.toFixed(0) ?? '—').padStart(8)} ${(r.rss_ratio?.toFixed(2) ?? '—').padStart(6)} ${String(r.files_per_s).padStart(9)}${vs}  exit ${r.exit.join(',')}`);
  }
}
const sz = Object.keys(results.sizes);
for (const [size, r] of Object.entries(results.sizes)) {
  console.log(`\nwriting commands on ${size} claims, a source cited by ${r.edits.cited} of them (median of ${runs}; × is against validate on the same dataset):`);
  for (const [name, e] of Object.entries(r.edits.commands)) console.log(`${name.padEnd(40)} ${e.median_s.toFixed(3).padStart(8)} ${e.ratio.toFixed(2).padStart(6)}  exit ${e.exit.join(',')}`);
}
for (const [size, r] of Object.entries(results.sizes)) {
  if (!r.history) continue;
  console.log(`\nhistory commands on ${size} claims and ${r.history.commits} generated commits (built in ${r.history.build_s} s; median of ${runs}; × is against the command named):`);
  for (const [name, e] of Object.entries(r.history.commands)) console.log(`${name.padEnd(40)} ${e.median_s.toFixed(3).padStart(8)} ${(e.ratio === null ? '' : `${e.ratio.toFixed(2)}× ${e.ratio_to}`).padStart(18)}  exit ${e.exit.join(',')}`);
}
for (const [size, r] of Object.entries(results.sizes)) if (r.warehouse) printWarehouse(size, runs, r.warehouse);
if (sz.includes('10000') && sz.includes('50000')) {
  results.growth_50k_over_10k = Number((results.sizes[50000].commands.validate.median_s / results.sizes[10000].commands.validate.median_s).toFixed(2));
  console.log(`\nclaims validate 50k/10k time: ${results.growth_50k_over_10k}×`);
}
if (args.includes('--large') || process.env.BENCH_LARGE === '1') {
  // 200,000 claims (220,000 files), once each: the floor and validate; a million extrapolated linearly from the growth
  // between the largest regular size and this one.
  const big = 200000;
  const dir = join(project, 'bench', 'data', `d${big}`);
  const t0 = process.hrtime.bigint();
  const files = generate(dir, big);
  cpSync(join(project, 'schemas'), join(dir, 'schemas'), { recursive: true });
  const generate_s = Number((Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1));
  const floor = time(process.execPath, [join(here, 'floor.mjs'), 'claims'], dir);
  const validate = time(process.execPath, [claimsBin, 'validate', '--today', '2026-11-24', '--format', 'json'], dir);
  const large = { claims: big, files, generate_s, floor_s: Number(floor.wall.toFixed(2)), floor_rss_mib: floor.rss && Number(floor.rss.toFixed(0)), validate_s: Number(validate.wall.toFixed(2)), validate_rss_mib: validate.rss && Number(validate.rss.toFixed(0)), exit: validate.status };
  const from = Math.max(...sizes.filter((n) => n < big));
  const base = results.sizes[from]?.commands.validate.median_s;
  if (base !== undefined) {
    const perClaim = (large.validate_s - base) / (big - from);
    large.extrapolated_1m_s = Number((large.validate_s + perClaim * (1_000_000 - big)).toFixed(1));
    large.extrapolated_from = from;
  }
  results.large = large;
  console.log(`\n${big} claims (${files} files), once: floor ${large.floor_s} s (${large.floor_rss_mib} MiB), validate ${large.validate_s} s (${large.validate_rss_mib} MiB), exit ${large.exit}`);
  if (large.extrapolated_1m_s !== undefined) console.log(`a million claims, extrapolated from ${from} and ${big}: ${large.extrapolated_1m_s} s`);
  rmSync(dir, { recursive: true, force: true });
}
writeFileSync(out, JSON.stringify(results, null, 2) + '\n');
console.log(`\nwrote ${out}`);
