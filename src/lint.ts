/** Runs the rules over a loaded dataset and turns their reports into located diagnostics. No printing, no exit codes. */
import type { Dataset } from './load/dataset.js';
import { locatorFor, locatorOfText } from './load/dataset.js';
import { formatPath, type Locate } from './load/locate.js';
import { SnapshotReader, type Overlay } from './load/snapshot.js';
import { buildIndex, claimProvenance, Entities, type Provenance } from './provenance/index.js';
import type { Claim } from './model/schema.js';
import { rules as allRules, type Rule } from './rules/index.js';
import { assertMessageId, ruleMessage } from './rules/message.js';
import { compareDiagnostics, countSeverities, type Diagnostic, type LintResult, type RuleReport, type SeveritySetting } from './diagnostic.js';

/** How to lint: the date, severities per rule, entity aliases, and which files to report on. */
export interface LintOptions {
  today: string;
  severities?: Record<string, SeveritySetting>;
  entities?: Entities;
  /** Report only diagnostics in these display paths (the whole dataset is still loaded and checked). */
  only?: ReadonlySet<string>;
  /** The rules to run (default: every registered rule). */
  rules?: readonly Rule[];
  /** Texts that stand in for files on disk: the dataset as a writing command would leave it, before it is written. */
  overlay?: Overlay;
}

/** Lints a dataset. */
export function lint(dataset: Dataset, options: LintOptions): LintResult {
  const index = buildIndex(dataset);
  const entities = options.entities ?? new Entities();
  // Not cached: two rules ask, and keeping every claim's provenance costs more memory than recomputing it does time.
  const provenance = (c: Claim): Provenance => claimProvenance(c, index, entities);
  const snapshots = new SnapshotReader(dataset.root, options.overlay);
  const snapshot = (path: string) => snapshots.load(path);
  const absByFile = new Map(dataset.files.map((f) => [f.file, f.abs]));
  const locators = new Map<string, Locate | undefined>();
  const locate = (file: string): Locate | undefined => {
    if (!locators.has(file)) {
      const abs = absByFile.get(file);
      const pending = abs === undefined ? undefined : options.overlay?.get(abs);
      locators.set(file, abs === undefined ? undefined : pending != null ? locatorOfText(pending) : locatorFor(abs));
    }
    return locators.get(file);
  };

  const diagnostics: Diagnostic[] = [];
  for (const rule of options.rules ?? allRules) {
    const setting = options.severities?.[rule.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    const report = (r: RuleReport): void => {
      // Checked before the file filter, so that a wrong id fails every run, not only runs that show the finding.
      assertMessageId(rule, r.messageId);
      if (options.only && !options.only.has(r.file)) return;
      const range = r.range ?? locate(r.file)?.(r.path) ?? { line: 1, column: 1, endLine: 1, endColumn: 1 };
      const message = ruleMessage(rule, r.messageId, r.data);
      diagnostics.push({ file: r.file, ...range, severity: setting, rule: rule.id, messageId: r.messageId, message, path: formatPath(r.path) });
    };
    rule.check({ dataset, index, entities, today: options.today, provenance, snapshot, report });
  }
  diagnostics.sort(compareDiagnostics);
  const reported = options.only ? dataset.files.filter((f) => options.only!.has(f.file)) : dataset.files;
  return {
    files: reported.length,
    fileList: reported.map((f) => f.file),
    claims: dataset.claims.length,
    sources: dataset.sources.length,
    ...countSeverities(diagnostics),
    diagnostics,
  };
}
