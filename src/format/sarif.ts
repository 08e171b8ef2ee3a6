import pkg from '../../package.json' with { type: 'json' };
import { fingerprints } from './fingerprint.js';
import type { LintFormatter, RuleMeta } from './types.js';

/** GitHub code scanning accepts at most this many results in one run. */
export const SARIF_MAX_RESULTS = 25_000;

/** GitHub code scanning shows at most this many characters of a rule's short and full description. */
export const SARIF_MAX_DESCRIPTION = 1024;

/** Where the tool's documentation lives: package.json `homepage`, else its `repository` URL, else a URN naming the README. */
export function documentationUri(meta: { homepage?: string; repository?: string | { url?: string } }): string {
  if (meta.homepage) return meta.homepage;
  const repo = typeof meta.repository === 'string' ? meta.repository : meta.repository?.url;
  if (repo) return repo.replace(/^git\+/, '').replace(/\.git$/, '');
  // The project has no public address of its own yet: a URN still names the README section unambiguously.
  return 'urn:claims:readme';
}

const INFORMATION_URI = documentationUri(pkg as { homepage?: string; repository?: string | { url?: string } });

/** The URI of a rule's section in the README, from the section's anchor (`RuleMeta.anchor`). */
export function helpUri(anchor: string, base = INFORMATION_URI): string {
  return `${base.replace(/#.*$/, '')}#${anchor}`;
}

/**
 * A relative path as an RFC 3986 URI reference: each segment percent-encoded as UTF-8, so `#`, `?`, `%`, spaces
 * and non-ASCII characters are data, not syntax; `/` stays the separator.
 */
export function pathToUri(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function ruleDescriptor(r: RuleMeta) {
  const help = r.help;
  const description = clip(r.description, SARIF_MAX_DESCRIPTION);
  return {
    id: r.id,
    // SARIF validators require a name that differs from the id even ignoring case; 'schema' vs 'Schema' would not.
    name: help?.name ?? `${r.id.replace(/(^|-)(\w)/g, (_, __, ch: string) => ch.toUpperCase())}Rule`,
    shortDescription: { text: description },
    fullDescription: { text: help ? clip(help.checks, SARIF_MAX_DESCRIPTION) : description },
    help: help ? { text: help.text, markdown: help.markdown } : { text: description },
    helpUri: helpUri(r.anchor),
    defaultConfiguration: { level: r.defaultSeverity },
    properties: { tags: ['claims', 'provenance'], 'problem.severity': r.defaultSeverity },
  };
}

/** SARIF 2.1.0 for GitHub code scanning: one run, every rule of `ctx.rules` described with help, errors first past GitHub's limit. */
export const sarif: LintFormatter = (result, ctx) => {
  const rules = ctx.rules ?? [];
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  // Fingerprints are counted over the diagnostics in file order, so a result keeps its fingerprint whatever the truncation.
  const prints = fingerprints(result.diagnostics);
  const rank = (i: number) => (result.diagnostics[i]!.severity === 'error' ? 0 : 1);
  const kept = result.diagnostics.map((_, i) => i).sort((a, b) => rank(a) - rank(b) || a - b).slice(0, SARIF_MAX_RESULTS);
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
            rules: rules.map(ruleDescriptor),
          },
        },
        results: kept.map((i) => ({ d: result.diagnostics[i]!, print: prints[i]! })).map(({ d, print }) => ({
          ruleId: d.rule,
          ...(ruleIndex.has(d.rule) ? { ruleIndex: ruleIndex.get(d.rule) } : {}),
          level: d.severity,
          message: { text: d.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: pathToUri(d.file), uriBaseId: '%SRCROOT%' },
                region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
              },
              ...(d.path ? { logicalLocations: [{ fullyQualifiedName: d.path, kind: 'member' }] } : {}),
            },
          ],
          partialFingerprints: { 'claims/v1': print },
        })),
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
};
