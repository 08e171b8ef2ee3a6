// Deterministic synthetic datasets for the benchmark: sources with relays, claims with a realistic mix of
// statuses that all match their derived support, forecasts not yet due — valid, so every command does its full work.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

/** Writes a dataset of `claims` claims (and claims/10 sources) into `dir`/claims; returns the file count. */
export function generate(dir, claims, seed = 42) {
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
  for (let i = 0; i < claims; i++) {
    const s = i % nSubjects;
    const category = pick(CATEGORIES);
    const forecast = NUMERIC.has(category) && random() < 0.1;
    const year = 2020 + (i % 6);
    const asOf = `${year}-${pad(1 + (i % 12))}`;
    // Evidence: read in a news source; origin a company channel (self), anonymous, or the news source itself.
    const reader = sources[3 + 10 * Math.floor(random() * Math.floor(nSources / 10)) + Math.floor(random() * 7)] ?? sources[3];
    const kind = random();
    const evidence = [];
    let status;
    if (kind < 0.35) {
      const self = sources.find((x, k) => x.role === 'self' && x.speaks === s && k >= 0) ?? null;
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
    if (forecast) lines.push(`due: "${year + 10}"`);
    lines.push(`status: ${status}`, `tags: [bench, ${category}]`, 'evidence:');
    for (const ev of evidence) {
      lines.push(`  - source: ${ev.source}`);
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
  const [dir = 'bench/data/sample', n = '1000'] = process.argv.slice(2);
  console.log(`${generate(dir, Number(n))} files in ${dir}/claims`);
}
