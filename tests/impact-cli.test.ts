/**
 * `claims impact <source-id>` end to end through the built CLI (bin/claims.js; `npm run build` first), on a dataset
 * written from the seed texts: TechCrunch's "Mistral gets down to business" (seed 004), the sovereignty analysis that
 * relays TechCrunch's profile (seed 000), the summary of TechCrunch's reporting (seed 001) and Weidemann.tech (seed 002).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { visible } from '../src/format/layout.js';
import { impactFormatters, impactHeadline } from '../src/format/impact.js';
import type { ImpactRow } from '../src/query/impact.js';
import { IMPACT_FORMATS } from '../src/format/names.js';
import { writeDataset } from './helpers.js';

const ROOT = resolve(__dirname, '..');
const BIN = join(ROOT, 'bin', 'claims.js');

const src = (id: string, lines: string) => `type: source\nid: ${id}\n${lines}`;

const SOURCES: Record<string, string> = {
  'sources/techcrunch-down-to-business.yaml': src('techcrunch-down-to-business',
    'title: Mistral gets down to business\npublisher: TechCrunch\nkind: news\npublished: "2025-02-11"\nurl: https://techcrunch.com/2025/02/10/mistral-gets-down-to-business/\nreliability: B\n'),
  'sources/techcrunch-profile.yaml': src('techcrunch-profile', 'title: TechCrunch profile of Mistral AI\npublisher: TechCrunch\nkind: news\nreliability: B\n'),
  'sources/sovereignty-analysis.yaml': src('sovereignty-analysis',
    'title: Untitled analysis of Mistral AI\'s sovereignty positioning\npublisher: Unnamed outlet\nkind: analysis\ncites: [techcrunch-profile]\nreliability: C\n'),
  'sources/techcrunch-profile-summary.yaml': src('techcrunch-profile-summary',
    'title: What is Mistral AI? Everything to know about the OpenAI competitor\npublisher: Unnamed outlet\nkind: analysis\ncites: [techcrunch-profile]\nreliability: C\n'),
  'sources/weidemann-analysis.yaml': src('weidemann-analysis', 'title: Mistral AI, as of early July 2026\npublisher: Weidemann.tech\nkind: analysis\nreliability: C\n'),
  'sources/crunchbase.yaml': src('crunchbase', 'title: Crunchbase funding data for Mistral AI\npublisher: Crunchbase\nkind: database\nreliability: B\n'),
  'sources/mistral-arr-disclosure-2026-02.yaml': src('mistral-arr-disclosure-2026-02',
    'title: Mistral AI\'s February 2026 disclosure of annual recurring revenue\npublisher: Mistral AI\nkind: primary\nspeaks_for: [Mistral AI]\nreliability: C\n'),
  'sources/tf1-mensch-interview.yaml': src('tf1-mensch-interview', 'title: Arthur Mensch interviewed on TF1\npublisher: TF1\nkind: interview\nspeaks_for: [Mistral AI]\nreliability: C\n'),
  // Named in seed 004 (Mistral "is partnering with Helsing") but cited by no claim here.
  'sources/helsing-newsroom.yaml': src('helsing-newsroom', 'title: Helsing and Mistral announce strategic partnership in defence AI\npublisher: Helsing\nkind: primary\nreliability: C\n'),
};

const claim = (id: string, rest: string) => `type: claim\nid: ${id}\nsubject: Mistral AI\n${rest}`;

const CLAIMS: Record<string, string> = {
  // TechCrunch's own finding, and nothing else: without that article nothing is left.
  'mistral-ai/market-le-chat-top-ios-app-france.yaml': claim('market-le-chat-top-ios-app-france', `category: market
statement: Le Chat was the most downloaded iOS app in France in February 2025.
as_of: "2025-02"
status: independent
evidence:
  - source: techcrunch-down-to-business
    quote: Le Chat is currently the most downloaded iOS app in France.
`),
  // Mensch's word relayed by TechCrunch (self), and TechCrunch's profile as relayed by seed 000 (independent):
  // without the profile only the company's word is left; without the February article the profile still stands.
  'mistral-ai/partnership-france-travail.yaml': claim('partnership-france-travail', `parties: [France Travail]
category: partnership
statement: Mistral AI has partnered with France Travail, the French national employment agency.
as_of: "2025-02"
status: independent
evidence:
  - source: techcrunch-down-to-business
    origin: tf1-mensch-interview
    quote: We’ve partnered with France Travail [the national employment agency].
  - source: sovereignty-analysis
    origin: techcrunch-profile
    quote: Since then, TechCrunch reported a series of strategic ties across industry and government, including Accenture, Agence France-Presse, IBM, Orange, Stellantis, CMA, ASML, Luxembourg, France’s army, and France’s job agency.
`),
  // Crunchbase relayed by TechCrunch (seed 000), and TechCrunch's reporting summarised (seed 001): every chain runs
  // through the profile; without Crunchbase the profile's own reporting remains.
  'mistral-ai/funding-total-2026.yaml': claim('funding-total-2026', `category: funding-total
statement: Mistral AI has raised about $4 billion in total funding.
value: ~$4B
as_of: "2026"
status: independent
evidence:
  - source: sovereignty-analysis
    via: [techcrunch-profile]
    origin: crunchbase
    quote: The reported funding total of roughly $4 billion, cited via Crunchbase by TechCrunch, is more independently grounded than product-superiority claims.
  - source: techcrunch-profile-summary
    origin: techcrunch-profile
    quote: Mistral AI has secured approximately $4 billion in total funding across several venture rounds and debt financing.
`),
  // The company's disclosure, read through TechCrunch (seed 000) and directly by Weidemann.tech (seed 002): losing
  // the profile leaves it company-reported, as it was.
  'mistral-ai/arr-2026-02.yaml': claim('arr-2026-02', `category: arr
statement: Mistral AI's annual recurring revenue was above $400 million in February 2026.
value: ">$400M"
as_of: "2026-02"
status: company-reported
evidence:
  - source: sovereignty-analysis
    via: [techcrunch-profile]
    origin: mistral-arr-disclosure-2026-02
    quote: TechCrunch said Mistral AI disclosed in February that annual recurring revenue had risen above $400 million
  - source: weidemann-analysis
    origin: mistral-arr-disclosure-2026-02
    quote: In February, the company disclosed that its annual recurring revenue (ARR) was above $400 million
`),
};

function dataset(extra: Record<string, string> = {}): string {
  return writeDataset({ 'claims.config.yaml': 'today: "2026-11-24"\n', ...Object.fromEntries(
    Object.entries({ ...SOURCES, ...CLAIMS, ...extra }).map(([rel, text]) => [`claims/${rel}`, text]),
  ) });
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in `cwd`, colour off and 100 columns unless `env` says otherwise. */
function claims(args: string[], cwd: string, env: Record<string, string> = {}): Run {
  // FORCE_COLOR set at all (even empty) turns colour on, so it is left out unless asked for.
  const { FORCE_COLOR: _force, ...inherited } = process.env;
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd, encoding: 'utf8', env: { ...inherited, NO_COLOR: '1', COLUMNS: '100', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The sentence above the table, its wrapping undone. */
const headline = (out: string): string => out.split('┌')[0]!.trim().replace(/\s*\n\s*/g, ' ');
const readCsv = (text: string): Record<string, string>[] => parse(text, { columns: true, record_delimiter: '\r\n' });
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/;

describe('claims impact <source-id>', () => {
  const root = dataset();

  it('the table: the answer in a sentence, then each lowered claim with its support and grade now and without the source', () => {
    const r = claims(['impact', 'techcrunch-profile'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(headline(r.stdout)).toBe('If techcrunch-profile were discarded, 2 of 4 claims would be lowered: 1 would lose all its evidence, 1 would drop in support.');
    const table = r.stdout.slice(r.stdout.indexOf('┌'));
    expect(table).toMatch(/│ id +│ now → without it +│ statement +│/);
    // funding-total-2026: every chain runs through the profile. partnership-france-travail: only Mensch's own word is left.
    expect(table).toMatch(/│ funding-total-2026 +│ independent B1 +│ Mistral AI has raised [^│]+│\n│ +│ ✗ no evidence +│/);
    expect(table).toMatch(/│ partnership-france-travail +│ independent B2 +│ Mistral AI has partnered [^│]+│\n│ +│ ↓ company-reported C3 +│/);
    // arr-2026-02 uses the profile but keeps its support through Weidemann.tech's reading of the same disclosure.
    expect(table).not.toContain('arr-2026-02');
    expect(table).not.toContain('market-le-chat');
  });

  it('a source whose loss only empties a claim: the sentence says so without a "drop" part', () => {
    const r = claims(['impact', 'techcrunch-down-to-business'], root);
    expect(r.code).toBe(0);
    expect(headline(r.stdout)).toBe('If techcrunch-down-to-business were discarded, 1 of 4 claims would lose all its evidence.');
    expect(r.stdout).toContain('market-le-chat-top-ios-app-france');
    expect(r.stdout).not.toContain('partnership-france-travail');
  });

  it('a source the claims that use it can do without, and a source nothing uses: one line each, exit 0', () => {
    const used = claims(['impact', 'crunchbase'], root);
    expect(used).toMatchObject({ code: 0, stderr: '' });
    expect(headline(used.stdout)).toBe('If crunchbase were discarded, no claim would be lowered: the 1 claim that uses it keeps its support through other evidence.');
    expect(used.stdout).not.toContain('┌');
    const unused = claims(['impact', 'helsing-newsroom'], root);
    expect(unused).toMatchObject({ code: 0, stderr: '' });
    expect(headline(unused.stdout)).toBe('If helsing-newsroom were discarded, no claim would be lowered: no claim\'s evidence reads, relays or traces to it.');
    expect(unused.stdout).not.toContain('┌');
    const json = JSON.parse(claims(['impact', 'helsing-newsroom', '--format', 'json'], root).stdout);
    expect(json).toMatchObject({ source: 'helsing-newsroom', claims_using: 0, claims_lowered: 0, claims: [] });
    const csv = claims(['impact', 'helsing-newsroom', '--format', 'csv'], root).stdout;
    expect(readCsv(csv)).toEqual([]);
    expect(csv.split('\r\n')[0]).toMatch(/^source,id,file,/);
  });

  it('json: the counts and every lowered claim with before and after, parsed back', () => {
    const r = claims(['impact', 'techcrunch-profile', '--format', 'json'], root);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      source: 'techcrunch-profile', title: 'TechCrunch profile of Mistral AI', publisher: 'TechCrunch',
      claims_total: 4, claims_using: 3, claims_lowered: 2, claims_losing_all_evidence: 1, claims_dropping_support: 1,
    });
    expect(doc.claims).toEqual([
      {
        id: 'funding-total-2026', file: 'claims/mistral-ai/funding-total-2026.yaml', subject: 'Mistral AI',
        statement: 'Mistral AI has raised about $4 billion in total funding.', status: 'independent',
        before: { support: 'independent', grade: 'B1', origins: { independent: 2, party: 0, self: 0, anonymous: 0, unattributed: 0 } },
        after: null, lost_all_evidence: true,
      },
      expect.objectContaining({
        id: 'partnership-france-travail',
        before: expect.objectContaining({ support: 'independent', grade: 'B2' }),
        after: { support: 'company-reported', grade: 'C3', origins: { independent: 0, party: 0, self: 1, anonymous: 0, unattributed: 0 } },
        lost_all_evidence: false,
      }),
    ]);
  });

  it('csv: one row per lowered claim, read back by csv-parse', () => {
    const r = claims(['impact', 'techcrunch-profile', '--format', 'csv'], root);
    expect(r.code).toBe(0);
    expect(r.stdout.endsWith('\r\n')).toBe(true);
    const rows = readCsv(r.stdout);
    expect(rows.map((x) => [x.source, x.id, x.support_before, x.grade_before, x.support_after, x.grade_after, x.lost_all_evidence])).toEqual([
      ['techcrunch-profile', 'funding-total-2026', 'independent', 'B1', '', '', 'true'],
      ['techcrunch-profile', 'partnership-france-travail', 'independent', 'B2', 'company-reported', 'C3', 'false'],
    ]);
    expect(rows[1]).toMatchObject({ origins_independent_before: '1', origins_self_before: '1', origins_independent_after: '0', origins_self_after: '1' });
  });

  it('csv: a statement that would start a spreadsheet formula is neutralised, and still reads back whole', () => {
    const hostile = dataset({
      'mistral-ai/hostile.yaml': claim('hostile', `category: market
statement: "=HYPERLINK(\\"https://evil.example/\\", \\"Le Chat\\")"
status: independent
evidence:
  - source: techcrunch-down-to-business
    quote: Le Chat is currently the most downloaded iOS app in France.
`),
    });
    const rows = readCsv(claims(['impact', 'techcrunch-down-to-business', '--format', 'csv'], hostile).stdout);
    expect(rows.find((x) => x.id === 'hostile')!.statement).toBe('\'=HYPERLINK("https://evil.example/", "Le Chat")');
  });

  it('colour: the loss in red, the drop in yellow, statuses as list colours them; none with NO_COLOR', () => {
    const coloured = claims(['impact', 'techcrunch-profile'], root, { FORCE_COLOR: '1' }).stdout;
    expect(coloured).toContain('\u001b[31m✗ no evidence\u001b[39m');
    expect(coloured).toContain('\u001b[33m↓\u001b[39m \u001b[36mcompany-reported\u001b[39m C3');
    expect(coloured).toContain('\u001b[32mindependent\u001b[39m B2');
    expect(claims(['impact', 'techcrunch-profile'], root).stdout).not.toMatch(ANSI);
  });

  it('fits the terminal: a table where ids fit whole, else one record per claim; never a line wider than the terminal', () => {
    for (const [columns, layout] of [['60', 'records'], ['70', 'records'], ['74', 'table'], ['80', 'table'], ['200', 'table']] as const) {
      for (const env of [{ COLUMNS: columns }, { COLUMNS: columns, FORCE_COLOR: '1' }] as Record<string, string>[]) {
        const out = claims(['impact', 'techcrunch-profile'], root, env).stdout;
        for (const l of out.trimEnd().split('\n')) expect(visible(l), `${columns}: ${l}`).toBeLessThanOrEqual(Number(columns));
        expect(headline(out.replace(new RegExp(ANSI.source, 'g'), '')).split(' If ')[0]).toContain('1 would drop in support.');
        // The ids stand whole on a line, in either layout.
        expect(out).toMatch(layout === 'table' ? /│ partnership-france-travail +│/ : /^• (\u001b\[1m)?partnership-france-travail/m);
        expect(out.includes('┌')).toBe(layout === 'table');
      }
    }
    const records = claims(['impact', 'techcrunch-profile'], root, { COLUMNS: '60' }).stdout;
    expect(records).toContain('• funding-total-2026\n    now → without it: independent B1 ✗ no evidence\n    statement: Mistral AI has raised about');
  });

  it('takes the options every query command takes: --dir, --today, --config', () => {
    const cwd = writeDataset({});
    const viaDir = claims(['impact', 'techcrunch-profile', '--dir', join(root, 'claims'), '--today', '2026-11-24', '--format', 'json'], cwd);
    expect(viaDir.code).toBe(0);
    expect(JSON.parse(viaDir.stdout).claims_lowered).toBe(2);
    const viaConfig = claims(['impact', 'crunchbase', '--config', join(root, 'claims.config.yaml')], root);
    expect(viaConfig.code).toBe(0);
    expect(claims(['impact', 'crunchbase', '--today', 'soon'], root).code).toBe(2);
    expect(claims(['impact', 'crunchbase', '--format', 'yaml'], root)).toMatchObject({ code: 2, stdout: '' });
  });
});

describe('claims impact on hostile values: bounded and inert', () => {
  const LONG_ID = `unnamed-wire-${'x'.repeat(3000)}`;
  const root = dataset({
    // A statement that tries to drive the terminal and runs on for 50,000 characters, and an origin named only in the
    // evidence (no source file: validate reports the reference), with a 3,000-character id.
    'mistral-ai/hostile.yaml': claim('hostile', `category: market
statement: "Le Chat \\e[31mtops\\u202e the App Store. ${'Le Chat is currently the most downloaded iOS app in France. '.repeat(800)}"
status: independent
evidence:
  - source: techcrunch-down-to-business
    origin: ${LONG_ID}
    quote: Le Chat is currently the most downloaded iOS app in France.
`),
  });

  it('control characters are shown as escapes, and a long statement is cut, in the table and in records', () => {
    for (const columns of ['100', '50']) {
      const r = claims(['impact', 'techcrunch-down-to-business'], root, { COLUMNS: columns });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(/[\u001b\u202e]/);
      expect(r.stdout.replace(/[│\s]+/g, ' ')).toContain('\\x1b[31mtops\\u202e');
      expect(r.stdout.length).toBeLessThan(3000);
      expect(r.stdout).toContain('…');
    }
  });

  it('an origin named only in the evidence can be asked about; its long id is cut in the sentence, whole in json', () => {
    const table = claims(['impact', LONG_ID], root);
    expect(table.code).toBe(0);
    expect(headline(table.stdout)).toMatch(/^If unnamed-wire-x+… were discarded, 1 of 5 claims would lose all its evidence\.$/);
    expect(headline(table.stdout).length).toBeLessThan(200);
    const json = JSON.parse(claims(['impact', LONG_ID, '--format', 'json'], root).stdout);
    expect(json).toMatchObject({ source: LONG_ID, title: null, publisher: null, claims_lowered: 1 });
    expect(json.claims[0].id).toBe('hostile');
  });
});

describe('claims impact with a value that names no source: exit 2, one line, what to give instead', () => {
  const root = dataset();

  const usage = (arg: string): string => {
    const r = claims(['impact', arg], root);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    return r.stderr.trimEnd();
  };

  it('a typo gets the nearest source ids', () => {
    expect(usage('techcrunch-profil')).toBe('claims: no source "techcrunch-profil"; did you mean "techcrunch-profile", "techcrunch-profile-summary"?');
  });

  it('a publisher name, in any case, is said to be one, with its sources', () => {
    for (const name of ['TechCrunch', 'techcrunch']) {
      expect(usage(name)).toBe(`claims: "${name}" is a publisher, not a source id: give one of its sources (techcrunch-down-to-business, techcrunch-profile), one at a time`);
    }
    expect(usage('Weidemann.tec')).toBe('claims: no source "Weidemann.tec"; did you mean the publisher "Weidemann.tech"? Its sources: weidemann-analysis');
  });

  it('a claim id is said to be one', () => {
    expect(usage('arr-2026-02')).toBe('claims: "arr-2026-02" is a claim, not a source: see `claims show arr-2026-02`, or give a source id (`claims sources` lists them)');
  });

  it('a source file that does not load is sent to validate', () => {
    const broken = dataset({ 'sources/broken-source.yaml': 'type: source\nid: broken-source\ntitle: No publisher\nkind: news\n' });
    const r = claims(['impact', 'broken-source'], broken);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toBe(
      'claims: note: 1 file with errors left out; run `claims validate` to see why\n'
      + 'claims: claims/sources/broken-source.yaml does not pass the schema: run `claims validate` and fix it first\n',
    );
  });

  it('nothing near: where to find the ids; a huge value is cut, control characters shown as escapes', () => {
    expect(usage('zzzz')).toBe('claims: no source "zzzz": `claims sources` lists the source ids');
    const long = usage(`x\u001b[31m${'y'.repeat(5000)}`);
    expect(long.length).toBeLessThan(200);
    expect(long).toContain('x\\x1b[31myyy');
    expect(long).not.toContain('\u001b');
  });

  it('no id at all is a usage error', () => {
    const r = claims(['impact'], root);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("missing required argument 'source-id'");
  });
});

describe('claims impact in the help', () => {
  it('claims --help lists the command; impact --help its argument, formats and the global options', () => {
    const top = claims(['--help'], ROOT, { COLUMNS: '200' });
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/\n {2}impact \[options\] <source-id> +what rests on one source/);
    const own = claims(['impact', '--help'], ROOT, { COLUMNS: '200' });
    expect(own.code).toBe(0);
    expect(own.stdout.replace(/\s+/g, ' ')).toContain(`(choices: ${IMPACT_FORMATS.map((n) => `"${n}"`).join(', ')}, default: "table")`);
    for (const o of ['<source-id>', '--dir', '--today', '--config', '--cache']) expect(own.stdout).toContain(o);
  });

  it('the registry holds a formatter for exactly the declared names', () => {
    expect(Object.keys(impactFormatters).sort()).toEqual([...IMPACT_FORMATS].sort());
  });
});

describe('the sentence, for every mix of lowered claims', () => {
  const origins = { independent: 0, party: 0, self: 0, anonymous: 0, unattributed: 0 };
  const row = (id: string, lost: boolean): ImpactRow => ({
    id, file: `claims/${id}.yaml`, subject: 'Mistral AI', statement: 'S.', status: 'independent',
    before: { support: 'independent', grade: 'B2', origins: { ...origins, independent: 1 } },
    after: lost ? null : { support: 'company-reported', grade: 'C3', origins: { ...origins, self: 1 } }, lost_all_evidence: lost,
  });
  const report = (claims: ImpactRow[], total: number, using = claims.length) =>
    ({ source: { id: 'techcrunch-profile', title: null, publisher: null }, claims_total: total, claims_using: using, claims });

  it('drops only, losses only, both, one claim of one, and nothing lowered though claims use it', () => {
    expect(impactHeadline(report([row('a', false), row('b', false)], 76))).toBe('If techcrunch-profile were discarded, 2 of 76 claims would drop in support.');
    expect(impactHeadline(report([row('a', true), row('b', true)], 76))).toBe('If techcrunch-profile were discarded, 2 of 76 claims would lose all their evidence.');
    expect(impactHeadline(report([row('a', true)], 1))).toBe('If techcrunch-profile were discarded, 1 of 1 claim would lose all its evidence.');
    expect(impactHeadline(report([row('a', true), row('b', true), row('c', false)], 76)))
      .toBe('If techcrunch-profile were discarded, 3 of 76 claims would be lowered: 2 would lose all their evidence, 1 would drop in support.');
    expect(impactHeadline(report([], 76, 12))).toBe('If techcrunch-profile were discarded, no claim would be lowered: the 12 claims that use it keep their support through other evidence.');
  });
});
