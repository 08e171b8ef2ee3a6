/** Fingerprints for the CI formats (SARIF `partialFingerprints`, GitLab `fingerprint`): stable across moved lines, unique within a run. */
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../diagnostic.js';

/** What identifies a finding without its position: the rule, the file, the path in the document, the message id and the message. */
function identity(d: Diagnostic): string {
  return [d.rule, d.file, d.path, d.messageId, d.message].join('\u0000');
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 32);
}

/**
 * One fingerprint per diagnostic, in order. Positions are left out, so a finding whose line moves keeps its
 * fingerprint; findings that are otherwise identical (two duplicate keys with one message) are told apart by
 * their occurrence index among the identical ones, counted in the order given (file, then position).
 * The first occurrence hashes the identity alone, so it keeps the fingerprint earlier versions gave it.
 */
export function fingerprints(diagnostics: readonly Diagnostic[]): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const key = identity(d);
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    return digest(index === 0 ? key : `${key}\u0000${index}`);
  });
}
