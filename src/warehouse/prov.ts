/**
 * `claims export --format prov`: the provenance of the exported claims as W3C PROV, serialised as PROV-JSON
 * (https://www.w3.org/Submission/prov-json/), the form the `prov` Python package and ProvToolbox read and write.
 *
 * - Claims and sources are entities (`prov:type` `claims:Claim` or `claims:Source`); each name a source speaks for is
 *   an agent. Every source of the dataset is exported, plus an entity with `claims:missing` true for each id the
 *   exported evidence names without a file.
 * - A claim `hadPrimarySource` each of its distinct origins (a derivation with `prov:type` `prov:PrimarySource`, from
 *   the claim to the origin source, with the origin's class toward the claim).
 * - Each relay is a plain `wasDerivedFrom`, the relaying source derived from what it relays: an evidence chain
 *   origin → via[0] → … → source gives `wasDerivedFrom(via[0], origin)`, …, `wasDerivedFrom(source, via[last])`
 *   (PROV's order: the generated entity first, then the used one). A source's `cites` adds the same relation. Each
 *   pair of sources appears once, however many chains pass through it.
 * - Each evidence item with a quote is a `wasQuotedFrom` (`prov:type` `prov:Quotation`) from the claim to the source
 *   the quote was read in, with the quote, locator and item position as attributes; an item without a quote is a
 *   derivation with `prov:type` `claims:Evidence` instead (nothing was quoted).
 * - A source `wasAttributedTo` the agent of each name in its `speaks_for`.
 *
 * Identifiers are qualified names in `urn:claims:` namespaces. Ids are slugs and stay as they are; any other character
 * of a local name (agents are named by free text) is written `_` and two hex digits per UTF-8 byte, so every name is a
 * valid PROV-N local name and the text is recoverable (the agent's `prov:label` keeps it as written).
 */
import type { Claim, Source } from '../model/schema.js';
import { ORIGIN_CLASSES, originId, type OriginClass } from '../provenance/index.js';
import { valueList, type ClaimView } from '../query/view.js';
import { compareText } from '../util/compare.js';
import type { ExportContext } from '../format/types.js';

/** The namespaces of the export's identifiers and terms: local URNs, not web addresses. */
export const PROV_PREFIXES = {
  claims: 'urn:claims:term:',
  claim: 'urn:claims:claim:',
  source: 'urn:claims:source:',
  agent: 'urn:claims:agent:',
} as const;

/** A PROV-JSON attribute value: a JSON scalar, a typed literal, or several values. */
type Value = string | number | boolean | { $: string; type: string };
type Attributes = Record<string, Value | Value[]>;

/** A local name safe in PROV-N and python-prov: letters, digits and inner hyphens kept; every other byte `_XX`. */
export function localName(text: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(text)) return text;
  let out = '';
  for (const byte of new TextEncoder().encode(text)) {
    const ch = String.fromCharCode(byte);
    const keep = /[A-Za-z0-9]/.test(ch) || (ch === '-' && out !== '');
    out += keep ? ch : `_${byte.toString(16).padStart(2, '0')}`;
  }
  return out === '' ? '_' : out;
}

const qname = (v: string): Value => ({ $: v, type: 'prov:QUALIFIED_NAME' });
const claimId = (id: string): string => `claim:${localName(id)}`;
const sourceId = (id: string): string => `source:${localName(id)}`;
const agentId = (name: string): string => `agent:${localName(name)}`;

/** Sets the attributes whose value is present (null, undefined and empty lists are left out). */
function put(attrs: Attributes, values: Record<string, Value | Value[] | null | undefined>): Attributes {
  for (const [k, v] of Object.entries(values)) {
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    attrs[k] = Array.isArray(v) && v.length === 1 ? v[0]! : v;
  }
  return attrs;
}

function claimAttributes(v: ClaimView, c: Claim): Attributes {
  const values = valueList(v);
  const attrs: Attributes = { 'prov:type': qname('claims:Claim'), 'prov:label': v.statement };
  put(attrs, {
    'claims:id': v.id, 'claims:file': v.file, 'claims:subject': v.subject, 'claims:parties': v.parties,
    'claims:category': v.category, 'claims:assertion': v.assertion,
    'claims:value': values.map((x) => x.text), 'claims:amount': values[0]?.amount, 'claims:currency': values[0]?.currency,
    'claims:as_of': v.as_of, 'claims:due': v.due, 'claims:outcome': v.outcome, 'claims:resolved_by': c.resolved_by,
    'claims:status': v.status, 'claims:status_reason': v.status_reason, 'claims:status_date': v.status_date,
    'claims:supersedes': c.supersedes, 'claims:superseded_by': v.superseded_by, 'claims:tags': v.tags,
    'claims:support': v.support, 'claims:grade': v.grade, 'claims:reliability': v.reliability,
    'claims:credibility': v.credibility, 'claims:overdue': v.overdue,
  });
  for (const cls of ORIGIN_CLASSES) attrs[`claims:origins_${cls}`] = v.origins[cls];
  return attrs;
}

function sourceAttributes(id: string, s: Source | undefined): Attributes {
  const attrs: Attributes = { 'prov:type': qname('claims:Source') };
  if (s === undefined) return put(attrs, { 'claims:id': id, 'claims:missing': true });
  return put(attrs, {
    'prov:label': s.title, 'claims:id': id, 'claims:publisher': s.publisher, 'claims:kind': s.kind,
    'claims:speaks_for': s.speaks_for, 'claims:url': s.url === undefined ? undefined : { $: s.url, type: 'xsd:anyURI' },
    'claims:published': s.published === undefined ? undefined : String(s.published),
    'claims:reliability': s.reliability ?? 'F', 'claims:reliability_note': s.reliability_note,
  });
}

/** The PROV-JSON document of the exported claims, their sources and the agents those sources speak for. */
export function provDocument(views: readonly ClaimView[], ctx: ExportContext): Record<string, unknown> {
  const entity: Record<string, Attributes> = {};
  const agent: Record<string, Attributes> = {};
  const derived: Record<string, Attributes> = {};
  const attributed: Record<string, Attributes> = {};
  let n = 0;
  const relation = (attrs: Attributes): void => {
    derived[`_:d${++n}`] = attrs;
  };
  const relays = new Set<string>();
  const relay = (generated: string, used: string): void => {
    if (generated === used) return;
    const key = JSON.stringify([generated, used]);
    if (relays.has(key)) return;
    relays.add(key);
    relation({ 'prov:generatedEntity': sourceId(generated), 'prov:usedEntity': sourceId(used) });
  };
  const named = new Set<string>();

  for (const v of views) {
    const c = ctx.index.claims.get(v.id)?.data;
    if (c === undefined) continue;
    entity[claimId(v.id)] = claimAttributes(v, c);
    const p = ctx.provenance.get(v.id);
    const classOf = new Map<string, OriginClass>();
    if (p !== undefined) for (const cls of ORIGIN_CLASSES) for (const id of p.byClass[cls]) classOf.set(id, cls);
    const origins: string[] = [];
    c.evidence.forEach((ev, i) => {
      const origin = originId(ev);
      if (!origins.includes(origin)) origins.push(origin);
      const chain = [origin, ...(ev.via ?? []), ev.source];
      for (let k = 1; k < chain.length; k++) relay(chain[k]!, chain[k - 1]!);
      for (const id of chain) named.add(id);
      const item = put({}, {
        'prov:generatedEntity': claimId(v.id), 'prov:usedEntity': sourceId(ev.source),
        'prov:type': qname(ev.quote === undefined ? 'claims:Evidence' : 'prov:Quotation'),
        'claims:position': i + 1, 'claims:quote': ev.quote,
        'claims:locator': ev.locator === undefined ? undefined : String(ev.locator),
        'claims:unattributed': ev.unattributed === true ? true : undefined,
      });
      relation(item);
    });
    for (const origin of origins) {
      relation(put({}, {
        'prov:generatedEntity': claimId(v.id), 'prov:usedEntity': sourceId(origin), 'prov:type': qname('prov:PrimarySource'),
        'claims:origin_class': classOf.get(origin),
      }));
    }
  }

  let a = 0;
  const sourceIds = [...new Set([...ctx.index.sources.keys(), ...named])].sort(compareText);
  for (const id of sourceIds) {
    const s = ctx.index.sources.get(id)?.data;
    entity[sourceId(id)] = sourceAttributes(id, s);
    for (const cited of s?.cites ?? []) {
      relay(id, cited);
      if (!ctx.index.sources.has(cited)) entity[sourceId(cited)] ??= sourceAttributes(cited, undefined);
    }
    for (const name of new Set(s?.speaks_for ?? [])) {
      agent[agentId(name)] ??= { 'prov:label': name };
      attributed[`_:a${++a}`] = { 'prov:entity': sourceId(id), 'prov:agent': agentId(name) };
    }
  }

  const doc: Record<string, unknown> = { prefix: { ...PROV_PREFIXES } };
  for (const [key, records] of [['entity', entity], ['agent', agent], ['wasDerivedFrom', derived], ['wasAttributedTo', attributed]] as const) {
    if (Object.keys(records).length > 0) doc[key] = records;
  }
  return doc;
}

/** `--format prov`: the PROV-JSON document, indented. */
export function provJson(views: ClaimView[], ctx: ExportContext): string {
  return `${JSON.stringify(provDocument(views, ctx), null, 2)}\n`;
}
