// Deterministic synthetic datasets for the benchmark: sources with relays, claims with a realistic mix of
// statuses that all match their derived support, forecasts not yet due — valid and free of findings, so every command
// does its full work. With `findings: true`, one claim file in ten has one finding (see `generate`).
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small seeded PRNG (mulberry32), so every run writes the same files. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = ['arr', 'revenue', 'valuation', 'funding-round', 'investment', 'partnership', 'product', 'people'];
const NUMERIC = new Set(['arr', 'revenue', 'valuation', 'funding-round', 'investment']);
const pad = (n, w = 2) => String(n).padStart(w, '0');

/**
 * Writes a dataset of `claims` claims (and claims/10 sources) into `dir`/claims; returns the file count. Clean by
 * default: no claim has a finding (`claims validate` exits 0 with no warnings). Each claim of a subject has its own
 * month (`as_of`), so no two claims share subject, category and period: `duplicate-claim` finds nothing and
 * `value-conflict` has no overlapping periods to compare. With `{ findings: true }`, every tenth claim has one finding,
 * in turn: a misspelt field (`schema` error), evidence from a source that does not exist (`unknown-reference` error),
 * a forecast past its due date (`forecast-overdue` warning).
 */
export function generate(dir, claims, seed = 42, { findings = false } = {}) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const root = join(dir, 'claims');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'sources'), { recursive: true });
  const nSources = Math.max(20, Math.floor(claims / 10));
  const nSubjects = Math.max(5, Math.floor(claims / 50));
  const subject = (i) => `Company ${i}`;
  const slug = (i) => `company-${i}`;
  // Source roles: the first fifth are companies' own channels, a tenth anonymous, the rest news that may relay a company channel.
  const sources = [];
  for (let i = 0; i < nSources; i++) {
    const role = i % 10 < 2 ? 'self' : i % 10 === 2 ? 'anonymous' : 'news';
    const id = `src-${pad(i, 6)}`;
    const speaks = role === 'self' ? i % nSubjects : undefined;
    const cites = role === 'news' && i >= 10 ? [`src-${pad(i - (i % 10), 6)}`] : undefined;
    sources.push({ id, role, speaks, cites });
    const lines = [
      '# yaml-language-server: $schema=../../schemas/source.schema.json',
      'type: source', `id: ${id}`, `title: Source number ${i}`, `publisher: Publisher ${i % 37}`,
      `kind: ${role === 'self' ? 'primary' : role === 'anonymous' ? 'anonymous' : pick(['news', 'analysis', 'database'])}`,
    ];
    if (speaks !== undefined) lines.push(`speaks_for: [${subject(speaks)}]`);
    if (role === 'news') lines.push(`url: https://news.example/${id}`);
    lines.push(`published: "20${20 + (i % 6)}-${pad(1 + (i % 12))}"`);
    if (cites) lines.push(`cites: [${cites.join(', ')}]`);
    if (role === 'anonymous') lines.push('position: people familiar with the company', 'count: multiple');
    lines.push(`reliability: ${pick(['A', 'B', 'C', 'D', 'F'])}`);
    writeFileSync(join(root, 'sources', `${id}.yaml`), lines.join('\n') + '\n');
  }
  for (let s = 0; s < nSubjects; s++) mkdirSync(join(root, slug(s)), { recursive: true });
  const channels = new Map();
  const turn = new Map();
  for (const x of sources) if (x.role === 'self') channels.set(x.speaks, [...(channels.get(x.speaks) ?? []), x]);
  for (let i = 0; i < claims; i++) {
    const s = i % nSubjects;
    const category = pick(CATEGORIES);
    const finding = findings && i % 10 === 5 ? ['schema', 'reference', 'overdue'][Math.floor(i / 10) % 3] : undefined;
    const drawn = NUMERIC.has(category) && random() < 0.1;
    const forecast = drawn || finding === 'overdue';
    // The k-th claim of its subject: a month of its own (k < 72 for every size this generates: 50 claims a subject).
    const k = Math.floor(i / nSubjects);
    const year = 2020 + (k % 6);
    const asOf = `${year}-${pad(1 + (Math.floor(k / 6) % 12))}`;
    // Evidence: read in a news source; origin a company channel (self), anonymous, or the news source itself.
    const reader = sources[3 + 10 * Math.floor(random() * Math.floor(nSources / 10)) + Math.floor(random() * 7)] ?? sources[3];
    const kind = random();
    const evidence = [];
    let status;
    if (kind < 0.35) {
      // The subject's own channels in turn, so each is cited (none is an orphan source).
      const own = channels.get(s);
      const self = own ? own[(turn.get(s) ?? 0) % own.length] : null;
      turn.set(s, (turn.get(s) ?? 0) + 1);
      if (self) {
        evidence.push({ source: reader.id, via: reader.cites?.[0] && reader.cites[0] !== self.id ? [reader.cites[0]] : undefined, origin: self.id });
        status = 'company-reported';
      }
    } else if (kind < 0.5) {
      const anon = sources[2 + 10 * Math.floor(random() * Math.floor(nSources / 10))];
      evidence.push({ source: reader.id, origin: anon.id });
      status = 'rumored';
    }
    if (!status) {
      evidence.push({ source: reader.id });
      if (random() < 0.4) evidence.push({ source: sources[4 + 10 * Math.floor(random() * Math.floor(nSources / 10))].id });
      status = 'independent';
    }
    // Values depend only on subject, category and period, so facts never conflict.
    const amount = 1 + ((s * 7 + CATEGORIES.indexOf(category) * 13 + year) % 900);
    const lines = [
      '# yaml-language-server: $schema=../../schemas/claim.schema.json',
      'type: claim', `id: claim-${pad(i, 6)}`, `subject: ${subject(s)}`, `category: ${category}`,
    ];
    if (forecast) lines.push('assertion: forecast');
    lines.push(`statement: ${subject(s)} reported figure number ${i} for ${category}.`);
    if (NUMERIC.has(category)) lines.push(`value: "${random() < 0.3 ? '~' : ''}$${amount}M"`);
    lines.push(`as_of: "${asOf}"`);
    if (forecast) lines.push(`due: "${finding === 'overdue' ? year : year + 10}"`);
    lines.push(`status: ${status}`, `tags: [bench, ${category}]`);
    if (finding === 'schema') lines.push('sourse_note: read in the morning edition');
    lines.push('evidence:');
    for (const [e, ev] of evidence.entries()) {
      lines.push(`  - source: ${finding === 'reference' && e === 0 ? 'src-missing' : ev.source}`);
      if (ev.via) lines.push(`    via: [${ev.via.join(', ')}]`);
      if (ev.origin) lines.push(`    origin: ${ev.origin}`);
      lines.push(`    quote: "Figure ${i} was reported for ${category}."`, `    locator: paragraph ${1 + (i % 9)}`);
    }
    writeFileSync(join(root, slug(s), `claim-${pad(i, 6)}.yaml`), lines.join('\n') + '\n');
  }
  return nSources + claims;
}

/**
 * Adds a wire service cited by `cited` claims (spread evenly over the dataset), for the writing commands' benchmark:
 * `cite`, `set` and `rename` of a source that many claims rest on. Returns the ids of two claims: one citing it, one not.
 */
export function addHub(dir, claims, cited = 1000) {
  const root = join(dir, 'claims');
  const nSubjects = Math.max(5, Math.floor(claims / 50));
  writeFileSync(join(root, 'sources', 'wire-hub.yaml'), [
    '# yaml-language-server: $schema=../../schemas/source.schema.json',
    'type: source', 'id: wire-hub', 'title: A wire service', 'publisher: Wire', 'kind: news', 'reliability: B', '',
  ].join('\n'));
  const step = Math.max(1, Math.floor(claims / cited));
  let notCiting = 'claim-000001';
  for (let i = 0, n = 0; i < claims; i++) {
    if (i % step !== 0 || n >= cited) {
      notCiting = `claim-${pad(i, 6)}`;
      continue;
    }
    n++;
    const file = join(root, `company-${i % nSubjects}`, `claim-${pad(i, 6)}.yaml`);
    writeFileSync(file, readFileSync(file, 'utf8') + `  - source: wire-hub\n    quote: "The wire carried figure ${i}."\n`);
  }
  return { citing: 'claim-000000', notCiting };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = 'bench/data/sample', n = '1000', flag] = process.argv.slice(2);
  console.log(`${generate(dir, Number(n), 42, { findings: flag === '--findings' })} files in ${dir}/claims`);
}

/**
 * Turns the dataset generated in `dir` into a git repository of `commits` commits, written with one `git fast-import`
 * stream (no per-commit processes): the first commit adds the whole dataset; each later one edits ten claims' quotes;
 * the target claim (claim-000000) is edited every 10th commit and its source every 25th; halfway, the target is
 * renamed to claim-000000-renamed (file and id, as `claims rename` does). Commits are an hour apart from 2026-01-01.
 * Returns the target's id at HEAD and the date of a commit in the middle, for `--as-known-on`.
 */
export function generateHistory(dir, claims, commits = 1000, seed = 7) {
  const random = rng(seed);
  const root = join(dir, 'claims');
  const files = new Map();
  const walk = (rel) => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.yaml')) files.set(p, readFileSync(join(dir, p), 'utf8'));
    }
  };
  walk('claims');
  const claimPaths = [...files.keys()].filter((p) => !p.startsWith('claims/sources/')).sort();
  let target = claimPaths.find((p) => p.endsWith('/claim-000000.yaml'));
  const targetSource = /source: (src-\d+)/.exec(files.get(target))[1];
  const sourcePath = `claims/sources/${targetSource}.yaml`;
  const chunks = [];
  const data = (text) => {
    const buf = Buffer.from(text, 'utf8');
    chunks.push(Buffer.from(`data ${buf.length}\n`), buf, Buffer.from('\n'));
  };
  const start = Date.UTC(2026, 0, 1) / 1000;
  for (let k = 0; k < commits; k++) {
    const when = `${start + k * 3600} +0000`;
    chunks.push(Buffer.from(`commit refs/heads/main\nauthor Bench Desk <desk@bench.example> ${when}\ncommitter Bench Desk <desk@bench.example> ${when}\n`));
    data(k === 0 ? 'The generated dataset' : `Revision ${k}`);
    if (k === 0) {
      for (const [p, text] of files) {
        chunks.push(Buffer.from(`M 100644 inline ${p}\n`));
        data(text);
      }
      continue;
    }
    const touched = new Set();
    for (let n = 0; n < 10; n++) touched.add(claimPaths[Math.floor(random() * claimPaths.length)]);
    if (k % 10 === 0) touched.add(target);
    for (const p of touched) {
      const text = files.get(p).replace(/quote: "([^"]*?)( Rev \d+\.)?"/, (_, q) => `quote: "${q} Rev ${k}."`);
      files.set(p, text);
      chunks.push(Buffer.from(`M 100644 inline ${p}\n`));
      data(text);
    }
    if (k % 25 === 0) {
      const text = files.get(sourcePath).replace(/^title: .*$/m, `title: Source revised ${k}`);
      files.set(sourcePath, text);
      chunks.push(Buffer.from(`M 100644 inline ${sourcePath}\n`));
      data(text);
    }
    if (k === Math.floor(commits / 2)) {
      const renamed = target.replace('claim-000000.yaml', 'claim-000000-renamed.yaml');
      const text = files.get(target).replace('id: claim-000000', 'id: claim-000000-renamed');
      files.delete(target);
      files.set(renamed, text);
      chunks.push(Buffer.from(`D ${target}\nM 100644 inline ${renamed}\n`));
      data(text);
      claimPaths[claimPaths.indexOf(target)] = renamed;
      target = renamed;
    }
  }
  rmSync(join(dir, '.git'), { recursive: true, force: true });
  const git = (args, input) => {
    const r = spawnSync('git', args, { cwd: dir, input, maxBuffer: 1 << 30, env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1' } });
    if (r.status !== 0) throw new Error(`git ${args[0]}: ${r.stderr}`);
  };
  git(['init', '-q', '-b', 'main']);
  git(['fast-import', '--quiet'], Buffer.concat(chunks));
  git(['reset', '-q', '--hard', 'main']);
  const middle = new Date((start + Math.floor(commits * 0.75) * 3600) * 1000).toISOString().slice(0, 10);
  return { target: 'claim-000000-renamed', middle, commits };
}
