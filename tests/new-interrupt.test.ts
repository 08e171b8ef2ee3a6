/** `claims new` and `claims fmt` never leave temporary files behind: the cleanup registry, and a real SIGTERM to the built binary. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, watch, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDataset } from './helpers.js';
import { CLEANUP_SIGNALS, onInterrupt, pendingCleanups, runCleanups, tempPathFor, writeAtomically, writeTemp } from '../src/util/atomic.js';

const BIN = resolve(__dirname, '../bin/claims.js');

describe('the cleanup registry', () => {
  it('runs registered cleanups latest first, once, and forgets unregistered ones', () => {
    const ran: string[] = [];
    const forgetA = onInterrupt(() => ran.push('folder'));
    onInterrupt(() => ran.push('file'));
    const forgetC = onInterrupt(() => ran.push('never'));
    forgetC();
    onInterrupt(() => {
      throw new Error('a failing cleanup does not stop the others');
    });
    runCleanups();
    expect(ran).toEqual(['file', 'folder']);
    runCleanups();
    expect(ran).toEqual(['file', 'folder']);
    forgetA();
    expect(pendingCleanups()).toBe(0);
  });

  it('installs handlers for SIGINT, SIGTERM and SIGHUP once, however many files are tracked', () => {
    const root = writeDataset({});
    const before = CLEANUP_SIGNALS.map((s) => process.listenerCount(s));
    writeAtomically(join(root, 'a.txt'), 'a');
    writeAtomically(join(root, 'b.txt'), 'b');
    const after = CLEANUP_SIGNALS.map((s) => process.listenerCount(s));
    after.forEach((n, i) => expect(n - before[i]!).toBeLessThanOrEqual(1));
    after.forEach((n) => expect(n).toBeGreaterThanOrEqual(1));
  });

  it('tracks a temporary file while it exists: discard removes it, an interrupt removes it, release keeps it', () => {
    const root = writeDataset({});
    const target = join(root, 'x.yaml');
    const kept = tempPathFor(target);
    const t1 = writeTemp(kept, 'one');
    expect(pendingCleanups()).toBe(1);
    t1.release();
    expect(pendingCleanups()).toBe(0);
    expect(existsSync(kept)).toBe(true);
    const interrupted = tempPathFor(target);
    writeTemp(interrupted, 'two');
    runCleanups();
    expect(existsSync(interrupted)).toBe(false);
    const discarded = tempPathFor(target);
    writeTemp(discarded, 'three').discard();
    expect(existsSync(discarded)).toBe(false);
    expect(pendingCleanups()).toBe(0);
    rmSync(kept);
    // writeAtomically leaves only the target.
    writeAtomically(target, 'text');
    expect(readdirSync(root)).toEqual(['x.yaml']);
    expect(pendingCleanups()).toBe(0);
  });

  it('never replaces a file that happens to have the temporary name', () => {
    const root = writeDataset({ 'taken.tmp': 'mine' });
    expect(() => writeTemp(join(root, 'taken.tmp'), 'x')).toThrow(/EEXIST/);
    expect(pendingCleanups()).toBe(0);
    runCleanups();
    expect(existsSync(join(root, 'taken.tmp'))).toBe(true);
  });
});

/** A dataset large enough that checking a new claim against it takes a while, so a signal can land while the temporary file exists. */
function bigDataset(): string {
  const root = writeDataset({ 'claims/sources/news-a.yaml': 'type: source\nid: news-a\ntitle: T\npublisher: P\nkind: news\n' });
  mkdirSync(join(root, 'claims/acme'));
  for (let i = 0; i < 1500; i++) {
    writeFileSync(
      join(root, `claims/acme/c${i}.yaml`),
      `type: claim\nid: c${i}\nsubject: Acme\ncategory: arr\nstatement: Acme has revenue.\nvalue: "$${i + 1}M"\nas_of: "2026-02"\nstatus: independent\nevidence:\n  - source: news-a\n    quote: q\n`,
    );
  }
  return root;
}

const built = existsSync(join(__dirname, '../dist/claims.js'));
if (!built) console.warn('skipped: dist/ not built (run `npm run build`): claims new killed by SIGTERM');

describe('claims new, killed while it checks the new file', () => {
  it.skipIf(!built)('leaves no temporary file and no new file, and ends by the signal (SIGTERM)', async () => {
    const root = bigDataset();
    const dir = join(root, 'claims/acme');
    const child = spawn(process.execPath, [BIN, 'new', 'claim', '--today', '2026-11-24', '--id', 'x1', '--subject', 'Acme', '--category', 'arr', '--statement', 'S', '--status', 'independent', '--source', 'news-a', '--quote', 'q'], { cwd: root, stdio: 'ignore' });
    let sawTemp = false;
    const watcher = watch(dir, (_, name) => {
      if (!sawTemp && typeof name === 'string' && /^\.x1\.yaml\..*\.tmp$/.test(name) && existsSync(join(dir, name))) {
        sawTemp = true;
        child.kill('SIGTERM');
      }
    });
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.on('exit', (code, signal) => done({ code, signal })));
    watcher.close();
    expect(sawTemp, 'the temporary file appeared before the run ended').toBe(true);
    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(readdirSync(dir).filter((f) => f.startsWith('.') || f === 'x1.yaml')).toEqual([]);
  }, 30_000);
});
