import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { chromium } from 'playwright-core';
import { esc } from '../src/format/report-html-parts.js';
import { REPORT_SECTIONS } from '../src/format/report-wording.js';
import type { Report } from '../src/report/types.js';
import { runCli } from './cli-helpers.js';
import { source, writeDataset } from './helpers.js';

const TODAY = ['--today', '2026-11-24'];
const CHROMIUM = '/usr/bin/chromium';

const count = (s: string, re: RegExp): number => (s.match(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)) ?? []).length;

async function html(cwd: string, extra: string[] = []): Promise<string> {
  const r = await runCli(['report', '--format', 'html', ...TODAY, ...extra], cwd);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

async function reportJson(cwd: string, extra: string[] = []): Promise<Report> {
  const r = await runCli(['report', '--format', 'json', ...TODAY, ...extra], cwd);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

/** Every start tag with an attribute whose value is an http(s) URL, as `tag attr`. */
function httpAttributes(page: string): string[] {
  const found: string[] = [];
  for (const tag of page.matchAll(/<([a-zA-Z][\w-]*)\b([^>]*)>/g)) {
    for (const attr of (tag[2] ?? '').matchAll(/([\w:-]+)\s*=\s*["']?\s*https?:/gi)) found.push(`${tag[1]!.toLowerCase()} ${attr[1]!.toLowerCase()}`);
  }
  return found;
}

/** Asserts the page loads nothing from elsewhere; links to sources (<a href>) are fine. */
function expectSelfContained(page: string): void {
  expect(httpAttributes(page).filter((x) => x !== 'a href')).toEqual([]);
  expect(page).not.toMatch(/<link\b/i);
  expect(page).not.toMatch(/<script\b[^>]*\bsrc\s*=/i);
  expect(page).not.toMatch(/<(img|iframe|object|embed|video|audio|source|base)\b/i);
  expect(page).not.toMatch(/url\s*\(\s*['"]?\s*(https?:)?\/\//i);
  expect(page).not.toMatch(/@import/i);
}

describe('esc', () => {
  it('escapes & < > " and \'', () => {
    expect(esc(`a & b <c> "d" 'e'`)).toBe('a &amp; b &lt;c&gt; &quot;d&quot; &#39;e&#39;');
    expect(esc('&amp;')).toBe('&amp;amp;');
  });
});

describe('claims report --format html', () => {
  it('is one self-contained HTML document with the nine sections', async () => {
    const page = await html('report');
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page.endsWith('</html>\n')).toBe(true);
    expect(count(page, /<html\b/)).toBe(1);
    expect(count(page, /<\/html>/)).toBe(1);
    expect(count(page, /<head>/)).toBe(1);
    expect(count(page, /<body>/)).toBe(1);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<title>Claims report for 2026-11-24</title>');
    expect(count(page, /<h2\b/)).toBe(9);
    REPORT_SECTIONS.forEach((title, i) => {
      expect(page).toContain(`<h2 id="section-${i + 1}-title">${i + 1}. ${title}</h2>`);
    });
    // No scripts at all: <details> does the expanding.
    expect(page).not.toMatch(/<script\b/i);
    expectSelfContained(page);
    // Tables have header cells.
    expect(count(page, /<table\b/)).toBe(count(page, /<thead>/));
    expect(page).toContain('<th scope="col">');
  });

  it('draws one SVG chart per numeric timeline', async () => {
    const [page, data] = await Promise.all([html('report'), reportJson('report')]);
    expect(data.timelines.map((t) => `${t.subject} ${t.category}`)).toEqual(['Acme arr', 'Acme revenue', 'Acme funding-round', 'Globex arr', 'Globex valuation']);
    expect(count(page, /<svg\b/)).toBe(data.timelines.length);
    expect(count(page, /<\/svg>/)).toBe(data.timelines.length);
    const svgs = [...page.matchAll(/<svg\b[^>]*>[\s\S]*?<\/svg>/g)].map((m) => m[0]);
    svgs.forEach((svg, i) => {
      const t = data.timelines[i]!;
      expect(svg).toMatch(/role="img"/);
      expect(svg).toMatch(/width="[1-9]\d*" height="[1-9]\d*"/);
      expect(count(svg, /<rect class="bar/)).toBe(t.points.length);
      expect(svg).toContain(`<title id="chart-${i + 1}-title">${esc(`${t.subject} · ${t.category}`)}`);
      for (const p of t.points) expect(svg).toContain(`>${esc(p.id)}</text>`);
    });
    // Status shown as text beside the colour, and forecasts marked in words.
    expect(page).toContain('<span class="badge st-rumored">rumored</span>');
    expect(page).toContain('&gt;$20M (forecast)');
  });

  it('gives every reported claim an expandable provenance tree: origin → relays → source read', async () => {
    const [page, data] = await Promise.all([html('report'), reportJson('report')]);
    expect(count(page, /<details class="prov"/)).toBe(data.overview.total);
    expect(count(page, /<details class="prov"[^>]*\bopen\b/)).toBe(0);
    for (const e of data.sourcing) expect(page).toContain(`<details class="prov" id="claim-${e.id}">`);
    // arr-2026-02: read in weekly-digest, relayed by daily-news, from acme-blog.
    const tree = page.slice(page.indexOf('<details class="prov" id="claim-arr-2026-02">'));
    const one = tree.slice(0, tree.indexOf('</details>'));
    expect(one).toContain('2 evidence items, 1 origin');
    const chain = one.slice(one.indexOf('<ul class="chain">'));
    const at = (s: string) => chain.indexOf(s);
    expect(at('<code>acme-blog</code>')).toBeGreaterThan(-1);
    expect(at('<code>acme-blog</code>')).toBeLessThan(at('<code>daily-news</code>'));
    expect(at('<code>daily-news</code>')).toBeLessThan(at('<code>weekly-digest</code>'));
    expect(one).toContain('<span class="role">origin</span>');
    expect(one).toContain('<span class="role">relayed by</span>');
    expect(one).toContain('<span class="role">read in</span>');
    expect(one).toContain('The Daily · news · 2026-02-11'); // publisher, kind, date
    expect(one).toContain('“The Daily reported that Acme said its ARR passed $10 million”');
    // Claims without a value still get a tree.
    expect(page).toContain('<details class="prov" id="claim-rumored-acquisition">');
    // Ids elsewhere link to the trees.
    expect(page).toContain('<a href="#claim-rumored-raise-2026"><code>rumored-raise-2026</code></a>');
  });

  it('follows the list filters', async () => {
    const page = await html('report', ['--subject', 'Globex']);
    expect(page).toContain('Filters applied');
    expect(count(page, /<details class="prov"/)).toBe(7);
    expect(page).not.toContain('id="claim-arr-2026-02"');
  });

  it('works on the query fixture too', async () => {
    const page = await html('query');
    expect(count(page, /<h2\b/)).toBe(9);
    expectSelfContained(page);
  });

  it('escapes every text: statements, subjects, titles, quotes, URLs', async () => {
    const dir = writeDataset({
      'claims/sources/evil-news.yaml': source('evil-news', 'url: "https://example.com/a?b=1&c=<2>"\n')
        .replace('title: Title of evil-news', `title: "Tom & Jerry's <b>News</b>"`)
        .replace('publisher: Publisher', `publisher: '"Quoted" <Pub>'`),
      'claims/acme/evil-claim.yaml': [
        'type: claim',
        'id: evil-claim',
        "subject: 'Acme & <Co>'",
        'category: arr',
        `statement: 'Acme said <script>alert("pwned")</script> & more'`,
        'value: "$5M"',
        'as_of: "2026-01"',
        'status: independent',
        'evidence:',
        '  - source: evil-news',
        `    quote: '<img src=x onerror=alert(1)> it''s "true"'`,
        '',
      ].join('\n'),
    });
    const page = await html(dir);
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    expect(page).not.toContain('<b>');
    expect(page).not.toContain('<Co>');
    expect(page).not.toContain('<Pub>');
    expect(page).toContain('Acme said &lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; more');
    expect(page).toContain('Acme &amp; &lt;Co&gt;');
    expect(page).toContain('Tom &amp; Jerry&#39;s &lt;b&gt;News&lt;/b&gt;');
    expect(page).toContain('&quot;Quoted&quot; &lt;Pub&gt;');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt; it&#39;s &quot;true&quot;');
    expect(page).toContain('<a href="https://example.com/a?b=1&amp;c=&lt;2&gt;" rel="noopener noreferrer">source link</a>');
    expect(count(page, /<svg\b/)).toBe(1);
    expectSelfContained(page);
  });

  it('leaves the other formats alone and lists html among the choices', async () => {
    const text = await runCli(['report', ...TODAY], 'report');
    expect(text.code).toBe(0);
    expect(text.stdout).not.toContain('<');
    expect(text.stdout.startsWith('Claims report for 2026-11-24\n')).toBe(true);
    const bad = await runCli(['report', '--format', 'pdf'], 'report');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('html');
  });
});

// ── a real browser ──────────────────────────────────────────────────────────

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `report-html browser test skipped: ${CHROMIUM} not found. Install Debian's chromium to run it: `
    + 'sudo apt-get update && sudo apt-get install -y chromium',
  );
}

const tmp: string[] = [];
afterAll(() => {
  for (const d of tmp.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe.skipIf(!hasChromium)('the HTML report in Chromium', () => {
  it('shows the sections and charts, opens a provenance tree on click, logs no errors', async () => {
    const [page, data] = await Promise.all([html('report'), reportJson('report')]);
    const work = mkdtempSync(join(tmpdir(), 'claims-report-html-'));
    tmp.push(work);
    const file = join(work, 'report.html');
    writeFileSync(file, page);
    // The screenshot stays after the run, for a person to look at.
    const shots = join(tmpdir(), 'claims-report-html');
    mkdirSync(shots, { recursive: true });
    const shot = join(shots, 'report.png');

    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      tab.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      tab.on('pageerror', (e) => errors.push(e.message));
      tab.on('request', (r) => requests.push(r.url()));
      await tab.goto(pathToFileURL(file).href, { waitUntil: 'load' });

      // The nine sections, each with its heading, visible.
      for (const [i, title] of REPORT_SECTIONS.entries()) {
        const h = tab.locator(`#section-${i + 1} > h2`);
        expect(await h.isVisible()).toBe(true);
        expect(await h.textContent()).toBe(`${i + 1}. ${title}`);
      }

      // One chart per timeline, each with a non-zero size on screen.
      const charts = tab.locator('svg.chart');
      expect(await charts.count()).toBe(data.timelines.length);
      for (let i = 0; i < data.timelines.length; i++) {
        const box = await charts.nth(i).boundingBox();
        expect(box).not.toBeNull();
        expect(box!.width).toBeGreaterThan(100);
        expect(box!.height).toBeGreaterThan(20);
        const bar = await charts.nth(i).locator('rect.bar').last().boundingBox();
        expect(bar!.width).toBeGreaterThan(0);
      }

      // Timeline marks are letters a reader sees (not colour alone), explained by the legend; section 8 has its table.
      const marks = tab.locator('#section-7 td abbr.mark');
      expect(await marks.count()).toBeGreaterThan(0);
      expect(await marks.first().isVisible()).toBe(true);
      expect(['R', 'A', 'C']).toContain(await marks.first().textContent());
      expect(await tab.locator('#section-7 .marks-legend').textContent()).toContain('A anonymous or unattributed only');
      expect(await tab.locator('#section-8 table.spof tbody tr').count()).toBe(data.single_points_of_failure.sources.length);
      expect(await tab.locator('#section-8 table.spof').isVisible()).toBe(true);

      // A provenance tree opens on a click on its summary.
      const details = tab.locator('details#claim-arr-2026-02');
      expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
      expect(await details.locator('blockquote').first().isVisible()).toBe(false);
      await details.locator('summary').click();
      expect(await details.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
      expect(await details.locator('blockquote').first().isVisible()).toBe(true);
      expect(await details.locator('ul.chain').first().textContent()).toContain('acme-blog');

      await tab.screenshot({ path: shot, fullPage: true });
      console.log(`report-html: screenshot saved to ${shot}`);
      expect(statSync(shot).size).toBeGreaterThan(10_000);

      expect(errors).toEqual([]);
      // Nothing fetched but the file itself.
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
