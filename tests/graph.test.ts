import { describe, expect, it } from 'vitest';
import { runCli } from './cli-helpers.js';
import { writeDataset } from './helpers.js';

const MERMAID_ARR = `flowchart LR
  classDef self fill:#ffd8a8,stroke:#e8590c,color:#000000
  classDef independent fill:#b2f2bb,stroke:#2f9e44,color:#000000
  classDef status_company_reported fill:#66d9e8,stroke:#0b7285,color:#000000
  src_acme_blog["acme-blog<br/>Acme results post"]:::self
  src_wire["wire<br/>Wire story on Acme results"]:::independent
  src_daily["daily<br/>Daily roundup"]:::independent
  claim_arr_2026_02["arr-2026-02<br/>Acme's ARR passed $10 million in February 2026."]:::status_company_reported
  src_acme_blog --> src_wire
  src_wire --> src_daily
  src_daily --> claim_arr_2026_02
  src_wire --> claim_arr_2026_02
`;

const DOT_ARR = `digraph provenance {
  rankdir=LR;
  node [shape=box, style="rounded,filled", fontname="Helvetica"];
  "source:acme-blog" [label="acme-blog\\nAcme results post", fillcolor="#ffd8a8", color="#e8590c", fontcolor="#000000"];
  "source:wire" [label="wire\\nWire story on Acme results", fillcolor="#b2f2bb", color="#2f9e44", fontcolor="#000000"];
  "source:daily" [label="daily\\nDaily roundup", fillcolor="#b2f2bb", color="#2f9e44", fontcolor="#000000"];
  "claim:arr-2026-02" [label="arr-2026-02\\nAcme's ARR passed $10 million in February 2026.", fillcolor="#66d9e8", color="#0b7285", fontcolor="#000000"];
  "source:acme-blog" -> "source:wire";
  "source:wire" -> "source:daily";
  "source:daily" -> "claim:arr-2026-02";
  "source:wire" -> "claim:arr-2026-02";
}
`;

const SOURCES = ['acme-blog', 'daily', 'globex-pr', 'registry', 'tipsters', 'wire'];
const CLAIMS = ['arr-2025-02', 'arr-2026-02', 'arr-forecast', 'globex-investment', 'rumored-round', 'valuation-2025', 'valuation-2025-early', 'widget-launch'];
const mid = (id: string) => id.replace(/-/g, '_');

describe('claims graph <id>', () => {
  it('mermaid (the default): origin → relay → source → claim, deduplicated, coloured by class toward the claim', async () => {
    const r = await runCli(['graph', 'arr-2026-02'], 'query');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(MERMAID_ARR);
  });

  it('dot', async () => {
    const r = await runCli(['graph', 'arr-2026-02', '--format', 'dot'], 'query');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(DOT_ARR);
  });

  it('colours a party origin and an anonymous origin by their class', async () => {
    const party = await runCli(['graph', 'globex-investment'], 'query');
    expect(party.stdout).toContain('src_globex_pr["globex-pr<br/>Globex invests in Acme"]:::party');
    expect(party.stdout).toContain('src_registry["registry<br/>Company registry filing"]:::independent');
    expect(party.stdout).toContain(':::status_independent');
    const anon = await runCli(['graph', 'rumored-round', '--format', 'dot'], 'query');
    expect(anon.stdout).toContain('"source:tipsters" [label="tipsters\\nPeople familiar with the matter", fillcolor="#dee2e6"');
    expect(anon.stdout).toContain('"source:tipsters" -> "source:daily";');
    expect(anon.stdout).toContain('"source:daily" -> "claim:rumored-round";');
    expect(anon.stdout).toContain('fillcolor="#ffe066"'); // rumored
  });

  it('an unknown id is exit 2 with the nearest ids', async () => {
    const r = await runCli(['graph', 'arr-2026'], 'query');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('claims: no claim "arr-2026"; did you mean "arr-2026-02"?\n');
  });

  it('a source id, a missing id and both an id and --all are usage errors', async () => {
    const src = await runCli(['graph', 'wire'], 'query');
    expect(src.code).toBe(2);
    expect(src.stderr).toContain('"wire" is a source, not a claim');
    expect((await runCli(['graph'], 'query')).code).toBe(2);
    expect((await runCli(['graph', 'arr-2026-02', '--all'], 'query')).code).toBe(2);
    expect((await runCli(['graph', 'arr-2026-02', '--format', 'svg'], 'query')).code).toBe(2);
  });
});

describe('claims graph --all', () => {
  it('mermaid: every source (coloured by kind, anonymous distinct) and every claim (by status)', async () => {
    const r = await runCli(['graph', '--all'], 'query');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('flowchart LR\n')).toBe(true);
    for (const s of SOURCES) expect(r.stdout).toMatch(new RegExp(`^  src_${mid(s)}\\["${s}<br/>.*"\\]:::kind_`, 'm'));
    for (const c of CLAIMS) expect(r.stdout).toMatch(new RegExp(`^  claim_${mid(c)}\\["${c}<br/>.*"\\]:::status_`, 'm'));
    expect(r.stdout).toContain('src_tipsters["tipsters<br/>People familiar with the matter"]:::kind_anonymous');
    expect(r.stdout).toContain('src_wire["wire<br/>Wire story on Acme results"]:::kind_news');
    expect(r.stdout).toContain('classDef kind_anonymous fill:#343a40,stroke:#000000,color:#ffffff');
    expect(r.stdout).toContain('claim_rumored_round["rumored-round<br/>Acme was rumored to be raising $30 million in…"]:::status_rumored');
    // Edges are deduplicated across claims: acme-blog → wire is used by two evidence items.
    const edges = r.stdout.split('\n').filter((l) => l.includes(' --> '));
    expect(new Set(edges).size).toBe(edges.length);
    expect(edges).toContain('  src_acme_blog --> src_wire');
    expect(edges).toContain('  src_tipsters --> src_daily');
    expect(edges).toHaveLength(13);
  });

  it('dot: every source and claim', async () => {
    const r = await runCli(['graph', '--all', '--format', 'dot'], 'query');
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('digraph provenance {\n')).toBe(true);
    expect(r.stdout.endsWith('}\n')).toBe(true);
    for (const s of SOURCES) expect(r.stdout).toContain(`"source:${s}" [label="${s}\\n`);
    for (const c of CLAIMS) expect(r.stdout).toContain(`"claim:${c}" [label="${c}\\n`);
    expect(r.stdout).toContain('"source:tipsters" [label="tipsters\\nPeople familiar with the matter", fillcolor="#343a40", color="#000000", fontcolor="#ffffff"];');
  });
});

describe('claims graph: label escaping', () => {
  const root = writeDataset({
    'claims/sources/odd.yaml':
      'type: source\nid: odd\ntitle: \'The "Big" [Acme] <story> #1 & more\'\npublisher: Odd\nkind: news\n',
    'claims/acme/odd-claim.yaml':
      'type: claim\nid: odd-claim\nsubject: Acme\ncategory: other\nstatement: \'Acme said "yes" [sic] \\ {ok}\'\nstatus: independent\nevidence:\n  - source: odd\n    quote: q\n',
  });

  it('mermaid: quotes and markup as entity codes, brackets kept inside the quoted label', async () => {
    const r = await runCli(['graph', 'odd-claim'], root);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('  src_odd["odd<br/>The #34;Big#34; [Acme] #60;story#62; #35;1 #38; more"]:::independent\n');
    expect(r.stdout).toContain('  claim_odd_claim["odd-claim<br/>Acme said #34;yes#34; [sic] \\ {ok}"]:::status_independent\n');
    // No raw double quote inside any label.
    for (const line of r.stdout.split('\n').filter((l) => l.includes('["'))) {
      expect(line.slice(line.indexOf('["') + 2, line.lastIndexOf('"]'))).not.toContain('"');
    }
  });

  it('dot: quotes and backslashes escaped', async () => {
    const r = await runCli(['graph', 'odd-claim', '--format', 'dot'], root);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"source:odd" [label="odd\\nThe \\"Big\\" [Acme] <story> #1 & more", fillcolor=');
    expect(r.stdout).toContain('"claim:odd-claim" [label="odd-claim\\nAcme said \\"yes\\" [sic] \\\\ {ok}", fillcolor=');
  });
});
