/** Per-rule help for readers of the CI formats (SARIF `help`, `helpUri`): what a rule checks, why, how to fix it, and an example. */

/** The parts of one rule's help; `example` is YAML, shown before (`bad`) and after the fix (`good`). */
export interface RuleHelp {
  /** A name for people (SARIF `name`), PascalCase; it differs from the id even ignoring case, as SARIF validators require. */
  name: string;
  /** What the rule checks, in a sentence or two. */
  checks: string;
  /** Why it matters to a reader of the dataset. */
  why: string;
  /** How to make the diagnostic go away for the right reason. */
  fix: string;
  example: { bad: string; good: string };
}

/** Help for every rule, by rule id. A test asserts that every rule in the registry has an entry. */
export const ruleHelp: Readonly<Record<string, RuleHelp>> = {
  'yaml-syntax': {
    name: 'YamlSyntax',
    checks: 'The file must be one YAML document whose root is a mapping, with no duplicate keys, no unknown tags (`!!js/function` and the like are never executed) and no alias expansion beyond a safe bound (100).',
    why: 'A file that cannot be read cannot be checked, and a duplicate key silently keeps only one of two values.',
    fix: 'Fix the YAML at the reported position: remove or rename the duplicate key, quote a value that YAML reads as something else, split multi-document files into one file each.',
    example: { bad: 'id: arr-2026-02\nid: arr-2026-03', good: 'id: arr-2026-02' },
  },
  schema: {
    name: 'SchemaConformance',
    checks: 'Every field is known, present when required, and of the right type and shape: slugs for ids, the value shorthand (`">$400M"`), partial ISO dates (`2026-02`), http(s) URLs; a forecast has `due`, an `outcome` has `resolved_by`.',
    why: 'The provenance rules and every report read these fields; a misspelt key or a malformed date would be ignored or misread without a word.',
    fix: 'Follow the message: it names the field, what was expected and, for a misspelt key, the nearest known one. The JSON Schemas in `schemas/` give your editor the same checks as you type.',
    example: { bad: 'as_of: "2026-13"\nstatment: ARR was above $400M.', good: 'as_of: "2026-12"\nstatement: ARR was above $400M.' },
  },
  'id-mismatch': {
    name: 'IdMatchesFileName',
    checks: 'The `id` of a claim or source equals its file name without `.yaml`.',
    why: 'Ids are how files refer to each other; a reader who follows an id must find the file that declares it.',
    fix: 'Rename the file to `<id>.yaml`, or change `id` to the file name.',
    example: { bad: '# claims/mistral-ai/arr-2026.yaml\nid: arr-2026-02', good: '# claims/mistral-ai/arr-2026-02.yaml\nid: arr-2026-02' },
  },
  'duplicate-id': {
    name: 'DuplicateId',
    checks: 'No two files declare the same id, across claims and sources.',
    why: 'A reference to a duplicated id is ambiguous: the evidence could be read in either file.',
    fix: 'Give one of the files a new id (and file name), and update the references that meant it.',
    example: { bad: '# claims/sources/crunchbase.yaml and claims/acme/crunchbase.yaml\nid: crunchbase', good: '# claims/sources/crunchbase.yaml\nid: crunchbase\n# claims/acme/crunchbase-total.yaml\nid: crunchbase-total' },
  },
  'unknown-reference': {
    name: 'UnknownReference',
    checks: '`source`, `origin`, `via`, `cites`, `supersedes` and `resolved_by` name an id that exists in the dataset, of the right kind (a source where a source is needed); `resolved_by` does not name the claim itself.',
    why: 'Provenance is derived from these links; a dangling one breaks the chain and hides where a claim comes from.',
    fix: 'Correct the id (the message suggests the nearest one), or add the missing source file with `claims new source`.',
    example: { bad: 'evidence:\n  - source: techcrunch-profle', good: 'evidence:\n  - source: techcrunch-profile' },
  },
  'citation-cycle': {
    name: 'CitationCycle',
    checks: '`cites` between sources form no cycle, and no evidence chain (`origin`, then `via`, then `source`) passes through one source twice; `via` without `origin` makes the origin default to the source itself, which loops.',
    why: 'A cycle has no origin, so it cannot be said who said a thing first.',
    fix: 'Remove the `cites` entry that closes the cycle, list each relay once from the origin outward, or add the missing `origin`.',
    example: { bad: 'evidence:\n  - source: weidemann-analysis\n    via: [techcrunch-profile]', good: 'evidence:\n  - source: weidemann-analysis\n    via: [techcrunch-profile]\n    origin: mistral-arr-disclosure-2026-02' },
  },
  'supersedes-cycle': {
    name: 'SupersedesCycle',
    checks: '`supersedes` names an older claim, never the claim itself, and following `supersedes` from claim to claim comes to an end.',
    why: 'A claim that supersedes itself, or two that supersede each other, leave no claim standing as the current one, and every view that hides superseded claims hides them all.',
    fix: 'Point `supersedes` at the older claim this one replaces; in a loop, remove `supersedes` from the oldest claim.',
    example: { bad: '# arr-2026-02.yaml\nsupersedes: arr-2026-03\n# arr-2026-03.yaml\nsupersedes: arr-2026-02', good: '# arr-2026-03.yaml (the newer figure)\nsupersedes: arr-2026-02' },
  },
  'status-unsupported': {
    name: 'StatusUnsupported',
    checks: 'The declared `status` is no stronger than the evidence supports: `independent` needs an independent or party origin, `company-reported` needs the company on record; anonymous origins support only `rumored`.',
    why: 'Ten articles relaying one press release are one origin, and that origin is the company: calling it independent overstates what is known.',
    fix: 'Add evidence from an independent origin, or lower `status` to what the evidence supports (the message says which).',
    example: { bad: 'status: independent   # the only origin is the company\'s own disclosure', good: 'status: company-reported' },
  },
  'status-understated': {
    name: 'StatusUnderstated',
    checks: 'The declared `status` is not weaker than the evidence supports, for instance `rumored` while the company said it on record.',
    why: 'Understating hides what is confirmed, and readers filtering on status miss it.',
    fix: 'Raise `status` to what the evidence supports, or set `disputed` if you doubt the evidence.',
    example: { bad: 'status: rumored   # the origin is the company\'s own announcement', good: 'status: company-reported' },
  },
  'date-order': {
    name: 'DateOrder',
    checks: '`retrieved` is not before `published`, `due` is not before `as_of`, and `published` and `retrieved` are not after today (`--today` or `today:` in the configuration).',
    why: 'Impossible dates usually mean a typo in the year or month, and they put a claim in the wrong place on every timeline.',
    fix: 'Correct the date that is wrong, or pass `--today` when checking as of another day.',
    example: { bad: 'published: "2026-03"\nretrieved: "2026-02"', good: 'published: "2026-02"\nretrieved: "2026-03"' },
  },
  'forecast-overdue': {
    name: 'ForecastOverdue',
    checks: 'A forecast (`assertion: forecast`) whose `due` period has wholly passed has an `outcome`.',
    why: 'An open forecast past its date is a question a reader will ask: did it happen?',
    fix: 'Log the claim that reports the outcome, then `claims resolve <id> --outcome met|missed|withdrawn --by <claim-id>` (it sets `outcome:` and `resolved_by:`); leave it open while no source reports the outcome.',
    example: { bad: 'assertion: forecast\ndue: "2025-12"', good: 'assertion: forecast\ndue: "2025-12"\noutcome: met\nresolved_by: claim-reporting-the-launch' },
  },
  'value-conflict': {
    name: 'ValueConflict',
    checks: 'Two live facts with the same subject, category, parties and `as_of` give values that cannot both be true in a shared currency or unit (bounds and `~` ±10% considered). Forecasts, opinions, retracted and superseded claims are left out. Each claim in conflict gets one warning: `conflict` when it clashes with one other claim (naming it and its file), `conflictGroup` when it clashes with several (naming the three nearest values and counting the rest), so a thousand claims that all disagree give a thousand warnings, not a million.',
    why: 'Two incompatible figures for one thing at one time cannot both be right; a reader should see which one the dataset stands behind.',
    fix: 'Mark the newer claim `supersedes:` the older one, set `status: disputed` or `retracted` on the doubtful one, or correct the figure.',
    example: { bad: '# arr-2026-02.yaml: value: ">$400M"\n# arr-2026-02-low.yaml: value: "$300M"', good: '# arr-2026-02-low.yaml\nvalue: "$300M"\nstatus: retracted' },
  },
  'duplicate-claim': {
    name: 'DuplicateClaim',
    checks: 'Two live claims (not retracted, not superseded) with the same subject, category, assertion, parties (as a set) and `as_of`, names compared through `aliases`, give an equal value (same currency or unit, bound and amount; a list of equivalent forms agrees if any form does: `sameValue`), or, where one of them has no value, near-identical statements (`sameStatement`): after normalising case, punctuation and whitespace, at least 80% of the words the same (1 − word edit distance ÷ the longer statement) and no differing word a name or a figure, so "Mistral AI and Helsing signed a partnership" and "… and Stellantis …" are two claims. When both give a value the values decide (different figures are `value-conflict`\'s business); claims without `as_of` are left out, as in `value-conflict`. Each later file (by path) is reported once, naming the earliest it duplicates. Claims are grouped first, so the work grows with the claims, not their square; within a group at most 20,000 statement pairs are compared word by word, beyond which only equal values and equal normalised statements are found.',
    why: 'One fact logged twice splits its evidence between two files and counts twice in every list, timeline and report.',
    fix: 'Merge the later claim into the earlier with `claims merge <later-id> <earlier-id>` (its evidence moves over, references follow), or tell the two apart: a different `as_of` or `parties`, or `supersedes:` when one replaces the other.',
    example: { bad: '# claims/mistral-ai/arr-2026-02.yaml and claims/mistral-ai/mistral-ai-arr-2026-02.yaml\nvalue: ">$400M"\nas_of: "2026-02"', good: '# claims merge mistral-ai-arr-2026-02 arr-2026-02\n# claims/mistral-ai/arr-2026-02.yaml\nvalue: ">$400M"\nas_of: "2026-02"' },
  },
  'possible-relay': {
    name: 'PossibleRelay',
    checks: 'Two evidence items of one claim whose origins are counted as different independent origins may be one, when (a) their quotes are near-identical: the shorter has at least 9 words and, after normalising case, punctuation and whitespace, at least 80% of the words are the same (1 − word edit distance ÷ the longer quote); or (b) the snapshots behind them (of the source each is read in, and of the origin) share a verbatim passage of at least 12 words that contains the claim\'s figure (for a claim without a value: that overlaps one of the two quotes), two snapshots of one file never compared; or (c) a snapshot carries a wire credit — "(Reuters)", "Reuters reported", "according to Reuters", "(AP)", "Associated Press reported", "(AFP)", "according to AFP", "(Bloomberg)", "Bloomberg reported", "according to Bloomberg" and the like; never the bare name, so a list of partners naming Agence France-Presse is no credit — that the item does not list as its origin or a relay (a source whose id, publisher or title names the agency). Origins that may be one are grouped: each origin beyond the first of a group is reported once, at the later evidence item, naming the two origins and the reason. The first 64 evidence items of independent origins of a claim are compared.',
    why: 'Two outlets that reprint one wire story, or an analysis that rewrites an article without credit, are one origin: counting them twice is exactly the mistake independent-origin counting exists to catch. The thresholds come from the seed texts: articles on the same company written apart share at most 8 words in a row, while an analysis that rewrites the profile another text relays shares 14.',
    fix: 'Read both texts. If one relays the other, make that the origin (`origin:`, with the relay in `via:`); if both relay a third text or a wire, add it as a source and name it as the origin of both. If each did its own reporting after all, the two origins stand and the warning can stay; `rules: { possible-relay: off }` in `claims.config.yaml` turns the rule off for a dataset.',
    example: { bad: 'evidence:\n  - source: sovereignty-analysis\n    origin: techcrunch-profile\n    quote: It also announced a €4 billion investment strategy to build data centers in France and Sweden.\n  - source: weidemann-analysis\n    quote: announced a €4 billion investment strategy to build data centers in France and Sweden', good: 'evidence:\n  - source: sovereignty-analysis\n    origin: techcrunch-profile\n    quote: It also announced a €4 billion investment strategy to build data centers in France and Sweden.\n  - source: weidemann-analysis\n    origin: techcrunch-profile\n    quote: announced a €4 billion investment strategy to build data centers in France and Sweden' },
  },
  'quote-missing': {
    name: 'QuoteMissing',
    checks: 'Every evidence item has a `quote`.',
    why: 'A quote lets a reader check the evidence against the source without re-reading it all.',
    fix: 'Add `quote:` with a verbatim excerpt of the source, and `locator:` (paragraph, page) if the source is long.',
    example: { bad: 'evidence:\n  - source: weidemann-analysis', good: 'evidence:\n  - source: weidemann-analysis\n    quote: In February, the company disclosed that its annual recurring revenue (ARR) was above $400 million' },
  },
  'orphan-source': {
    name: 'OrphanSource',
    checks: 'Some claim reaches each source through `source`, `via`, `origin` or `cites`.',
    why: 'A source nothing uses is usually a leftover or a typo in a reference elsewhere.',
    fix: 'Cite the source in a claim\'s evidence, fix the reference that meant it, or delete the file.',
    example: { bad: '# claims/sources/old-blog-post.yaml, cited by no claim', good: 'evidence:\n  - source: old-blog-post\n    quote: …' },
  },
  'anonymous-undescribed': {
    name: 'AnonymousUndescribed',
    checks: 'A source with `kind: anonymous` has a `position`: what the people behind it are in a position to know.',
    why: 'The AP and Reuters rule: an anonymous source is only as good as the reason to believe it knows.',
    fix: 'Add `position:` (for example "people familiar with the fundraising") and `count:` (a number, or `multiple`).',
    example: { bad: 'kind: anonymous', good: 'kind: anonymous\nposition: people familiar with the fundraising\ncount: multiple' },
  },
  'quote-not-found': {
    name: 'QuoteNotFound',
    checks: 'An evidence quote appears in the `snapshot` of its `source` (whitespace, typographic quotes and dashes normalised). Silent for sources without a snapshot. A snapshot that is not a regular file inside the dataset folder (a link to `/proc/self/environ`, a device, a FIFO) or is too large is reported on its source and never read.',
    why: 'A quote that is not in the text misleads the reader who trusts it; the snapshot lets the tool check on every run.',
    fix: 'Copy the exact words from the snapshot (the message shows the closest passage), or fix the snapshot if it is incomplete.',
    example: { bad: 'quote: ARR rose above $400 million in February', good: 'quote: In February, the company disclosed that its annual recurring revenue (ARR) was above $400 million' },
  },
  'quote-value-mismatch': {
    name: 'QuoteValueMismatch',
    checks: "An evidence quote that states amounts of the kind of the claim's value — money for money, a percentage for a percentage, a count for a number — has at least one that agrees with the value, judged as the value shorthand is: same currency (\"€385 million\" is not `$385M`), same scale, bounds (\"above $400 million\" agrees with `>$400M`) and `~` ±10% (\"$2 billion\" agrees with `~$2B`). For a list of equivalent forms, any form may agree. Amounts are read in prose (\"$6.2 billion\", \"1.7 billion euros\", \"€11.7bn\", \"more than $1 billion\", \"11 percent\", \"tens of millions of euros\") and in shorthand tables (\"€385M (~$415M)\"); a bare figure without a scale or thousands separator (\"2023\", \"Small 4\") is not read as a count, and URLs are skipped. Silent for claims without a value and for quotes that state no amount of that kind.",
    why: 'The quote is what a reader checks the value against: a figure in another currency, scale or period, or a typo in the value, shows up as a quote that does not say what the claim says.',
    fix: 'Correct the value, add the equivalent form the quote gives (`["€385M", "~$415M"]`), or quote the passage that states the figure.',
    example: { bad: 'value: "$385M"\nevidence:\n  - source: weidemann-analysis\n    quote: Mistral closed a €385 million Series A', good: 'value: ["€385M", "~$415M"]\nevidence:\n  - source: weidemann-analysis\n    quote: Mistral closed a €385 million Series A (about $415 million at the time)' },
  },
  'snapshot-changed': {
    name: 'SnapshotChanged',
    checks: 'A source\'s `snapshot` file still has the SHA-256 recorded in `snapshot_sha256` (set by `claims snapshot`). Silent for sources without `snapshot_sha256`. A snapshot that cannot be read (missing, not a regular file, outside the dataset folder, too large) is reported on `snapshot`; a `snapshot_sha256` without `snapshot` is reported too.',
    why: 'Quotes are checked against the snapshot: a snapshot edited, replaced or truncated after it was stored would let a quote pass against text no one vouched for, and a shortened one would hide what the source said.',
    fix: 'Restore the stored text (from version control), or store the new text with `claims snapshot <id> --from <file|url>`, which checks every quote read in the source against it and records the new digest.',
    example: { bad: '# claims/snapshots/techcrunch-profile.txt edited by hand after it was stored\nsnapshot: snapshots/techcrunch-profile.txt\nsnapshot_sha256: 3f1c…', good: '# after: claims snapshot techcrunch-profile --from claims/snapshots/techcrunch-profile.txt\nsnapshot: snapshots/techcrunch-profile.txt\nsnapshot_sha256: 9b07…' },
  },
  'lookalike-name': {
    name: 'LookalikeName',
    checks: 'No entity name (`subject`, `parties`, `speaks_for`) differs from another only by zero-width characters or by Cyrillic or Greek letters that look Latin.',
    why: 'The tool compares names as text: "Mistral AI" with a zero-width space inside and "Mistral AI" without are two entities to it, so the company\'s own word would count as an independent source.',
    fix: 'Retype the name (the message shows the hidden characters), or declare an alias in the configuration if the two really are different entities.',
    example: { bad: 'subject: "Mistral\\u200B AI"   # a zero-width space before the space', good: 'subject: Mistral AI' },
  },
};

/** The README anchor of a rule's help section: its heading is "Rule `<id>`". */
export function ruleAnchor(id: string): string {
  return `rule-${id}`;
}

/** The help as plain text: what, why, fix, then the example. */
export function helpText(id: string, h: RuleHelp): string {
  return [
    `${id}: ${h.checks}`,
    `Why: ${h.why}`,
    `How to fix: ${h.fix}`,
    'Example, before:',
    indent(h.example.bad),
    'After:',
    indent(h.example.good),
  ].join('\n');
}

/** The help as Markdown: the same parts, the example as one YAML block, before and after. Also the README section body. */
export function helpMarkdown(h: RuleHelp): string {
  return [
    h.checks,
    '',
    `**Why:** ${h.why}`,
    '',
    `**How to fix:** ${h.fix}`,
    '',
    '```yaml',
    '# before',
    h.example.bad,
    '# after',
    h.example.good,
    '```',
  ].join('\n');
}

function indent(s: string): string {
  return s.split('\n').map((l) => `    ${l}`).join('\n');
}
