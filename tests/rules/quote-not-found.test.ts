import { describe, expect, it } from 'vitest';
import { claim, lintFiles, ofRule, source } from '../helpers.js';

const TEXT = 'Acme said on Monday that its “annual recurring revenue” — ARR — passed $10 million,\nup from $2 million.\n';

describe('quote-not-found', () => {
  it('is silent when the quote is in the snapshot, whitespace, typographic quotes and dashes normalised', () => {
    const d = lintFiles({
      'snapshots/src-a.txt': TEXT,
      'sources/src-a.yaml': source('src-a', 'snapshot: snapshots/src-a.txt\n'),
      'acme/c.yaml': claim('c').replace('quote: a quote', `quote: 'its "annual recurring revenue" - ARR - passed   $10 million, up from'`),
    });
    expect(ofRule(d, 'quote-not-found')).toEqual([]);
  });

  it('is silent without a snapshot', () => {
    const d = lintFiles({ 'sources/src-a.yaml': source('src-a'), 'acme/c.yaml': claim('c') });
    expect(ofRule(d, 'quote-not-found')).toEqual([]);
  });

  it('reports a quote that is not in the snapshot at the quote, with the closest passage', () => {
    const d = lintFiles({
      'snapshots/src-a.txt': TEXT,
      'sources/src-a.yaml': source('src-a', 'snapshot: snapshots/src-a.txt\n'),
      'acme/c.yaml': claim('c').replace('quote: a quote', 'quote: ARR passed $12 million'),
    });
    const [e] = ofRule(d, 'quote-not-found');
    expect(e).toMatchObject({ messageId: 'notFound', severity: 'error', file: 'acme/c.yaml', line: 9, column: 12, path: 'evidence[0].quote' });
    expect(e!.message).toContain('Closest passage: “ARR - passed $10 million,”');
  });

  it('reports an unreadable snapshot once, on the source', () => {
    const d = lintFiles({
      'sources/src-a.yaml': source('src-a', 'snapshot: snapshots/missing.txt\n'),
      'acme/c.yaml': claim('c'),
      'acme/d.yaml': claim('d'),
    });
    expect(ofRule(d, 'quote-not-found')).toEqual([
      expect.objectContaining({ messageId: 'noSnapshot', file: 'sources/src-a.yaml', line: 6, column: 11, path: 'snapshot' }),
    ]);
  });

  it('rejects a snapshot path that leaves the dataset (schema)', () => {
    for (const bad of ['../outside.txt', '/etc/passwd', 'snapshots/../../x.txt']) {
      const d = lintFiles({ 'sources/src-a.yaml': source('src-a', `snapshot: ${bad}\n`), 'acme/c.yaml': claim('c') });
      expect(ofRule(d, 'schema').map((x) => x.path), bad).toEqual(['snapshot']);
    }
  });
});
