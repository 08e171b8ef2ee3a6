import { describe, expect, it } from 'vitest';
import { Command } from 'commander';
import { UsageError } from '../src/cli/io.js';
import { CLAIM_FLAGS, withFieldFlags } from '../src/cli/new-options.js';
import { evidenceItems, VALUE_FLAGS } from '../src/edit/evidence-args.js';

const usage = (argv: string[]): string => {
  try {
    evidenceItems(argv);
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
};

describe('evidenceItems', () => {
  it('gives no items without --source', () => {
    expect(evidenceItems(['new', 'claim', '--subject', 'Acme', '--status', 'rumored'])).toEqual([]);
  });

  it('reads one item', () => {
    expect(evidenceItems(['--source', 'tc', '--quote', 'ARR passed $10M', '--locator', 'paragraph 3'])).toEqual([
      { source: 'tc', quote: 'ARR passed $10M', locator: 'paragraph 3' },
    ]);
  });

  it('starts a new item at each --source; the flags that follow belong to it', () => {
    const argv = [
      'new', 'claim', '--subject', 'Acme', '--source', 'tc', '--quote', 'first', '--via', 'a',
      '--statement', 'Acme raised money.', '--source', 'cnbc', '--origin', 'acme-post', '--quote', 'second', '--locator', '4',
      '--source', 'ft',
    ];
    expect(evidenceItems(argv)).toEqual([
      { source: 'tc', quote: 'first', via: ['a'] },
      { source: 'cnbc', origin: 'acme-post', quote: 'second', locator: '4' },
      { source: 'ft' },
    ]);
  });

  it('takes --flag=value as well as --flag value, and keeps "=" inside the value', () => {
    expect(evidenceItems(['--source=tc', '--quote=a=b said', '--via=x,y', '--origin=o', '--locator=p. 2'])).toEqual([
      { source: 'tc', quote: 'a=b said', via: ['x', 'y'], origin: 'o', locator: 'p. 2' },
    ]);
  });

  it('reads --via as a comma list, and repeated --via for one item as one list in order', () => {
    expect(evidenceItems(['--source', 's', '--via', 'a, b', '--via', 'c', '--source', 't', '--via', 'd'])).toEqual([
      { source: 's', via: ['a', 'b', 'c'] },
      { source: 't', via: ['d'] },
    ]);
  });

  it('takes the next argument as the value even when it starts with a dash, as commander does', () => {
    expect(evidenceItems(['--source', 's', '--quote', '-5% on the year'])).toEqual([{ source: 's', quote: '-5% on the year' }]);
  });

  it('skips the values of other flags, so a statement that reads like a flag is not an evidence flag', () => {
    expect(evidenceItems(['--statement', '--quote', '--source', 's', '--tags', '--source', '--quote', 'q'])).toEqual([{ source: 's', quote: 'q' }]);
    expect(evidenceItems(['--dir', '--source', '--today', '2026-01-01', '--source', 's'])).toEqual([{ source: 's' }]);
  });

  it('stops at --', () => {
    expect(evidenceItems(['--source', 's', '--', '--source', 't'])).toEqual([{ source: 's' }]);
  });

  it('checks the evidence flags of an item whose --source is still to come (asked on a terminal), and leaves it to the options', () => {
    expect(evidenceItems(['--subject', 'Acme', '--quote', 'q', '--via', 'a', '--via', 'b', '--locator', '3'])).toEqual([]);
    expect(usage(['--quote', 'a', '--quote', 'b'])).toContain('--quote is given twice for the evidence item');
  });

  it('names the first flag given before a --source', () => {
    expect(usage(['--locator', '2', '--quote', 'q', '--source', 's'])).toContain('--locator comes before any --source');
  });

  it.each(['--quote', '--via', '--origin', '--locator'])('refuses %s before any --source, naming it', (flag) => {
    const message = usage(['--subject', 'Acme', flag, 'x', '--source', 's']);
    expect(message).toContain(`${flag} comes before any --source`);
  });

  it.each(['--quote', '--origin', '--locator'])('refuses %s given twice for one item, naming it and the item', (flag) => {
    const message = usage(['--source', 's', '--quote', 'q0', '--source', 't', flag, 'x', flag, 'y']);
    expect(message).toContain(`${flag} is given twice for evidence item 2 (--source t)`);
  });

  it('refuses a second --quote given in the --flag=value form', () => {
    expect(usage(['--source=s', '--quote=a', '--quote=b'])).toContain('--quote is given twice for evidence item 1');
  });

  it('refuses a flag without a value, and empty values', () => {
    expect(usage(['--source', 's', '--quote'])).toBe('--quote needs a value');
    expect(usage(['--source'])).toBe('--source needs a value');
    expect(usage(['--source='])).toContain('--source needs a source id');
    expect(usage(['--source', 's', '--quote', '  '])).toContain('--quote is empty (evidence item 1 (--source s))');
    expect(usage(['--source', 's', '--via', ' , '])).toContain('--via needs one or more source ids');
  });

  it('knows every value flag of `new claim` other than the evidence flags', () => {
    const names = CLAIM_FLAGS.map(([spec]) => spec.split(' ')[0]!);
    for (const n of names) if (!['--source', '--quote', '--via', '--origin', '--locator', '--unattributed'].includes(n)) expect(VALUE_FLAGS.has(n)).toBe(true);
  });

  it('agrees with commander on the values of each evidence flag, which commander keeps but does not group', () => {
    // Commander is the consumer that parses the same command line: every value it sees for an evidence flag must be in
    // exactly one item, in order, so no flag is dropped.
    const argv = ['--subject', 'Acme', '--source', 'a', '--quote', 'qa', '--via', 'r1,r2', '--source', 'b', '--locator', '7', '--origin', 'o', '--source', 'c', '--quote', 'qc'];
    const cmd = withFieldFlags(new Command('claim').exitOverride(), CLAIM_FLAGS);
    // Commander keeps only the last value of a single-valued flag: that is the bug the raw parse fixes.
    cmd.parse(argv, { from: 'user' });
    const opts = cmd.opts();
    const items = evidenceItems(argv);
    expect(items.map((i) => i.source)).toEqual(['a', 'b', 'c']);
    expect(opts.source).toBe('c');
    expect(items.at(-1)!.quote).toBe(opts.quote);
    expect(items.flatMap((i) => i.via ?? [])).toEqual((opts.via as string[]).flatMap((v) => v.split(',')));
    expect(items.find((i) => i.origin)!.origin).toBe(opts.origin);
    expect(items.find((i) => i.locator)!.locator).toBe(opts.locator);
  });
});
