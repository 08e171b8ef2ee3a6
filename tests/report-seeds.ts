/**
 * A small dataset for the report tests, written from the seed texts in /work/shared/seeds/ (quotes verbatim from seeds
 * 000, 001 and 002). The provenance is set up per claim to exercise one rule of the report each (a candidate that
 * must stay, one that must go), so it is not the bundled dataset's reading of the same texts.
 */
import { loadDataset } from '../src/load/dataset.js';
import { Entities } from '../src/provenance/index.js';
import { queryContext, type QueryContext } from '../src/query/view.js';
import { writeDataset } from './helpers.js';

const src = (id: string, title: string, publisher: string, kind: string, extra = ''): string =>
  `type: source\nid: ${id}\ntitle: ${JSON.stringify(title)}\npublisher: ${publisher}\nkind: ${kind}\nreliability: ${kind === 'anonymous' ? 'F' : 'B'}\n${extra}`;

interface ClaimSpec {
  id: string;
  category: string;
  statement: string;
  value?: string;
  as_of?: string;
  status: string;
  /** Evidence lines, indented under `evidence:`. */
  evidence: string;
  subject?: string;
}

const claim = (c: ClaimSpec): string => [
  'type: claim',
  `id: ${c.id}`,
  `subject: ${c.subject ?? 'Mistral AI'}`,
  `category: ${c.category}`,
  `statement: ${JSON.stringify(c.statement)}`,
  ...(c.value ? [`value: ${JSON.stringify(c.value)}`] : []),
  ...(c.as_of ? [`as_of: "${c.as_of}"`] : []),
  `status: ${c.status}`,
  'evidence:',
  c.evidence,
].join('\n');

const ev = (source: string, quote: string, extra = ''): string =>
  `  - source: ${source}\n${extra}    quote: ${JSON.stringify(quote)}\n`;

/** The seed dataset's files: sources and claims (path -> YAML). */
export const SEED_FILES: Record<string, string> = {
  'sources/sovereignty-analysis.yaml': src('sovereignty-analysis', "Untitled analysis of Mistral AI's sovereignty positioning", 'Unnamed outlet', 'analysis'),
  'sources/weidemann-analysis.yaml': src('weidemann-analysis', "Untitled analysis of Mistral AI's strategy, funding and revenue", 'Weidemann.tech', 'analysis'),
  'sources/techcrunch-profile.yaml': src('techcrunch-profile', 'TechCrunch profile of Mistral AI', 'TechCrunch', 'news'),
  'sources/techcrunch-profile-summary.yaml': src('techcrunch-profile-summary', 'What is Mistral AI? Everything to know about the OpenAI competitor', 'TechCrunch', 'news'),
  'sources/crunchbase.yaml': src('crunchbase', 'Crunchbase funding data for Mistral AI', 'Crunchbase', 'database'),
  'sources/mistral-arr-disclosure.yaml': src('mistral-arr-disclosure', "Mistral AI's February 2026 disclosure of annual recurring revenue", 'Mistral AI', 'primary', 'speaks_for: [Mistral AI]\n'),
  'sources/anonymous-sources-mistral-raise.yaml': src('anonymous-sources-mistral-raise', "Unnamed sources on Mistral AI's rumored raise", 'Unnamed outlet', 'anonymous', 'position: Unidentified origin of the rumor\n'),

  // Funding total: one independent origin (Crunchbase), read in two texts.
  'mistral-ai/funding-total-2026.yaml': claim({
    id: 'funding-total-2026', category: 'funding-total', value: '~$4B', as_of: '2026', status: 'independent',
    statement: 'Mistral AI has raised about $4 billion in total, according to Crunchbase.',
    evidence: ev('sovereignty-analysis', 'The reported funding total of roughly $4 billion, cited via Crunchbase by TechCrunch', '    via: [techcrunch-profile]\n    origin: crunchbase\n')
      + ev('weidemann-analysis', 'totaling around $4 billion according to Crunchbase', '    origin: crunchbase\n'),
  }),
  // ARR: the company's own word, relayed by TechCrunch and read in the analysis.
  'mistral-ai/arr-2026-02.yaml': claim({
    id: 'arr-2026-02', category: 'arr', value: '>$400M', as_of: '2026-02', status: 'company-reported',
    statement: "Mistral AI's annual recurring revenue was above $400 million in February 2026.",
    evidence: ev('sovereignty-analysis', 'TechCrunch said Mistral AI disclosed in February that annual recurring revenue had risen above $400 million', '    via: [techcrunch-profile]\n    origin: mistral-arr-disclosure\n'),
  }),
  'mistral-ai/arr-2025-02.yaml': claim({
    id: 'arr-2025-02', category: 'arr', value: '$20M', as_of: '2025-02', status: 'company-reported',
    statement: "Mistral AI's annual recurring revenue was $20 million in February 2025.",
    evidence: ev('sovereignty-analysis', 'up from $20 million a year earlier', '    via: [techcrunch-profile]\n    origin: mistral-arr-disclosure\n'),
  }),
  // The rumored raise and valuation: anonymous sources, relayed by TechCrunch.
  'mistral-ai/rumored-raise-2026.yaml': claim({
    id: 'rumored-raise-2026', category: 'funding-round', value: '~$3.5B', as_of: '2026', status: 'rumored',
    statement: 'Mistral AI was rumored in 2026 to be raising about $3.5 billion.',
    evidence: ev('sovereignty-analysis', 'TechCrunch said Mistral is rumored to be raising around $3.5 billion at a valuation of $23.15 billion', '    via: [techcrunch-profile]\n    origin: anonymous-sources-mistral-raise\n'),
  }),
  'mistral-ai/valuation-rumored-2026.yaml': claim({
    id: 'valuation-rumored-2026', category: 'valuation', value: '~$23.15B', as_of: '2026', status: 'rumored',
    statement: 'Mistral AI was rumored in 2026 to be raising at a valuation of about $23.15 billion.',
    evidence: ev('weidemann-analysis', 'By mid-2026, Mistral was also rumored to be raising about $3.5 billion at a $23.15 billion valuation', '    origin: anonymous-sources-mistral-raise\n'),
  }),
  // An earlier figure whose bound agrees with the 2026 rumor: above $10 billion in September 2025.
  'mistral-ai/valuation-series-c-2025-09.yaml': claim({
    id: 'valuation-series-c-2025-09', category: 'valuation', value: '>$10B', as_of: '2025-09', status: 'independent',
    statement: 'Mistral AI was valued at more than $10 billion in its September 2025 Series C.',
    evidence: ev('weidemann-analysis', 'at a €11.7 billion valuation (roughly $13.8 billion)'),
  }),
  // A reported Series A valuation: the text says "reported" and names no one.
  'mistral-ai/valuation-series-a-2023-12.yaml': claim({
    id: 'valuation-series-a-2023-12', category: 'valuation', value: '$2B', as_of: '2023-12', status: 'rumored',
    statement: 'Mistral AI was reported to be valued at $2 billion in its December 2023 Series A.',
    evidence: ev('weidemann-analysis', 'at a reported $2 billion valuation', '    unattributed: true\n'),
  }),
  // Its candidates. Same period and figure: stays.
  'mistral-ai/valuation-table-2023-12.yaml': claim({
    id: 'valuation-table-2023-12', category: 'valuation', value: '$2B', as_of: '2023-12', status: 'independent',
    statement: "The funding table gives Mistral AI's December 2023 Series A valuation as $2 billion.",
    evidence: ev('weidemann-analysis', '~Dec 2023 | Series A | €385M (~$415M at the time) | $2B | Led by Andreessen Horowitz (a16z)'),
  }),
  // Later, and about the same figure: stays.
  'mistral-ai/valuation-2024-02.yaml': claim({
    id: 'valuation-2024-02', category: 'valuation', value: '~$2B', as_of: '2024-02', status: 'independent',
    statement: "Microsoft's February 2024 investment left Mistral AI's valuation unchanged at about $2 billion.",
    evidence: ev('weidemann-analysis', 'this was presented as a Series A extension, implying an unchanged valuation'),
  }),
  // Later, a different figure: goes.
  'mistral-ai/valuation-2024-06.yaml': claim({
    id: 'valuation-2024-06', category: 'valuation', value: '$6B', as_of: '2024-06', status: 'independent',
    statement: "Mistral AI's June 2024 round valued the company at $6 billion.",
    evidence: ev('weidemann-analysis', 'led by General Catalyst at a $6 billion valuation'),
  }),
  // Earlier: goes.
  'mistral-ai/valuation-seed-2023-06.yaml': claim({
    id: 'valuation-seed-2023-06', category: 'valuation', value: '$260M', as_of: '2023-06', status: 'independent',
    statement: "Mistral AI's June 2023 seed round valued the startup at $260 million.",
    evidence: ev('weidemann-analysis', 'valuing the startup at $260 million'),
  }),
  // The same figure, undated: goes (it cannot be shown not to be earlier).
  'mistral-ai/valuation-undated.yaml': claim({
    id: 'valuation-undated', category: 'valuation', value: '$2B', status: 'independent',
    statement: 'Mistral AI was valued at $2 billion.',
    evidence: ev('weidemann-analysis', '| $2B |'),
  }),
  // No figure: goes (it cannot confirm one).
  'mistral-ai/valuation-no-figure.yaml': claim({
    id: 'valuation-no-figure', category: 'valuation', as_of: '2025', status: 'independent',
    statement: 'Mistral AI has a high valuation.',
    evidence: ev('techcrunch-profile-summary', 'This significant capital underpins its rapid expansion and high valuation in the competitive AI landscape.'),
  }),
  // Claims without a value, in three tiers.
  'mistral-ai/acquisition-koyeb.yaml': claim({
    id: 'acquisition-koyeb', category: 'acquisition', status: 'independent',
    statement: 'Mistral AI acquired Koyeb, an infrastructure startup.',
    evidence: ev('sovereignty-analysis', 'Earlier this year, the company acquired Koyeb, an infrastructure startup', '    via: [techcrunch-profile]\n'),
  }),
  'mistral-ai/product-forge.yaml': claim({
    id: 'product-forge', category: 'product', status: 'company-reported',
    statement: 'Mistral AI builds custom models for customers with its Forge platform.',
    evidence: ev('weidemann-analysis', 'plus building custom models via Forge', '    origin: mistral-arr-disclosure\n'),
  }),
  'mistral-ai/other-raise-rumor.yaml': claim({
    id: 'other-raise-rumor', category: 'other', status: 'rumored',
    statement: 'Mistral AI is rumored to be raising a multibillion-dollar round.',
    evidence: ev('weidemann-analysis', 'Even with rumors of a multibillion-dollar raise', '    origin: anonymous-sources-mistral-raise\n'),
  }),
};

/** The seed dataset, loaded, measured against 2026-11-24. */
export function seedContext(extra: Record<string, string> = {}): QueryContext {
  const root = writeDataset({ ...SEED_FILES, ...extra });
  return queryContext(loadDataset(root, root), new Entities(), '2026-11-24');
}
