/** Hostile sizes: every message and table stays bounded, and the work grows linearly (measured by counting, never by timing). */
import Table from 'cli-table3';
import { LineCounter, parseDocument, type YAMLMap } from 'yaml';
import { describe, expect, it } from 'vitest';
import { formatMessage, MAX_MESSAGE_LENGTH, type Diagnostic, type LintResult } from '../src/diagnostic.js';
import { lintFormatters } from '../src/format/index.js';
import { listFormatters } from '../src/format/list.js';
import { showFormatters } from '../src/format/show.js';
import { reportFormatters } from '../src/format/report.js';
import { formatReportHtml } from '../src/format/report-html.js';
import { buildReport } from '../src/report/build.js';
import { explain } from '../src/query/explain.js';
import { boundCell, fitTable, MAX_CELL_CHARS, MAX_CELL_LINES, maxOf } from '../src/format/table.js';
import { makeLocate } from '../src/load/locate.js';
import { loadDataset, type ClaimRecord } from '../src/load/dataset.js';
import { parseValues, valueDimension, valuesCompatible, type ParsedValue } from '../src/model/value.js';
import { conflictsByClaim } from '../src/provenance/conflicts.js';
import { Entities } from '../src/provenance/index.js';
import { queryContext } from '../src/query/view.js';
import { claim, lintFiles, ofRule, source, writeDataset } from './helpers.js';

const bytes = (ds: Diagnostic[]): number => ds.reduce((n, d) => n + d.message.length, 0);

describe('citation-cycle on a chain that repeats one id thousands of times', () => {
  const chainOf = (n: number) => lintFiles({
    'sources/src-a.yaml': source('src-a'),
    'sources/src-b.yaml': source('src-b'),
    'sources/src-c.yaml': source('src-c'),
    'acme/arr-1.yaml': `type: claim\nid: arr-1\nsubject: Acme\ncategory: arr\nstatement: S.\nstatus: independent\nevidence:\n  - source: src-a\n    origin: src-c\n    via: [${Array(n).fill('src-b').join(', ')}]\n    quote: q\n`,
  });

  it('reports the chain once, at the first repeat, showing a few ids and counting the rest', () => {
    for (const n of [2000, 4000]) {
      const found = ofRule(chainOf(n), 'citation-cycle');
      expect(found).toHaveLength(1);
      expect(found[0]).toMatchObject({ messageId: 'chain', path: 'evidence[0].via[1]' });
      expect(found[0]!.message).toBe(
        `The evidence chain src-c → src-b → src-b → src-b → src-b → src-b → … (${(n - 5).toLocaleString('en-US')} more) → src-a passes through "src-b" twice: list each relay once, from the origin outward.`,
      );
    }
  });

  it('reports a long `cites` cycle once per source, each message bounded', () => {
    const cycleOf = (n: number) => {
      const files: Record<string, string> = { 'acme/arr-1.yaml': claim('arr-1', 's0') };
      for (let i = 0; i < n; i++) files[`sources/s${i}.yaml`] = source(`s${i}`, `cites: [s${(i + 1) % n}]\n`);
      return ofRule(lintFiles(files), 'citation-cycle');
    };
    const small = cycleOf(100);
    const large = cycleOf(200);
    expect(small).toHaveLength(100);
    expect(large).toHaveLength(200);
    for (const d of large) expect(d.message.length).toBeLessThan(400);
    expect(large[0]!.message).toContain('… (194 more) → ');
    // Twice the sources, twice the text: not four times.
    expect(bytes(large) / bytes(small)).toBeLessThan(2.2);
  });
});

describe('value-conflict on a group of claims that all disagree', () => {
  const group = (n: number) => {
    const files: Record<string, string> = { 'sources/src-a.yaml': source('src-a') };
    for (let i = 0; i < n; i++) files[`acme/c${String(i).padStart(4, '0')}.yaml`] = claim(`c${String(i).padStart(4, '0')}`, 'src-a', `as_of: 2026-02\nvalue: "$${i + 1}M"\n`);
    return files;
  };

  it('gives one warning per claim, naming three others and counting the rest', () => {
    const found = ofRule(lintFiles(group(60)), 'value-conflict');
    expect(found).toHaveLength(60);
    expect(found.every((d) => d.messageId === 'conflictGroup')).toBe(true);
    expect(found[0]!.message).toBe(
      'Value $1M conflicts with 59 other claims on the same subject, category and period (2026-02): "c0001" ($2M), "c0002" ($3M), "c0003" ($4M) and 56 more. Mark the outdated ones superseded (`supersedes:`), set `status: disputed` or `retracted`, or fix the figures.',
    );
    expect(found[59]!.message).toContain('Value $60M conflicts with 59 other claims');
    const doubled = ofRule(lintFiles(group(120)), 'value-conflict');
    expect(doubled).toHaveLength(120);
    expect(bytes(doubled) / bytes(found)).toBeLessThan(2.2);
  });

  it('`show` lists a bounded number of related claims, with how many were left out', () => {
    const sizes = [60, 120].map((n) => {
      const root = writeDataset(group(n));
      const ctx = queryContext(loadDataset(root, root), new Entities(), '2026-11-24');
      const id = `c${String(n / 2).padStart(4, '0')}`;
      const text = showFormatters.text!(explain(ctx, id)!, { color: false, width: 100 });
      expect(text).toContain(`… ${n / 2 - 10} earlier`);
      expect(text).toContain(`… ${n / 2 - 11} later`);
      const markdown = showFormatters.markdown!(explain(ctx, id)!, { color: false, width: 100 });
      expect(markdown).toContain(`- … ${n / 2 - 11} later`);
      return [text.split('\n').length, markdown.split('\n').length];
    });
    // Twice the claims in the timeline, the same number of lines.
    expect(sizes[1]).toEqual(sizes[0]);
  });

  it('keeps at most three conflicting pairs per claim for `show` and `report`, and still finds who is contradicted', () => {
    for (const n of [60, 120]) {
      const root = writeDataset(group(n));
      const ctx = queryContext(loadDataset(root, root), new Entities(), '2026-11-24');
      expect(ctx.conflicts.length).toBeGreaterThanOrEqual(n - 1);
      expect(ctx.conflicts.length).toBeLessThanOrEqual(3 * n);
    }
  });
});

describe('conflictsByClaim', () => {
  const FORMS = ['$10M', '$20M', '~$20M', '$22M', '>$20M', '>=$20M', '<$20M', '<=$20M', '~$18M', '$18M', '>$22M', '<=$10M', '€20M', '10%', '~11%'];

  it('counts, for random groups, exactly the claims a pair-by-pair check finds, with the strongest rank among them', () => {
    // Park–Miller: exact in doubles, so every residue occurs.
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 16807) % 2147483647;
      return seed % n;
    };
    for (let round = 0; round < 30; round++) {
      const records = Array.from({ length: 25 }, (_, i) => {
        const value = random(4) === 0 ? [FORMS[random(FORMS.length)]!, FORMS[random(FORMS.length)]!] : FORMS[random(FORMS.length)]!;
        return { file: `c${i}.yaml`, data: { id: `c${i}`, subject: 'Acme', category: 'arr', statement: 's', status: 'independent', as_of: '2026-02', value, evidence: [] } } as unknown as ClaimRecord;
      });
      const rank = (r: ClaimRecord) => Number(r.data.id.slice(1)) % 7;
      const found = new Map(conflictsByClaim(records, new Map(), new Entities(), rank).map((c) => [c.rec.data.id, c]));
      for (const a of records) {
        const clashing = records.filter((b) => b !== a && clashes(parseValues(a.data.value), parseValues(b.data.value)));
        const got = found.get(a.data.id);
        expect(got?.count ?? 0, `${a.data.id} ${JSON.stringify(a.data.value)}`).toBe(clashing.length);
        if (got) {
          expect(got.strongest).toBe(Math.max(...clashing.map(rank)));
          expect(got.others.length).toBe(Math.min(3, clashing.length));
          for (const o of got.others) expect(clashing).toContain(o.rec);
        }
      }
    }
  });
});

/** The rule's definition, pair by pair: in some shared dimension, no form of one fits any form of the other. */
function clashes(a: ParsedValue[], b: ParsedValue[]): boolean {
  const dims = new Set(a.map(valueDimension));
  for (const dim of dims) {
    const xs = a.filter((v) => valueDimension(v) === dim);
    const ys = b.filter((v) => valueDimension(v) === dim);
    if (ys.length > 0 && !xs.some((x) => ys.some((y) => valuesCompatible(x, y)))) return true;
  }
  return false;
}

describe('many diagnostics in one file', () => {
  const many = (n: number): LintResult => {
    const diagnostics: Diagnostic[] = [];
    for (let i = 0; i < n; i++) {
      diagnostics.push({ file: 'acme/big.yaml', line: i + 1, column: 5, endLine: i + 1, endColumn: 9, severity: 'error', rule: 'unknown-reference', messageId: 'x', path: '', message: `m${i}` });
    }
    return { files: 1, claims: 1, sources: 0, errorCount: n, warningCount: 0, diagnostics };
  };

  it('stylish and github format 200,000 diagnostics of one file', () => {
    const result = many(200_000);
    const stylish = lintFormatters.stylish!(result, { color: false });
    expect(stylish.split('\n')).toHaveLength(200_000 + 5);
    expect(stylish).toContain('\n  200000:5  error    m199999  unknown-reference\n');
    expect(stylish).toContain('\n  1:5       error    m0  unknown-reference\n');
    const github = lintFormatters.github!(result, { color: false });
    expect(github.split('\n').length).toBeGreaterThan(400_000);
  });

  it('maxOf takes the largest of any number of values', () => {
    const values = Array.from({ length: 500_000 }, (_, i) => i % 1000);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(maxOf(values)).toBe(999);
    expect(maxOf([], 3)).toBe(3);
  });

  it('locates n findings in one map with work linear in n (map entries read, counted)', () => {
    const readsFor = (n: number): number => {
      const text = Array.from({ length: n }, (_, i) => `k${i}: ${i}`).join('\n');
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter });
      const map = doc.contents as YAMLMap;
      let reads = 0;
      map.items = new Proxy(map.items, {
        get(target, prop, receiver) {
          if (typeof prop === 'string' && /^\d+$/.test(prop)) reads++;
          return Reflect.get(target, prop, receiver);
        },
      });
      const locate = makeLocate(doc, lineCounter);
      for (let i = 0; i < n; i++) expect(locate([`k${i}`]).line).toBe(i + 1);
      return reads;
    };
    const small = readsFor(2000);
    const large = readsFor(4000);
    expect(large / small).toBeLessThan(2.5);
  });

  it('lints a claim with thousands of dangling relays: one finding each, with bounded messages', () => {
    const dangling = (n: number) => ofRule(lintFiles({
      'sources/src-a.yaml': source('src-a'),
      'sources/src-c.yaml': source('src-c'),
      'acme/arr-1.yaml': `type: claim\nid: arr-1\nsubject: Acme\ncategory: arr\nstatement: S.\nstatus: independent\nevidence:\n  - source: src-a\n    origin: src-c\n    via: [${Array.from({ length: n }, (_, i) => `x${i}`).join(', ')}]\n    quote: q\n`,
    }), 'unknown-reference');
    const found = dangling(3000);
    expect(found).toHaveLength(3000);
    expect(found[2999]).toMatchObject({ path: 'evidence[0].via[2999]', line: 10 });
  });
});

describe('the report', () => {
  it('prints a timeline of 150,000 points as text, markdown and HTML', () => {
    const root = writeDataset({
      'sources/src-a.yaml': source('src-a'),
      'acme/c1.yaml': claim('c1', 'src-a', 'as_of: 2026-02\nvalue: "$1M"\n'),
      'acme/c2.yaml': claim('c2', 'src-a', 'as_of: 2026-03\nvalue: "$2M"\n'),
    });
    const ctx = queryContext(loadDataset(root, root), new Entities(), '2026-11-24');
    const report = buildReport(ctx, ctx.views);
    const timeline = report.timelines[0]!;
    const point = timeline.points[0]!;
    timeline.points = Array.from({ length: 150_000 }, (_, i) => ({ ...point, id: `c${i}`, amount: i + 1 }));
    const text = reportFormatters.text(report, { color: false, width: 100 });
    expect(text).toContain('c149999');
    expect(reportFormatters.markdown(report, { color: false, width: 100 })).toContain('`c149999`');
    expect(formatReportHtml(report, [])).toContain('c149999');
  });
});

describe('messages have a bounded size', () => {
  it('cuts each placeholder to 200 characters and a message to 1,000, with an ellipsis', () => {
    const long = 'x'.repeat(100_000);
    const m = formatMessage('Unknown source "{{id}}": add it.', { id: long });
    expect(m).toBe(`Unknown source "${'x'.repeat(199)}…": add it.`);
    const whole = formatMessage('{{message}}', { message: long });
    expect(whole).toHaveLength(MAX_MESSAGE_LENGTH);
    expect(whole.endsWith('…')).toBe(true);
    expect(formatMessage('{{a}} {{b}} {{c}} {{d}} {{e}} {{f}}', { a: long, b: long, c: long, d: long, e: long, f: long })).toHaveLength(MAX_MESSAGE_LENGTH);
    // A pair of surrogates is never cut in half.
    expect(formatMessage('{{id}}', { id: '🚀'.repeat(1000) }).at(-2)).toBe('🚀'.at(-1));
  });

  it('bounds a rule message built from a huge id in a claim', () => {
    const id = `s${'a'.repeat(50_000)}`;
    const found = ofRule(lintFiles({ 'sources/src-a.yaml': source('src-a'), 'acme/arr-1.yaml': claim('arr-1', id) }), 'unknown-reference');
    expect(found).toMatchObject([{ messageId: 'unknown', path: 'evidence[0].source', line: 8, column: 13 }]);
    for (const d of found) expect(d.message.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
  });
});

describe('tables', () => {
  const head = ['id', 'status', 'statement'];

  it('cut a cell of thousands of lines to a bounded one', () => {
    const cell = Array.from({ length: 8000 }, (_, i) => `l${i}`).join('\n');
    const cut = boundCell(cell);
    expect(cut.split('\n')).toHaveLength(MAX_CELL_LINES);
    expect(cut.endsWith(' …')).toBe(true);
    const longLine = boundCell('word '.repeat(10_000));
    expect([...longLine]).toHaveLength(MAX_CELL_CHARS);
    expect(longLine.endsWith('…')).toBe(true);
    // Colour codes are kept whole and closed.
    const coloured = boundCell(`\u001b[33m${'y'.repeat(5000)}\u001b[39m`);
    expect(coloured.startsWith('\u001b[33m')).toBe(true);
    expect(coloured.endsWith('…\u001b[0m')).toBe(true);
    expect(boundCell('short\ncell')).toBe('short\ncell');
  });

  it("`list`'s table of a statement with 8,000 lines has a bounded size", () => {
    const statement = Array.from({ length: 8000 }, (_, i) => `line ${i}`).join('\n');
    const table = fitTable(head, [['arr-1', 'rumored', statement]], { width: 80, color: false });
    expect(table.split('\n').length).toBeLessThanOrEqual(MAX_CELL_LINES + 4);
    expect(table).toContain('line 0');
    expect(table).not.toContain('line 7999');
    expect(table).toContain('…');
  });

  it('grow linearly with their rows: twice the rows, twice the lines', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [`s${i}`, 'news · F', `read ${i}\nrelays 0\norigin 1`]);
    const a = fitTable(head, rows(500), { width: 60, color: false }).split('\n').length;
    const b = fitTable(head, rows(1000), { width: 60, color: false }).split('\n').length;
    expect(b - 3).toBe(2 * (a - 3));
  });

  it('are laid out exactly as cli-table3 lays out the whole table at once', () => {
    const words = ['Mistral', 'AI', 'raised', '€1.7B', 'in', 'a', 'round', 'led', 'by', 'ASML', 'supercalifragilisticexpialidocious'];
    const rows: string[][] = [];
    for (let i = 0; i < 70; i++) {
      // Cells within the bounds (at most 11 lines), which are cut before layout.
      const text = (k: number) => Array.from({ length: 1 + ((i * 7 + k) % 11) }, (_, j) => words[(i + j * k) % words.length]).join(i % 5 === 0 ? '\n' : ' ');
      rows.push([`claim-${i}-${'x'.repeat(i % 9)}`, text(3), text(5)]);
    }
    for (const width of [60, 100]) {
      const ours = fitTable(head, rows, { width, color: false });
      const widths = ours.split('\n')[0]!.slice(1, -1).split('┬').map((s) => s.length);
      const reference = new Table({
        head, colWidths: widths, wordWrap: true, wrapOnWordBoundary: true,
        style: { head: [], border: [], 'padding-left': 1, 'padding-right': 1 },
      });
      for (const r of rows) {
        reference.push(r.map((cell, i) => (i === 2 || maxOf(cell.split(/\s+/).map((w) => [...w].length), 0) <= widths[i]! - 2 ? cell : { content: cell, wrapOnWordBoundary: false })));
      }
      const theirs = reference.toString().split('\n');
      ours.split('\n').forEach((line, k) => expect(line).toBe(theirs[k]));
      expect(ours).toBe(reference.toString());
    }
  });

  it('`list --format table` over many claims ends with the count', () => {
    const root = writeDataset(Object.fromEntries([
      ['sources/src-a.yaml', source('src-a')],
      ...Array.from({ length: 300 }, (_, i) => [`acme/c${i}.yaml`, claim(`c${i}`)]),
    ]));
    const ctx = queryContext(loadDataset(root, root), new Entities(), '2026-11-24');
    const out = listFormatters.table!(ctx.views, { color: false, width: 100 });
    expect(out.endsWith('\n300 claims\n')).toBe(true);
    expect(out.match(/^├/gm)).toHaveLength(300);
  });
});
