import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LoadCache } from '../src/load/cache.js';
import { loadDataset } from '../src/load/dataset.js';
import { runCli } from './cli-helpers.js';
import { claim, source, writeDataset } from './helpers.js';

describe('--cache', () => {
  it('gives the same result on a second run, from the cache', async () => {
    const dir = writeDataset({ 'claims/sources/src-a.yaml': source('src-a'), 'claims/acme/c.yaml': claim('c', 'src-b') });
    const first = await runCli(['validate', '--cache', '--format', 'json'], dir);
    expect(existsSync(join(dir, '.claimscache'))).toBe(true);
    const second = await runCli(['validate', '--cache', '--format', 'json'], dir);
    expect(second.stdout).toBe(first.stdout);
    expect(second.code).toBe(1);
    const cache = new LoadCache(join(dir, '.claimscache'), JSON.parse(readFileSync(join(dir, '.claimscache'), 'utf8')).key);
    loadDataset(join(dir, 'claims'), dir, { cache });
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 2, misses: 0 });
  });

  it('re-reads a file whose content changed', async () => {
    const dir = writeDataset({ 'claims/sources/src-a.yaml': source('src-a'), 'claims/acme/c.yaml': claim('c', 'src-b') });
    expect((await runCli(['validate', '--cache'], dir)).code).toBe(1);
    writeFileSync(join(dir, 'claims/acme/c.yaml'), claim('c', 'src-a'));
    const r = await runCli(['validate', '--cache', '--today', '2026-11-24'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('no problems');
  });

  it('is ignored when corrupt or made under another key, and rebuilt', () => {
    const dir = writeDataset({ 'claims/sources/src-a.yaml': source('src-a') });
    const location = join(dir, 'cache.json');
    writeFileSync(location, '{"key": "x", "files": {tru');
    const corrupt = new LoadCache(location, 'k1');
    loadDataset(join(dir, 'claims'), dir, { cache: corrupt });
    expect(corrupt.misses).toBe(1);
    corrupt.save();
    const same = new LoadCache(location, 'k1');
    loadDataset(join(dir, 'claims'), dir, { cache: same });
    expect(same.hits).toBe(1);
    const otherVersion = new LoadCache(location, 'k2');
    loadDataset(join(dir, 'claims'), dir, { cache: otherVersion });
    expect(otherVersion).toMatchObject({ hits: 0, misses: 1 });
  });

  // The README promises a corrupt cache is ignored: an entry of the wrong shape under the right key and hash is a
  // miss (the file is read again), never a crash in a rule that trusts the cached data.
  it.each([
    ['result null', () => null],
    ['problems not a list', (r: Record<string, unknown>) => ({ ...r, problems: 'x' })],
    ['a problem without a range', (r: Record<string, unknown>) => ({ ...r, problems: [{ kind: 'syntax', messageId: 'x', message: 'y', path: [] }] })],
    ['valid claim data without evidence', (r: Record<string, unknown>) => ({ ...r, data: { ...(r.data as object), evidence: 5 } })],
    ['valid with no data', (r: Record<string, unknown>) => ({ ...r, data: undefined })],
    ['data of another type', (r: Record<string, unknown>) => ({ ...r, data: 'text' })],
    ['type unknown', (r: Record<string, unknown>) => ({ ...r, type: 'thing' })],
  ])('an entry of the wrong shape (%s) is ignored and the file re-read', async (_, damage) => {
    const dir = writeDataset({ 'claims/sources/src-a.yaml': source('src-a'), 'claims/acme/c.yaml': claim('c', 'src-b') });
    const first = await runCli(['validate', '--cache', '--format', 'json'], dir);
    const location = join(dir, '.claimscache');
    const cache = JSON.parse(readFileSync(location, 'utf8'));
    for (const entry of Object.values(cache.files) as Array<{ result: Record<string, unknown> }>) entry.result = damage(entry.result) as Record<string, unknown>;
    writeFileSync(location, JSON.stringify(cache));
    const second = await runCli(['validate', '--cache', '--format', 'json'], dir);
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    expect(second.code).toBe(1);
    const check = new LoadCache(location, cache.key);
    loadDataset(join(dir, 'claims'), dir, { cache: check });
    expect(check).toMatchObject({ hits: 2, misses: 0 });
  });

  // Every field of the cached data is checked, with the schema of its type: a field of the wrong shape deep inside a
  // valid entry once crashed a rule (`parties: "x"`), or silently changed what list shows (`as_of: {x: []}`).
  const inClaim = (change: (d: Record<string, unknown>) => void) => (r: Record<string, unknown>) => {
    const d = structuredClone(r.data) as Record<string, unknown>;
    if (d.type === 'claim') change(d);
    return { ...r, data: d };
  };
  const inSource = (change: (d: Record<string, unknown>) => void) => (r: Record<string, unknown>) => {
    const d = structuredClone(r.data) as Record<string, unknown>;
    if (d.type === 'source') change(d);
    return { ...r, data: d };
  };
  const firstEvidence = (d: Record<string, unknown>) => (d.evidence as Array<Record<string, unknown>>)[0]!;
  it.each([
    ['parties a string', inClaim((d) => (d.parties = 'x'))],
    ['speaks_for a string', inSource((d) => (d.speaks_for = 'abc'))],
    ['cites a string', inSource((d) => (d.cites = 'x'))],
    ['evidence via a string', inClaim((d) => (firstEvidence(d).via = 'x'))],
    ['a quote that is a mapping', inClaim((d) => (firstEvidence(d).quote = {}))],
    ['statement null', inClaim((d) => (d.statement = null))],
    ['status outside the list', inClaim((d) => (d.status = 'bogus'))],
    ['as_of a mapping', inClaim((d) => (d.as_of = { x: [] }))],
  ])('a valid entry with a field of the wrong shape (%s) is a miss: the file is re-read', async (_, damage) => {
    const dir = writeDataset({ 'claims/sources/src-a.yaml': source('src-a', 'speaks_for: [Acme]\n'), 'claims/acme/c.yaml': claim('c', 'src-a', 'as_of: 2026-01\n') });
    const args = ['--today', '2026-11-24', '--cache'];
    const first = await runCli(['validate', ...args, '--format', 'json'], dir);
    const firstList = await runCli(['list', ...args, '--format', 'json'], dir);
    const location = join(dir, '.claimscache');
    const cache = JSON.parse(readFileSync(location, 'utf8'));
    for (const entry of Object.values(cache.files) as Array<{ result: Record<string, unknown> }>) entry.result = damage(entry.result);
    writeFileSync(location, JSON.stringify(cache));
    const second = await runCli(['validate', ...args, '--format', 'json'], dir);
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    expect(second.code).toBe(first.code);
    writeFileSync(location, JSON.stringify(cache));
    const list = await runCli(['list', ...args, '--format', 'json'], dir);
    expect(list.stderr).toBe('');
    expect(list.stdout).toBe(firstList.stdout);
    // The damaged entry was replaced: the next run reads everything from the cache.
    const check = new LoadCache(location, cache.key);
    loadDataset(join(dir, 'claims'), dir, { cache: check });
    expect(check).toMatchObject({ hits: 2, misses: 0 });
  });

  it('files that are not an object are ignored', async () => {
    const dir = writeDataset({ 'claims/sources/src-a.yaml': source('src-a') });
    const first = await runCli(['validate', '--cache', '--format', 'json'], dir);
    const location = join(dir, '.claimscache');
    const key = JSON.parse(readFileSync(location, 'utf8')).key;
    for (const files of ['"x"', 'null', '[1,2]', '{"__proto__": {"hash": 1}}']) {
      writeFileSync(location, `{"key": ${JSON.stringify(key)}, "files": ${files}}`);
      const again = await runCli(['validate', '--cache', '--format', 'json'], dir);
      expect(again.stdout).toBe(first.stdout);
    }
  });

  it('a cache file linked to /dev/zero is replaced by a regular file with default permissions, not the device\'s 0666', () => {
    const dir = writeDataset({ 'claims/sources/src-a.yaml': source('src-a') });
    const location = join(dir, 'c.json');
    symlinkSync('/dev/zero', location);
    const cache = new LoadCache(location, 'k');
    loadDataset(join(dir, 'claims'), dir, { cache });
    cache.save();
    const st = lstatSync(location);
    expect(st.isFile()).toBe(true);
    expect(st.mode & 0o022).toBe(0);
    expect(JSON.parse(readFileSync(location, 'utf8')).key).toBe('k');
  });

  it('a rewritten cache keeps the permissions of the regular file it replaces', () => {
    const dir = writeDataset({ 'claims/sources/src-a.yaml': source('src-a'), 'c.json': '{}' });
    const location = join(dir, 'c.json');
    chmodSync(location, 0o600);
    const cache = new LoadCache(location, 'k');
    loadDataset(join(dir, 'claims'), dir, { cache });
    cache.save();
    expect(lstatSync(location).mode & 0o777).toBe(0o600);
  });

  it('saves atomically and leaves no temporary file', () => {
    const dir = writeDataset({ 'claims/sources/src-a.yaml': source('src-a') });
    const cache = new LoadCache(join(dir, 'c.json'), 'k');
    loadDataset(join(dir, 'claims'), dir, { cache });
    cache.save();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(readFileSync(join(dir, 'c.json'), 'utf8')).key).toBe('k');
  });

  it('a config change invalidates the cache key', async () => {
    const dir = writeDataset({ 'claims/sources/src-a.yaml': source('src-a'), 'claims/acme/c.yaml': claim('c') });
    await runCli(['validate', '--cache'], dir);
    const key1 = JSON.parse(readFileSync(join(dir, '.claimscache'), 'utf8')).key;
    writeFileSync(join(dir, 'claims.config.yaml'), 'rules:\n  quote-missing: off\n');
    await runCli(['validate', '--cache'], dir);
    expect(JSON.parse(readFileSync(join(dir, '.claimscache'), 'utf8')).key).not.toBe(key1);
  });
});

describe('--cache writes', () => {
  it('leave the cache file alone when nothing changed', async () => {
    const { statSync } = await import('node:fs');
    const dir = writeDataset({ 'claims/sources/src-a.yaml': source('src-a'), 'claims/acme/c.yaml': claim('c') });
    await runCli(['validate', '--cache'], dir);
    const before = statSync(join(dir, '.claimscache')).mtimeMs;
    await new Promise((r) => setTimeout(r, 20));
    await runCli(['validate', '--cache'], dir);
    expect(statSync(join(dir, '.claimscache')).mtimeMs).toBe(before);
    writeFileSync(join(dir, 'claims/acme/c.yaml'), claim('c').replace('Acme has revenue.', 'Acme has more revenue.'));
    await new Promise((r) => setTimeout(r, 20));
    await runCli(['validate', '--cache'], dir);
    expect(statSync(join(dir, '.claimscache')).mtimeMs).toBeGreaterThan(before);
  });
});
