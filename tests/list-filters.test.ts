/**
 * `claims list` filters and sorts added for careful sourcing questions (--publisher, --depends-on, --due-before/-after,
 * --has-value, --sort due|grade|support), the due date in the table, and filter values that name nothing: run end to end
 * through the built binary on tests/fixtures/list-filters (a today of 2026-03-15 in its claims.config.yaml).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCE_KINDS } from '../src/model/schema.js';

const BIN = resolve(__dirname, '..', 'bin', 'claims.js');
const built = existsSync(resolve(__dirname, '..', 'dist', 'claims.js'));
if (!built) console.warn('skipped: tests/list-filters.test.ts runs the built binary; run `npm run build` first');
const DATASET = resolve(__dirname, 'fixtures', 'list-filters');

/** Runs the built binary in the fixture dataset, colour off as when piped. */
function claims(args: string[], env: Record<string, string> = {}) {
  const base: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete base.FORCE_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: DATASET, encoding: 'utf8', env: { ...base, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The ids `claims list … --format ids` prints (exit 0 and nothing on stderr asserted). */
function ids(...args: string[]): string[] {
  const r = claims(['list', '--format', 'ids', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout.split('\n').filter(Boolean);
}

/** One usage error: exit 2, nothing on stdout, exactly one line on stderr; returns that line. */
function usageError(args: string[]): string {
  const r = claims(args);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.split('\n');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toBe('');
  return lines[0]!;
}

describe.skipIf(!built)('list --publisher (built binary; skipped when dist/ is missing)', () => {
  it('matches evidence read in, relayed by or originating from a source of the publisher, case-insensitively', () => {
    // "TechCrunch" and "Techcrunch" are written differently on two source files: one publisher.
    expect(ids('--publisher', 'techcrunch', '--sort', 'id')).toEqual(['arr-2026-02', 'model-release-summer', 'partnership-stellantis', 'raise-rumor']);
    expect(ids('--publisher', 'TECHCRUNCH', '--sort', 'id')).toEqual(ids('--publisher', 'techcrunch', '--sort', 'id'));
    // AFP originates compute-launch (read in CNBC) and relays raise-rumor (via): both count.
    expect(ids('--publisher', 'agence france-presse', '--sort', 'id')).toEqual(['compute-launch', 'raise-rumor']);
    // The company as an origin, whatever outlet the evidence was read in.
    expect(ids('--publisher', 'Mistral AI', '--sort', 'id')).toEqual(['arr-2026-02', 'arr-forecast-2026', 'model-release-summer']);
  });

  it('ORs within the list and ANDs with the other filters', () => {
    expect(ids('--publisher', 'Crunchbase,Agence France-Presse', '--sort', 'id')).toEqual(['compute-launch', 'raise-rumor', 'valuation-2025-09']);
    expect(ids('--publisher', 'techcrunch', '--status', 'independent')).toEqual(['partnership-stellantis']);
  });
});

describe.skipIf(!built)('list --depends-on (built binary)', () => {
  it('keeps the claims whose support would drop or whose evidence would all go without the source', () => {
    // partnership-stellantis keeps CNBC, an independent origin, so it does not rest on TechCrunch's profile.
    expect(ids('--depends-on', 'techcrunch-profile', '--sort', 'id')).toEqual(['arr-2026-02', 'raise-rumor']);
    // valuation-2025-09 keeps Crunchbase; partnership-stellantis keeps TechCrunch.
    expect(ids('--depends-on', 'cnbc-report', '--sort', 'id')).toEqual(['compute-launch', 'openai-round-2025-03']);
    // A relay and an origin both carry the chain.
    expect(ids('--depends-on', 'afp-wire', '--sort', 'id')).toEqual(['compute-launch', 'raise-rumor']);
    expect(ids('--depends-on', 'mistral-blog', '--sort', 'id')).toEqual(['arr-2026-02', 'arr-forecast-2026', 'model-release-summer']);
  });

  it('a source nothing rests on alone matches nothing, and says so (exit 0)', () => {
    const r = claims(['list', '--depends-on', 'crunchbase']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('No claims match.\n');
  });

  it('combines with other filters', () => {
    expect(ids('--depends-on', 'mistral-blog', '--assertion', 'forecast', '--sort', 'id')).toEqual(['arr-forecast-2026', 'model-release-summer']);
  });
});

describe.skipIf(!built)('list --due-before / --due-after (built binary)', () => {
  // Due dates: compute-launch 2026-06-30, model-release-summer 2026-07 (ends 2026-07-31), arr-forecast-2026 2026 (ends 2026-12-31).
  it('bounds are exclusive of the whole period given, and a partial due date counts as its last day', () => {
    expect(ids('--due-before', '2026-07', '--sort', 'id')).toEqual(['compute-launch']);
    expect(ids('--due-before', '2026-07-31', '--sort', 'id')).toEqual(['compute-launch']);
    expect(ids('--due-before', '2026-08', '--sort', 'id')).toEqual(['compute-launch', 'model-release-summer']);
    expect(ids('--due-before', '2027', '--sort', 'id')).toEqual(['arr-forecast-2026', 'compute-launch', 'model-release-summer']);
    expect(ids('--due-before', '2026')).toEqual([]);
    expect(ids('--due-after', '2026-06', '--sort', 'id')).toEqual(['arr-forecast-2026', 'model-release-summer']);
    expect(ids('--due-after', '2026-06-29', '--sort', 'id')).toEqual(['arr-forecast-2026', 'compute-launch', 'model-release-summer']);
    expect(ids('--due-after', '2026-07', '--due-before', '2027')).toEqual(['arr-forecast-2026']);
  });

  it('claims without a due date never match', () => {
    expect(ids('--due-after', '1000', '--assertion', 'fact')).toEqual([]);
  });

  it.each([['--due-before', 'soon'], ['--due-after', '2026-02-30'], ['--due-before', '26']])('%s %s is exit 2', (flag, value) => {
    expect(usageError(['list', flag, value])).toBe(`claims: ${flag}: "${value}" is not a date; use 2026, 2026-02 or 2026-02-15`);
  });
});

describe.skipIf(!built)('list --has-value / --no-has-value (built binary)', () => {
  it('splits the claims into those with a value and those without', () => {
    const all = ids('--sort', 'id');
    const withValue = ids('--has-value', '--sort', 'id');
    const without = ids('--no-has-value', '--sort', 'id');
    expect(withValue).toEqual(['arr-2026-02', 'arr-forecast-2026', 'openai-round-2025-03', 'raise-rumor', 'valuation-2025-09']);
    expect(without).toEqual(['compute-launch', 'model-release-summer', 'partnership-stellantis']);
    expect([...withValue, ...without].sort()).toEqual(all);
  });
});

describe.skipIf(!built)('list --sort due, grade, support (built binary)', () => {
  it('due: earliest deadline first, claims without one last either way (ties by id)', () => {
    const rest = ['arr-2026-02', 'openai-round-2025-03', 'partnership-stellantis', 'raise-rumor', 'valuation-2025-09'];
    expect(ids('--sort', 'due')).toEqual(['compute-launch', 'model-release-summer', 'arr-forecast-2026', ...rest]);
    expect(ids('--sort', '-due')).toEqual(['arr-forecast-2026', 'model-release-summer', 'compute-launch', ...rest]);
  });

  it('grade: best first, by credibility 1–6 and then reliability A–F', () => {
    expect(ids('--sort', 'grade')).toEqual([
      'valuation-2025-09', // A1
      'partnership-stellantis', // B1
      'openai-round-2025-03', // B2
      'arr-2026-02', // C3
      'raise-rumor', // F4
      'arr-forecast-2026', 'compute-launch', 'model-release-summer', // C6, ties by id
    ]);
    expect(ids('--sort', '-grade')).toEqual([
      'arr-forecast-2026', 'compute-launch', 'model-release-summer', 'raise-rumor', 'arr-2026-02', 'openai-round-2025-03', 'partnership-stellantis', 'valuation-2025-09',
    ]);
  });

  it('support: rumored, company-reported, independent; -support the strongest first', () => {
    expect(ids('--sort', 'support')).toEqual([
      'raise-rumor', 'arr-2026-02', 'arr-forecast-2026', 'model-release-summer',
      'compute-launch', 'openai-round-2025-03', 'partnership-stellantis', 'valuation-2025-09',
    ]);
    expect(ids('--sort', '-support')).toEqual([
      'compute-launch', 'openai-round-2025-03', 'partnership-stellantis', 'valuation-2025-09',
      'arr-2026-02', 'arr-forecast-2026', 'model-release-summer', 'raise-rumor',
    ]);
  });

  it('the keys that were there stay, and a bad key names them all', () => {
    expect(ids('--sort', 'as_of', '--limit', '1')).toEqual(['partnership-stellantis']);
    expect(usageError(['list', '--sort', 'deadline'])).toBe(
      'claims: --sort: "deadline" is not valid; use one of: as_of, -as_of, id, -id, status, -status, value, -value, due, -due, grade, -grade, support, -support',
    );
  });
});

describe.skipIf(!built)('the list table shows due dates (built binary)', () => {
  it('under a forecast\'s as_of, labelled, and fits 80 columns', () => {
    for (const width of ['60', '80', '120']) {
      const r = claims(['list', '--assertion', 'forecast', '--sort', 'due'], { COLUMNS: width });
      expect(r.code).toBe(0);
      for (const line of r.stdout.trimEnd().split('\n')) expect([...line].length, line).toBeLessThanOrEqual(Number(width));
    }
    const wide = claims(['list', '--assertion', 'forecast', '--sort', 'due'], { COLUMNS: '120' }).stdout;
    expect(wide).toMatch(/│ compute-launch +│ independent +│ 2025-06 +│/);
    expect(wide).toMatch(/│ +│ grade C6 +│ due 2026-06-30 │/);
    expect(wide).toContain('due 2026-07');
    expect(wide).toMatch(/│ 2026-02 +│ >\$1B/);
    expect(wide).toMatch(/│ due 2026 +│/);
    // At 80 columns the label wraps above the date rather than pushing the table wider.
    const narrow = claims(['list', '--assertion', 'forecast', '--sort', 'due'], { COLUMNS: '60' }).stdout;
    expect(narrow).toMatch(/due/);
  });

  it('facts show no due line', () => {
    const r = claims(['list', '--assertion', 'fact'], { COLUMNS: '120' });
    expect(r.stdout).not.toContain('due ');
  });
});

describe.skipIf(!built)('filter values that name nothing are usage errors (built binary)', () => {
  it.each([
    [['--source', 'TechCrunch'], 'claims: --source: "TechCrunch" names no source id; it is a publisher: use --publisher TechCrunch, or one of its source ids: "techcrunch-interview", "techcrunch-profile"'],
    [['--source', 'techcrunh-profile'], 'claims: --source: "techcrunh-profile" names no source id; did you mean "techcrunch-profile"?'],
    [['--source', 'arr-2026-02'], 'claims: --source: "arr-2026-02" is a claim, not a source; give a source id (see `claims sources --format ids`)'],
    [['--source', 'cnbc-report,zzzz'], 'claims: --source: "zzzz" names no source id; source ids include "afp-wire", "cnbc-report", "crunchbase", "mistral-blog", "people-familiar" (7 in all)'],
    [['--subject', 'Mistral'], 'claims: --subject: "Mistral" is the subject of no claim; did you mean "Mistral AI"?'],
    [['--subject', 'Stellantis'], "claims: --subject: \"Stellantis\" is the subject of no claim; it is a party: use --party Stellantis"],
    [['--party', 'Mistral AI'], "claims: --party: \"Mistral AI\" is a party to no claim; it is a subject: use --subject 'Mistral AI'"],
    [['--party', 'Stelantis'], 'claims: --party: "Stelantis" is a party to no claim; did you mean "Stellantis"?'],
    [['--publisher', 'Tech Crunch'], 'claims: --publisher: "Tech Crunch" publishes no source; did you mean "TechCrunch"?'],
    [['--publisher', 'cnbc-report'], 'claims: --publisher: "cnbc-report" publishes no source; it is a source id (published by "CNBC"): use --source cnbc-report'],
    [['--publisher', 'Reuters'], 'claims: --publisher: "Reuters" publishes no source; publishers include "Agence France-Presse", "CNBC", "Crunchbase", "Mistral AI", "TechCrunch" (6 in all)'],
    [['--depends-on', 'TechCrunch'], 'claims: --depends-on: "TechCrunch" names no source id; it is a publisher, whose source ids are "techcrunch-interview", "techcrunch-profile"'],
    [['--depends-on', 'cnbc-repot'], 'claims: --depends-on: "cnbc-repot" names no source id; did you mean "cnbc-report"?'],
    [['--depends-on', 'cnbc'], 'claims: --depends-on: "cnbc" names no source id; it is a publisher, whose source ids are "cnbc-report"'],
    [['--depends-on', 'raise-rumor'], 'claims: --depends-on: "raise-rumor" is a claim, not a source; give a source id (see `claims sources --format ids`)'],
    [['--depends-on', 'afp-wire,cnbc-report'], 'claims: --depends-on: "afp-wire,cnbc-report": give one source id'],
    [['--status', 'confirmed'], 'claims: --status: "confirmed" is not valid. Use one or more of: rumored, company-reported, independent, disputed, retracted'],
    [['--category', 'valuaton'], 'claims: --category: "valuaton" is not valid. Did you mean "valuation"? Use one or more of: arr, revenue, valuation, funding-round, funding-total, investment, partnership, acquisition, infrastructure, product, people, market, other'],
    [['--assertion', 'forecasts'], 'claims: --assertion: "forecasts" is not valid. Did you mean "forecast"? Use one or more of: fact, forecast, opinion'],
    [['--support', 'independant'], 'claims: --support: "independant" is not valid. Did you mean "independent"? Use one or more of: rumored, company-reported, independent'],
    [['--credibility', '7'], 'claims: --credibility: "7" is not valid. Did you mean "1"? Use one or more of: 1, 2, 3, 4, 5, 6'],
  ])('list %j', (args, line) => {
    expect(usageError(['list', ...args])).toBe(line);
  });

  it.each(['--subject', '--party', '--source', '--publisher', '--depends-on', '--status', '--category'])('an empty %s is exit 2, not a filter that keeps nothing', (flag) => {
    expect(usageError(['list', flag, ' , '])).toBe(`claims: ${flag}: give at least one value (a comma-separated list)`);
  });

  it('a value that names something but matches nothing with the other filters is not an error', () => {
    expect(ids('--subject', 'OpenAI', '--category', 'arr')).toEqual([]);
  });

  it('names compare through case and aliases, as the filter does', () => {
    expect(ids('--subject', 'mistral ai', '--category', 'arr', '--assertion', 'fact')).toEqual(['arr-2026-02']);
    expect(ids('--party', 'STELLANTIS')).toEqual(['partnership-stellantis']);
  });

  it('keeps the message on one bounded line: long values are cut, control characters shown as escapes', () => {
    const long = 'x'.repeat(5000);
    const line = usageError(['list', '--source', long]);
    expect(line.length).toBeLessThan(400);
    expect(line).toContain(`"${'x'.repeat(59)}…" names no source id`);
    const escaped = usageError(['list', '--subject', 'Mistral\nAI\u001b[31m']);
    expect(escaped).toBe('claims: --subject: "Mistral\\nAI\\x1b[31m" is the subject of no claim; subjects include "Mistral AI", "OpenAI"');
  });

  it('report and export share the checks', () => {
    expect(usageError(['report', '--publisher', 'Reuters'])).toContain('claims: --publisher: "Reuters" publishes no source');
    expect(usageError(['report', '--depends-on', 'nope'])).toContain('claims: --depends-on: "nope" names no source id');
    expect(usageError(['export', '--source', 'TechCrunch'])).toContain('it is a publisher: use --publisher TechCrunch');
    expect(usageError(['export', '--due-after', 'later'])).toContain('is not a date');
    const r = claims(['report', '--format', 'json', '--depends-on', 'cnbc-report']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { filters_applied: boolean; overview: { total: number } };
    expect(report.filters_applied).toBe(true);
    expect(report.overview.total).toBe(2);
    const csv = claims(['export', '--format', 'csv', '--publisher', 'agence france-presse', '--sort', '-due']).stdout.split('\r\n');
    expect(csv.slice(1, 3).map((l) => l.split(',')[0])).toEqual(['compute-launch', 'raise-rumor']);
  });
});

describe.skipIf(!built)('claims sources --publisher, --kind, --reliability (built binary)', () => {
  const sourceIds = (...args: string[]) => {
    const r = claims(['sources', '--format', 'ids', ...args]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    return r.stdout.split('\n').filter(Boolean);
  };

  it('filters: AND across options, OR within a list; publisher and reliability case-insensitive', () => {
    expect(sourceIds('--publisher', 'techcrunch')).toEqual(['techcrunch-interview', 'techcrunch-profile']);
    expect(sourceIds('--kind', 'news')).toEqual(['afp-wire', 'cnbc-report', 'techcrunch-profile']);
    expect(sourceIds('--kind', 'database,anonymous')).toEqual(['crunchbase', 'people-familiar']);
    expect(sourceIds('--reliability', 'b')).toEqual(['cnbc-report', 'techcrunch-interview', 'techcrunch-profile']);
    // An ungraded source is F.
    expect(sourceIds('--reliability', 'F')).toEqual(['people-familiar']);
    expect(sourceIds('--kind', 'news', '--reliability', 'B')).toEqual(['cnbc-report', 'techcrunch-profile']);
    expect(sourceIds('--publisher', 'CNBC', '--kind', 'interview')).toEqual([]);
  });

  it('the counts stay those of the whole dataset, and the table counts what it shows', () => {
    const [cnbc] = JSON.parse(claims(['sources', '--format', 'json', '--publisher', 'cnbc']).stdout) as Array<Record<string, unknown>>;
    expect(cnbc).toMatchObject({ id: 'cnbc-report', read_by: 4, origin_of: 3 });
    const table = claims(['sources', '--kind', 'news'], { COLUMNS: '80' }).stdout;
    expect(table.trimEnd().endsWith('3 sources')).toBe(true);
  });

  it.each([
    [['--kind', 'newspaper'], `claims: --kind: "newspaper" is not valid. Did you mean "news"? Use one or more of: ${SOURCE_KINDS.join(', ')}`],
    [['--kind', 'news,blog'], `claims: --kind: "blog" is not valid. Use one or more of: ${SOURCE_KINDS.join(', ')}`],
    [['--reliability', 'AB'], 'claims: --reliability: "AB" is not valid. Did you mean "A"? Use one or more of: A, B, C, D, E, F'],
    [['--publisher', 'Tech Crunch'], 'claims: --publisher: "Tech Crunch" publishes no source; did you mean "TechCrunch"?'],
    [['--publisher', 'techcrunch-profile'], 'claims: --publisher: "techcrunch-profile" publishes no source; it is a source id (published by "TechCrunch"): use --source techcrunch-profile'],
    [['--publisher', ''], 'claims: --publisher: give at least one value (a comma-separated list)'],
    [['--kind', ','], 'claims: --kind: give at least one value (a comma-separated list)'],
  ])('sources %j is exit 2', (args, line) => {
    expect(usageError(['sources', ...args])).toBe(line);
  });
});

describe.skipIf(!built)('help lists the new options (built binary)', () => {
  it('list --help', () => {
    const help = claims(['list', '--help']).stdout.replace(/\s+/g, ' ');
    for (const flag of ['--publisher <names>', '--depends-on <source-id>', '--due-before <date>', '--due-after <date>', '--has-value', '--no-has-value']) {
      expect(help).toContain(flag);
    }
    expect(help).toMatch(/--sort <key> .*due, grade \(best first\) or support \(weakest first\)/);
  });

  it('sources --help names every kind', () => {
    const help = claims(['sources', '--help']).stdout.replace(/\s+/g, ' ');
    for (const flag of ['--publisher <names>', '--kind <list>', '--reliability <list>']) expect(help).toContain(flag);
    expect(help).toContain(SOURCE_KINDS.join(', '));
  });
});

describe.skipIf(!built)('the README documents every option list and sources take (built binary)', () => {
  const README = readFileSync(resolve(__dirname, '..', 'README.md'), 'utf8');
  /** The README section that starts at `heading`, up to the next heading of its level. */
  const section = (heading: string) => {
    const at = README.indexOf(heading);
    expect(at, heading).toBeGreaterThanOrEqual(0);
    const next = README.indexOf('\n### ', at + heading.length);
    return README.slice(at, next < 0 ? undefined : next);
  };
  const GLOBAL = new Set(['--dir', '--today', '--config', '--cache', '--cache-location', '--help', '--format', '--at', '--as-known-on']);
  const helpFlags = (command: string) =>
    [...claims([command, '--help']).stdout.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!).filter((f) => !GLOBAL.has(f));
  const tableFlags = (text: string) =>
    text.split('\n').filter((l) => l.startsWith('| `--')).flatMap((l) => l.split(' | ')[0]!.match(/--[a-z-]+/g) ?? []);

  it.each([
    ['list', '### `claims list` — the querier'],
    ['sources', '### `claims sources`'],
  ])('claims %s: each option of --help is in the README section, and each one its table names is in --help', (command, heading) => {
    const text = section(heading);
    const help = helpFlags(command);
    expect(help.length).toBeGreaterThanOrEqual(command === 'list' ? 20 : 3);
    for (const flag of help) expect(text, `${flag} in README ${heading}`).toContain(`\`${flag}`);
    for (const flag of tableFlags(text)) expect(help, `${flag} in claims ${command} --help`).toContain(flag);
  });
});
