import { closestPassage, normaliseText } from '../load/snapshot.js';
import { defineRule } from './types.js';
import { MAX_BYTES } from '../util/safe-read.js';

/** A quote must still say what the source says: checked against the source's local snapshot, when it has one. */
export const quoteNotFound = defineRule({
  id: 'quote-not-found',
  meta: {
    description: 'An evidence quote is not in the `snapshot` of its `source` (whitespace, typographic quotes and dashes normalised)',
    defaultSeverity: 'error',
    messages: {
      notFound: 'The quote is not in the snapshot of "{{source}}" ({{snapshot}}). Closest passage: “{{closest}}”. Copy the exact words, or fix the snapshot.',
      noSnapshot: 'The snapshot of "{{source}}" cannot be read at {{snapshot}} (relative to the dataset folder): add the file or fix `snapshot:`.',
      unsafeSnapshot: 'The snapshot of "{{source}}" at {{snapshot}} {{reason}}, so it was not read: a snapshot must be a regular file inside the dataset folder, at most {{limit}}.',
    },
  },
  check(ctx) {
    const missingReported = new Set<string>();
    for (const { file, data } of ctx.dataset.claims) {
      data.evidence.forEach((ev, i) => {
        const source = ctx.index.sources.get(ev.source);
        const snapshot = source?.data.snapshot;
        if (!source || snapshot === undefined || ev.quote === undefined || ev.quote.trim() === '') return;
        const got = ctx.snapshot(snapshot);
        const text = got.text;
        if (text === undefined) {
          if (!missingReported.has(source.file)) {
            missingReported.add(source.file);
            if (got.kind === 'missing' || got.kind === 'unreadable') ctx.report({ file: source.file, path: ['snapshot'], messageId: 'noSnapshot', data: { source: ev.source, snapshot } });
            else ctx.report({ file: source.file, path: ['snapshot'], messageId: 'unsafeSnapshot', data: { source: ev.source, snapshot, reason: got.reason, limit: `${MAX_BYTES.snapshot / (1024 * 1024)} MiB` } });
          }
          return;
        }
        const quote = normaliseText(ev.quote);
        if (!text.includes(quote)) {
          ctx.report({ file, path: ['evidence', i, 'quote'], messageId: 'notFound', data: { source: ev.source, snapshot, closest: closestPassage(text, quote) } });
        }
      });
    }
  },
});
