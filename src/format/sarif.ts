import { createHash } from 'node:crypto';
import pkg from '../../package.json' with { type: 'json' };
import type { Diagnostic } from '../diagnostic.js';
import { rules } from '../rules/index.js';
import type { Formatter } from './types.js';

/** GitHub code scanning accepts at most this many results in one run. */
export const SARIF_MAX_RESULTS = 25_000;

/** Where the tool's documentation lives: package.json `homepage`, else a URN (the project has no public address of its own yet). */
const INFORMATION_URI = (pkg as { homepage?: string }).homepage ?? 'urn:claims:readme';

/** A fingerprint that survives moved lines: the rule, the file, the path in the document and the message — no positions. */
export function fingerprint(d: Diagnostic): string {
  return createHash('sha256').update([d.rule, d.file, d.path, d.messageId, d.message].join('\u0000')).digest('hex').slice(0, 32);
}

/** SARIF 2.1.0 for GitHub code scanning: one run, every rule described, errors first past GitHub's limit. */
export const sarif: Formatter = (result) => {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const ordered = [...result.diagnostics].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const kept = ordered.slice(0, SARIF_MAX_RESULTS);
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'claims',
            version: pkg.version,
            semanticVersion: pkg.version,
            informationUri: INFORMATION_URI,
            rules: rules.map((r) => ({
              id: r.id,
              name: r.id.replace(/(^|-)(\w)/g, (_, __, ch: string) => ch.toUpperCase()),
              shortDescription: { text: r.meta.description },
              fullDescription: { text: r.meta.description },
              defaultConfiguration: { level: r.meta.defaultSeverity },
              properties: { tags: ['claims', 'provenance'] },
            })),
          },
        },
        results: kept.map((d) => ({
          ruleId: d.rule,
          ruleIndex: ruleIndex.get(d.rule) ?? -1,
          level: d.severity,
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: encodeURI(d.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
              },
              ...(d.path ? { logicalLocations: [{ fullyQualifiedName: d.path, kind: 'member' }] } : {}),
            },
          ],
          partialFingerprints: { 'claims/v1': fingerprint(d) },
        })),
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
