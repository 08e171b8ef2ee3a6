// `claims snapshot`: a source's text stored from a file, standard input or a page served on 127.0.0.1, with its digest.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshot, type SnapshotOptions } from '../src/cli/snapshot.js';
import { resolveSettings } from '../src/cli/settings.js';
import { UsageError, type Io } from '../src/cli/io.js';
import { checkSnapshotOption, fetchPage, FETCH_LIMITS, textFromBytes } from '../src/edit/snapshot.js';
import { loadDataset } from '../src/load/dataset.js';
import { lint } from '../src/lint.js';
import { rules } from '../src/rules/index.js';
import { snapshotChanged } from '../src/rules/snapshot-changed.js';
import { writeDataset } from './helpers.js';

const FIXTURE = readFileSync(join(__dirname, 'fixtures/snapshot/news-article.html'));
const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

const SOURCE = [
  '# yaml-language-server: $schema=../../schemas/source.schema.json',
  'type: source',
  'id: ledger',
  'title: Acme Robotics raises $40 million # the headline',
  'publisher: The Example Ledger',
  'kind: news',
  'reliability: B',
  '',
].join('\n');

const CLAIM = (quote: string): string => [
  'type: claim',
  'id: acme-round',
  'subject: Acme Robotics',
  'category: funding-round',
  'statement: Acme Robotics raised $40 million.',
  'value: "$40M"',
  'status: independent',
  'evidence:',
  '  - source: ledger',
  `    quote: ${JSON.stringify(quote)}`,
  '',
].join('\n');

const GOOD_QUOTE = 'it had raised $40 million in a Series B round led by Example Ventures';

function dataset(quote = GOOD_QUOTE, extra: Record<string, string> = {}): string {
  return writeDataset({
    'page.html': FIXTURE.toString('utf8'),
    'claims/sources/ledger.yaml': SOURCE,
    'claims/sources/wire.yaml': 'type: source\nid: wire\ntitle: Wire story\npublisher: Wire\nkind: news\nurl: https://wire.example/kept\n',
    'claims/acme-robotics/acme-round.yaml': CLAIM(quote),
    ...extra,
  });
}

interface Ran { code: number; stdout: string; stderr: string }

async function run(root: string, id: string, opts: SnapshotOptions, stdin?: Io['stdin']): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: { write: (s: string) => (stdout += s), isTTY: false }, stderr: { write: (s: string) => (stderr += s) }, cwd: () => root, env: {}, color: false, stdin };
  try {
    const code = await snapshot(id, opts, resolveSettings({ today: '2026-11-24' }, root), io);
    return { code, stdout, stderr };
  } catch (err) {
    if (err instanceof UsageError) return { code: 2, stdout, stderr: stderr + `claims: ${err.message}\n` };
    throw err;
  }
}

const read = (root: string, rel: string): string => readFileSync(join(root, rel), 'utf8');
/** Every error `claims validate` would report, with snapshot-changed among the rules. */
const errors = (root: string) =>
  lint(loadDataset(join(root, 'claims'), root), { today: '2026-11-24', rules: [...rules.filter((r) => (r.id as string) !== 'snapshot-changed'), snapshotChanged] })
    .diagnostics.filter((d) => d.severity === 'error');

describe('claims snapshot --from <file>', () => {
  it('stores the readable text of an HTML page, sets snapshot and snapshot_sha256, and keeps the rest of the source', async () => {
    const root = dataset();
    const r = await run(root, 'ledger', { from: 'page.html' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = read(root, 'claims/snapshots/ledger.txt');
    // The article: its headline, and its paragraphs with a blank line between them.
    expect(text.startsWith('Acme Robotics raises $40 million as revenue triples\n\nAcme Robotics, the Lyon-based maker')).toBe(true);
    expect(text).toContain('two existing investors.\n\nThe company told reporters');
    expect(text).toContain('“Our customers want robots that work beside people, not instead of them,” she said in an interview.');
    expect(text).toContain('Founded: 2021\nEmployees: about 140');
    // Not the page around it.
    for (const furniture of ['SCRIPT-SHOULD-NOT-APPEAR', 'JSONLD-SHOULD-NOT-APPEAR', 'INLINE-SCRIPT', 'We use cookies', 'Subscribe for $1 a week', 'Markets', 'ADVERTISEMENT',
      'Sponsored', 'Most read', 'Ten gadgets', 'All rights reserved', 'Privacy policy', 'dataLayer', '.ad-slot', '<p>', '&amp;']) {
      expect(text, furniture).not.toContain(furniture);
    }
    expect(read(root, 'claims/sources/ledger.yaml')).toBe(SOURCE + `snapshot: snapshots/ledger.txt\nsnapshot_sha256: ${sha(readFileSync(join(root, 'claims/snapshots/ledger.txt')))}\n`);
    expect(r.stdout).toMatch(/^claims\/snapshots\/ledger\.txt: \d+ words from the article text of page\.html\nclaims\/sources\/ledger\.yaml: snapshot, snapshot_sha256 set\n1 quote read in "ledger" found in the new text\n$/);
    // What validate would say: the quote is found and the digest matches.
    expect(errors(root)).toEqual([]);
  });

  it('stores plain text as it is, with LF line endings, and the digest of the stored bytes', async () => {
    const text = `Acme Robotics said ${GOOD_QUOTE}.\r\nSecond line — with “typographic” quotes.\r\n`;
    const root = dataset(GOOD_QUOTE, { 'notes.txt': text });
    const r = await run(root, 'ledger', { from: 'notes.txt' });
    expect(r.code).toBe(0);
    const stored = readFileSync(join(root, 'claims/snapshots/ledger.txt'));
    expect(stored.toString('utf8')).toBe(text.replace(/\r\n/g, '\n'));
    expect(read(root, 'claims/sources/ledger.yaml')).toContain(`snapshot_sha256: ${sha(stored)}\n`);
    expect(errors(root)).toEqual([]);
  });

  it('reads standard input with --from -', async () => {
    const root = dataset();
    const r = await run(root, 'ledger', { from: '-' }, Readable.from([Buffer.from(`First part. Acme said ${GOOD_QUOTE.slice(0, 20)}`), Buffer.from(`${GOOD_QUOTE.slice(20)}.\n`)]));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(read(root, 'claims/snapshots/ledger.txt')).toBe(`First part. Acme said ${GOOD_QUOTE}.\n`);
    expect(r.stdout).toContain('from standard input');
  });

  it('reads HTML from standard input, recognised by how it starts', async () => {
    const root = dataset();
    const r = await run(root, 'ledger', { from: '-' }, Readable.from([FIXTURE]));
    expect(r.code).toBe(0);
    expect(read(root, 'claims/snapshots/ledger.txt')).not.toContain('We use cookies');
  });

  it('refuses, writing nothing (exit 1), when a quote read in the source is not in the new text, and shows the closest passage', async () => {
    const root = dataset('it had raised $45 million in a Series B round');
    const before = read(root, 'claims/sources/ledger.yaml');
    const r = await run(root, 'ledger', { from: 'page.html' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('claims/snapshots/ledger.txt was not written: the new text of "ledger" does not hold a quote that evidence reads in it:');
    expect(r.stderr).toContain('claims/acme-robotics/acme-round.yaml evidence[0].quote: “it had raised $45 million in a Series B round”');
    expect(r.stderr).toContain('closest passage: “it had raised $40 million in a Series B round”');
    expect(existsSync(join(root, 'claims/snapshots'))).toBe(false);
    expect(read(root, 'claims/sources/ledger.yaml')).toBe(before);
  });

  it('--dry-run prints the diff of both files and writes nothing', async () => {
    const root = dataset();
    const r = await run(root, 'ledger', { from: 'page.html', dryRun: true });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('+++ b/claims/snapshots/ledger.txt');
    expect(r.stdout).toContain('+snapshot: snapshots/ledger.txt');
    expect(existsSync(join(root, 'claims/snapshots'))).toBe(false);
    expect(read(root, 'claims/sources/ledger.yaml')).toBe(SOURCE);
  });

  it('has nothing to change when the same text is stored again', async () => {
    const root = dataset();
    expect((await run(root, 'ledger', { from: 'page.html' })).code).toBe(0);
    const r = await run(root, 'ledger', { from: 'page.html' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('nothing to change');
  });

  it('re-records the digest of a snapshot edited by hand when it is stored again from itself', async () => {
    const root = dataset();
    await run(root, 'ledger', { from: 'page.html' });
    const file = join(root, 'claims/snapshots/ledger.txt');
    writeFileSync(file, readFileSync(file, 'utf8') + '\nCorrection appended on 20 March.\n');
    expect(errors(root).map((d) => d.rule)).toEqual(['snapshot-changed']);
    const r = await run(root, 'ledger', { from: 'claims/snapshots/ledger.txt' });
    expect(r.code).toBe(0);
    expect(errors(root)).toEqual([]);
  });

  it('names snapshots/<id>.txt, leaving a snapshot kept under another name in place and saying so', async () => {
    const root = dataset(GOOD_QUOTE, { 'claims/snapshots/old-name.txt': `Earlier copy: ${GOOD_QUOTE}.\n` });
    writeFileSync(join(root, 'claims/sources/ledger.yaml'), `${SOURCE}snapshot: snapshots/old-name.txt\n`);
    const r = await run(root, 'ledger', { from: 'page.html' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('the former snapshot snapshots/old-name.txt is left in place (no longer named by "ledger")');
    expect(read(root, 'claims/snapshots/old-name.txt')).toBe(`Earlier copy: ${GOOD_QUOTE}.\n`);
    expect(read(root, 'claims/sources/ledger.yaml')).toContain('snapshot: snapshots/ledger.txt\n');
  });

  it('refuses bad input with a usage error (exit 2), writing nothing', async () => {
    const root = dataset(GOOD_QUOTE, { 'latin1.txt': '', 'empty.html': '<!doctype html><html><body><script>x()</script></body></html>' });
    writeFileSync(join(root, 'latin1.txt'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    const cases: Array<[string, SnapshotOptions, RegExp]> = [
      ['ledgr', { from: 'page.html' }, /no source "ledgr"; did you mean "ledger"/],
      ['acme-round', { from: 'page.html' }, /no source "acme-round" \("acme-round" is a claim\)/],
      ['ledger', {}, /snapshot needs --from/],
      ['ledger', { from: 'missing.html' }, /--from missing\.html does not exist/],
      ['ledger', { from: 'claims' }, /--from claims is a folder, not a regular file/],
      ['ledger', { from: 'latin1.txt' }, /latin1\.txt is not valid UTF-8 text/],
      ['ledger', { from: 'empty.html' }, /no text in the page text of empty\.html/],
      ['ledger', { from: 'ftp://example.org/x' }, /ftp:\/\/… is not http or https/],
      ['ledger', { from: 'file:///etc/passwd' }, /file:\/\/… is not http or https/],
    ];
    for (const [id, opts, message] of cases) {
      const r = await run(root, id, opts);
      expect(r.code, `${id} ${JSON.stringify(opts)}`).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(existsSync(join(root, 'claims/snapshots'))).toBe(false);
    expect(read(root, 'claims/sources/ledger.yaml')).toBe(SOURCE);
  });
});

describe('claims snapshot --from <https://…> (a server on 127.0.0.1)', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    server = createServer((req, res) => {
      const path = req.url ?? '/';
      if (path === '/article') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(FIXTURE);
      } else if (path === '/latin1') {
        res.writeHead(200, { 'content-type': 'text/html; charset=iso-8859-1' });
        res.end(Buffer.concat([Buffer.from('<!doctype html><html><head><title>Caf'), Buffer.from([0xe9]), Buffer.from('</title></head><body><article><p>Le caf'), Buffer.from([0xe9]), Buffer.from(' a lev\u00e9 des fonds, said Acme: it had raised $40 million in a Series B round led by Example Ventures.</p></article></body></html>', 'latin1')]));
      } else if (path === '/plain') {
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`<html> is just text here: ${GOOD_QUOTE}.\n`);
      } else if (path.startsWith('/hop/')) {
        const n = Number(path.slice(5));
        res.writeHead(302, { location: n <= 1 ? '/article' : `/hop/${n - 1}` });
        res.end();
      } else if (path === '/to-ftp') {
        res.writeHead(301, { location: 'ftp://127.0.0.1/x' });
        res.end();
      } else if (path === '/pdf') {
        res.writeHead(200, { 'content-type': 'application/pdf' });
        res.end('%PDF-1.7');
      } else if (path === '/big') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('x'.repeat(4096));
        res.end('x'.repeat(4096));
      } else if (path === '/slow') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('a first part');
        // …and the rest never comes.
      } else {
        res.writeHead(404, { 'content-type': 'text/plain' });
        res.end('not found');
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('fetches the page, keeps the article text, and sets url and retrieved (the run\'s today)', async () => {
    const root = dataset();
    const r = await run(root, 'ledger', { from: `${base}/article` });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = read(root, 'claims/snapshots/ledger.txt');
    expect(text).toContain(GOOD_QUOTE);
    expect(text).not.toContain('We use cookies');
    const src = read(root, 'claims/sources/ledger.yaml');
    expect(src).toContain(`url: ${base}/article\n`);
    expect(src).toContain('retrieved: "2026-11-24"\n');
    expect(src.indexOf('url:')).toBeLessThan(src.indexOf('retrieved:'));
    expect(src).toContain(`snapshot_sha256: ${sha(readFileSync(join(root, 'claims/snapshots/ledger.txt')))}`);
    expect(errors(root)).toEqual([]);
  });

  it('keeps a url already set', async () => {
    const root = dataset();
    const r = await run(root, 'wire', { from: `${base}/article` });
    expect(r.code).toBe(0);
    const src = read(root, 'claims/sources/wire.yaml');
    expect(src).toContain('url: https://wire.example/kept\n');
    expect(src).toContain('retrieved: "2026-11-24"\n');
    expect(r.stdout).toContain('url kept as https://wire.example/kept');
  });

  it('follows a few redirects, and gives up after five', async () => {
    const root = dataset();
    expect((await run(root, 'ledger', { from: `${base}/hop/5` })).code).toBe(0);
    expect(read(root, 'claims/sources/ledger.yaml')).toContain(`url: ${base}/hop/5\n`);
    const r = await run(root, 'wire', { from: `${base}/hop/6` });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('more than 5 redirects');
  });

  it('decodes the charset a page declares', async () => {
    const got = await fetchPage(`${base}/latin1`);
    expect(got.text).toContain('Le café a levé des fonds');
  });

  it('stores text/plain as text, even when it looks like HTML', async () => {
    const got = await fetchPage(`${base}/plain`);
    expect(got.text).toBe(`<html> is just text here: ${GOOD_QUOTE}.\n`);
  });

  it('refuses what is not a page or text, an error status, a redirect off http(s), a body over the cap and a server that stalls', async () => {
    const root = dataset();
    const cases: Array<[string, RegExp]> = [
      [`${base}/pdf`, /it is application\/pdf, not a web page or text/],
      [`${base}/nowhere`, /HTTP 404 Not Found/],
      [`${base}/to-ftp`, /redirects to ftp:\/\/… is not http or https/],
    ];
    for (const [url, message] of cases) {
      const r = await run(root, 'ledger', { from: url });
      expect(r.code, url).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    await expect(fetchPage(`${base}/big`, { ...FETCH_LIMITS, maxBytes: 5000 })).rejects.toThrow(/the page is larger than/);
    const started = Date.now();
    await expect(fetchPage(`${base}/slow`, { ...FETCH_LIMITS, timeoutMs: 300 })).rejects.toThrow(/no complete answer within/);
    expect(Date.now() - started).toBeLessThan(5000);
    // A port nothing listens on: one just opened and closed again.
    const spare = createServer();
    await new Promise<void>((done) => spare.listen(0, '127.0.0.1', done));
    const port = (spare.address() as AddressInfo).port;
    await new Promise((done) => spare.close(done));
    const closed = await run(root, 'ledger', { from: `http://127.0.0.1:${port}/x` });
    expect(closed.code).toBe(2);
    expect(closed.stderr).toContain(`cannot fetch http://127.0.0.1:${port}/x: ECONNREFUSED`);
    expect(existsSync(join(root, 'claims/snapshots'))).toBe(false);
  });
});

describe('textFromBytes', () => {
  it('keeps the text of a short page, without its menu', () => {
    const html = '<!doctype html><html><body><nav>Home Markets</nav><p>Short note: Acme raised $5M.</p></body></html>';
    const got = textFromBytes(Buffer.from(html), 'x');
    expect(got.text).toBe('Short note: Acme raised $5M.\n');
  });

  it('turns the article into paragraphs: a blank line between blocks, one line per <br>, list item or table row', () => {
    const html = '<!doctype html><html><body><article><h2>Figures</h2><p>One <b>bold</b>\n   claim.<br>Same paragraph, next line.</p>'
      + '<table><tr><td>ARR</td><td>$12M</td></tr><tr><td>Staff</td><td>140</td></tr></table><pre>kept   as\n  it is</pre></article></body></html>';
    const got = textFromBytes(Buffer.from(html), 'x');
    expect(got.text).toContain('One bold claim.\nSame paragraph, next line.');
    expect(got.text).toContain('ARR $12M\nStaff 140');
    expect(got.text).toContain('kept   as\n  it is');
  });
});

describe('checkSnapshotOption (claims new source --snapshot)', () => {
  it('accepts a regular file inside the dataset folder and returns its digest; refuses a missing one, a folder and a path out of it', () => {
    const root = writeDataset({ 'claims/snapshots/a.txt': 'text\n', 'outside.txt': 'x' });
    const ds = join(root, 'claims');
    expect(checkSnapshotOption('snapshots/a.txt', ds, 'claims')).toBe(sha('text\n'));
    const refusal = (p: string): string => {
      try {
        checkSnapshotOption(p, ds, 'claims');
      } catch (err) {
        expect(err).toBeInstanceOf(UsageError);
        return (err as Error).message;
      }
      return 'accepted';
    };
    expect(refusal('snapshots/missing.txt')).toBe('--snapshot snapshots/missing.txt: there is no file at claims/snapshots/missing.txt (the path is relative to the dataset folder): save the text there first, or add it after with `claims snapshot <id> --from <file|url>`');
    expect(refusal('snapshots')).toContain('is a folder, not a regular file');
    expect(refusal('../outside.txt')).toContain('resolves to a path outside the dataset folder');
  });
});
