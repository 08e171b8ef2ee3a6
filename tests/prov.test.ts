/**
 * `claims export --format prov` read by its real consumer, the `prov` Python package (Debian python3-prov): the
 * relations it finds are counted and compared with what the claim and source files imply, worked out here from the
 * YAML alone.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { localName } from '../src/warehouse/prov.js';
import { runCli } from './cli-helpers.js';

const ROOT = resolve(__dirname, '..');
const PYTHON = '/usr/bin/python3';
const HAS_PROV = spawnSync(PYTHON, ['-c', 'import prov'], { encoding: 'utf8' }).status === 0;
if (!HAS_PROV) console.warn('SKIPPED: the PROV export read by python-prov needs /usr/bin/python3 with the prov module (Debian package python3-prov)');

/**
 * Reads a PROV-JSON file with prov.read and prints what it found, as JSON; also renders PROV-N, and PROV-XML when asked
 * (XML 1.0 cannot carry control characters, which the hostile dataset has).
 */
const READER = String.raw`
import sys, json, prov, prov.model as pm
from prov.constants import PROV_ATTR_GENERATED_ENTITY, PROV_ATTR_USED_ENTITY, PROV_ATTR_ENTITY, PROV_ATTR_AGENT, PROV_LABEL
doc = prov.read(sys.argv[1], format='json')
def one(r, a):
    v = r.get_attribute(a)
    return str(next(iter(v))) if v else None
def other(r, name):
    for k, v in r.attributes:
        if str(k) == name:
            return v if isinstance(v, (int, float, bool)) else str(v)
    return None
out = {'entities': {}, 'agents': {}, 'derivations': [], 'attributions': [], 'namespaces': {}}
for ns in doc.get_registered_namespaces():
    out['namespaces'][ns.prefix] = ns.uri
for r in doc.get_records():
    if isinstance(r, pm.ProvDerivation):
        out['derivations'].append({
            'generated': one(r, PROV_ATTR_GENERATED_ENTITY), 'used': one(r, PROV_ATTR_USED_ENTITY),
            'types': sorted(str(t) for t in r.get_asserted_types()),
            'quote': other(r, 'claims:quote'), 'position': other(r, 'claims:position'),
            'origin_class': other(r, 'claims:origin_class'),
        })
    elif isinstance(r, pm.ProvAttribution):
        out['attributions'].append({'entity': one(r, PROV_ATTR_ENTITY), 'agent': one(r, PROV_ATTR_AGENT)})
    elif isinstance(r, pm.ProvAgent):
        out['agents'][str(r.identifier)] = one(r, PROV_LABEL)
    elif isinstance(r, pm.ProvEntity):
        out['entities'][str(r.identifier)] = {
            'types': sorted(str(t) for t in r.get_asserted_types()), 'label': one(r, PROV_LABEL),
            'support': other(r, 'claims:support'), 'grade': other(r, 'claims:grade'), 'status': other(r, 'claims:status'),
        }
provn = doc.get_provn()
out['provn_lines'] = provn.count('\n')
out['xml_bytes'] = len(doc.serialize(format='xml')) if sys.argv[2] == 'xml' else None
print(json.dumps(out))
`;

interface Derivation { generated: string; used: string; types: string[]; quote: string | null; position: number | null; origin_class: string | null }
interface ProvRead {
  entities: Record<string, { types: string[]; label: string | null; support: string | null; grade: string | null; status: string | null }>;
  agents: Record<string, string | null>;
  derivations: Derivation[];
  attributions: { entity: string; agent: string }[];
  namespaces: Record<string, string>;
  provn_lines: number;
  xml_bytes: number | null;
}

const tmp = mkdtempSync(join(tmpdir(), 'claims-prov-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Exports `dir` (a folder with a claims/ dataset) as PROV-JSON and reads it back with python-prov. */
async function exportAndRead(cwd: string, name: string, extra: string[] = [], xml = true): Promise<ProvRead> {
  const r = await runCli(['export', '--format', 'prov', ...extra], cwd);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const file = join(tmp, `${name}.json`);
  writeFileSync(file, r.stdout);
  const py = spawnSync(PYTHON, ['-c', READER, file, xml ? 'xml' : 'no-xml'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  expect(py.stderr).toBe('');
  expect(py.status).toBe(0);
  return JSON.parse(py.stdout) as ProvRead;
}

interface Ev { source: string; via?: string[]; origin?: string; quote?: string }
interface Files { claims: { id: string; evidence: Ev[] }[]; sources: { id: string; speaks_for?: string[]; cites?: string[] }[] }

/** Every claim and source file under `dir`, parsed with the yaml package (no part of the tool involved). */
function readDataset(dir: string): Files {
  const out: Files = { claims: [], sources: [] };
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.yaml')) {
        const doc = parse(readFileSync(p, 'utf8')) as { type?: string };
        if (doc?.type === 'claim') out.claims.push(doc as Files['claims'][number]);
        if (doc?.type === 'source') out.sources.push(doc as Files['sources'][number]);
      }
    }
  };
  walk(dir);
  return out;
}

/** The relations the files imply, by the rules the README states. */
function expected(files: Files) {
  const relays = new Set<string>();
  const relay = (generated: string, used: string): void => {
    if (generated !== used) relays.add(`${generated} <- ${used}`);
  };
  let primary = 0;
  let quoted = 0;
  let unquoted = 0;
  const sourceIds = new Set(files.sources.map((s) => s.id));
  for (const c of files.claims) {
    primary += new Set(c.evidence.map((e) => e.origin ?? e.source)).size;
    for (const e of c.evidence) {
      if (e.quote === undefined) unquoted++;
      else quoted++;
      const chain = [e.origin ?? e.source, ...(e.via ?? []), e.source];
      for (let i = 1; i < chain.length; i++) relay(chain[i]!, chain[i - 1]!);
      for (const id of chain) sourceIds.add(id);
    }
  }
  let attributed = 0;
  const agents = new Set<string>();
  for (const s of files.sources) {
    for (const cited of s.cites ?? []) relay(s.id, cited);
    const names = new Set(s.speaks_for ?? []);
    attributed += names.size;
    for (const n of names) agents.add(n);
  }
  return { primary, quoted, unquoted, relays, attributed, agents, entities: files.claims.length + sourceIds.size };
}

const kind = (d: Derivation): string =>
  d.types.includes('prov:PrimarySource') ? 'primary' : d.types.includes('prov:Quotation') ? 'quoted' : d.types.includes('claims:Evidence') ? 'unquoted' : d.types.length === 0 ? 'relay' : d.types.join();

function checkAgainst(read: ProvRead, files: Files): void {
  const want = expected(files);
  const by = (k: string) => read.derivations.filter((d) => kind(d) === k);
  expect(by('primary')).toHaveLength(want.primary);
  expect(by('quoted')).toHaveLength(want.quoted);
  expect(by('unquoted')).toHaveLength(want.unquoted);
  expect(new Set(by('relay').map((d) => `${d.generated.replace(/^source:/, '')} <- ${d.used.replace(/^source:/, '')}`))).toEqual(
    new Set([...want.relays].map((r) => r.split(' <- ').map(localName).join(' <- '))),
  );
  expect(by('relay')).toHaveLength(want.relays.size);
  expect(read.derivations).toHaveLength(want.primary + want.quoted + want.unquoted + want.relays.size);
  expect(read.attributions).toHaveLength(want.attributed);
  expect(new Set(Object.values(read.agents))).toEqual(want.agents);
  expect(Object.keys(read.agents)).toHaveLength(want.agents.size);
  expect(Object.keys(read.entities)).toHaveLength(want.entities);
  expect(read.provn_lines).toBeGreaterThan(want.entities);
}

describe.skipIf(!HAS_PROV)('PROV-JSON read by python-prov (prov.read)', () => {
  it('the bundled dataset: every documented relation, as many as the files imply', async () => {
    const read = await exportAndRead(ROOT, 'bundled');
    const files = readDataset(join(ROOT, 'claims'));
    expect(files.claims.length).toBeGreaterThan(50);
    checkAgainst(read, files);
    expect(read.namespaces).toMatchObject({ claim: 'urn:claims:claim:', source: 'urn:claims:source:', agent: 'urn:claims:agent:', claims: 'urn:claims:term:' });
    expect(read.xml_bytes).toBeGreaterThan(0);
  });

  it('one claim, arr-2026-02: its chain origin → TechCrunch → the analysis, its origins, quotes and the voice of the origin', async () => {
    const read = await exportAndRead(ROOT, 'arr', ['--search', 'annual recurring revenue was above $400 million']);
    const mine = read.derivations.filter((d) => d.generated === 'claim:arr-2026-02');
    expect(mine.filter((d) => kind(d) === 'primary').map((d) => [d.used, d.origin_class])).toEqual([['source:mistral-arr-disclosure-2026-02', 'self']]);
    const quotes = mine.filter((d) => kind(d) === 'quoted');
    expect(quotes.map((d) => d.used)).toContain('source:sovereignty-analysis');
    expect(quotes.find((d) => d.used === 'source:sovereignty-analysis')?.quote).toMatch(/^TechCrunch said Mistral AI disclosed in February/);
    const relays = read.derivations.filter((d) => kind(d) === 'relay').map((d) => `${d.generated} <- ${d.used}`);
    expect(relays).toContain('source:techcrunch-profile <- source:mistral-arr-disclosure-2026-02');
    expect(relays).toContain('source:sovereignty-analysis <- source:techcrunch-profile');
    expect(read.attributions).toContainEqual({ entity: 'source:mistral-arr-disclosure-2026-02', agent: 'agent:Mistral_20AI' });
    expect(read.agents['agent:Mistral_20AI']).toBe('Mistral AI');
    expect(read.entities['claim:arr-2026-02']).toMatchObject({ types: ['claims:Claim'], status: 'company-reported', support: 'company-reported', grade: 'C3' });
  });

  it('a hostile dataset: names, titles and quotes of any text stay readable, ids stay valid names', async () => {
    const dir = join(tmp, 'hostile');
    mkdirSync(join(dir, 'claims', 'sources'), { recursive: true });
    mkdirSync(join(dir, 'claims', 'acme'), { recursive: true });
    const names = ['Acme: "Inc" <b>&amp;', '_:blank', 'x:y z', '-lead', 'Ünïcödé 株式会社 🚀', 'back\\slash\u202eRTL', 'a%20b'];
    const q = (s: string): string => JSON.stringify(s);
    const source = (id: string, speaks: string[], extra = ''): void =>
      writeFileSync(join(dir, 'claims', 'sources', `${id}.yaml`), `type: source\nid: ${id}\ntitle: ${q(`Title of ${id} "}]} \n\t<x>`)}\npublisher: ${q('P\u0007ub')}\nkind: news\nspeaks_for: [${speaks.map(q).join(', ')}]\nreliability: B\n${extra}`);
    source('origin-post', names.slice(0, 4));
    source('wire', [names[4]!], 'cites: [origin-post]\n');
    source('daily', [names[5]!, names[6]!]);
    writeFileSync(join(dir, 'claims', 'acme', 'acme-arr.yaml'), [
      'type: claim', 'id: acme-arr', `subject: ${q(names[0]!)}`, 'category: arr', `statement: ${q('ARR "above" $1M\n}\u0000?')}`,
      'value: ">$1M"', 'as_of: "2026-02"', 'status: company-reported', 'evidence:',
      `  - source: daily`, '    via: [wire]', '    origin: origin-post', `    quote: ${q('he said: "}, {\\"$\\": 1}\nline two')}`,
      `  - source: wire`, '    origin: origin-post', `    quote: ${q('wire <quote> & ]]>')}`,
      `  - source: origin-post`, '    locator: para 1', '',
    ].join('\n'));
    const check = await runCli(['validate', '--format', 'json'], dir);
    expect((JSON.parse(check.stdout) as { diagnostics: { rule: string }[] }).diagnostics.filter((d) => d.rule === 'schema' || d.rule === 'yaml-syntax')).toEqual([]);
    const read = await exportAndRead(dir, 'hostile', [], false);
    checkAgainst(read, readDataset(join(dir, 'claims')));
    expect(Object.values(read.agents).sort()).toEqual([...names].sort());
    for (const id of Object.keys(read.agents)) expect(id).toMatch(/^agent:[A-Za-z0-9_][A-Za-z0-9_-]*$/);
    const quotes = read.derivations.filter((d) => kind(d) === 'quoted').map((d) => d.quote);
    expect(quotes).toEqual(['he said: "}, {\\"$\\": 1}\nline two', 'wire <quote> & ]]>']);
    expect(read.entities['source:wire']?.label).toBe('Title of wire "}]} \n\t<x>');
  });
});

describe('local names', () => {
  it('keep slugs, encode everything else byte by byte, one name per text', () => {
    expect(localName('arr-2026-02')).toBe('arr-2026-02');
    expect(localName('Mistral AI')).toBe('Mistral_20AI');
    expect(localName('_x')).toBe('_5fx');
    expect(localName('-x')).toBe('_2dx');
    expect(localName('é')).toBe('_c3_a9');
    expect(localName('')).toBe('_');
    const texts = ['a b', 'a_20b', 'a%20b', 'a:b', 'a_3ab', '_', ''];
    expect(new Set(texts.map(localName)).size).toBe(texts.length);
  });
});
