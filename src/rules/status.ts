/** Shared wording for the two status rules: why the evidence supports what it supports. */
import type { Claim } from '../model/schema.js';
import type { Provenance } from '../provenance/index.js';

const list = (ids: string[]): string => ids.map((id) => `"${id}"`).join(', ');

/** One plain-language reason for a claim's derived support. */
export function supportReason(claim: Claim, p: Provenance): string {
  if (p.support === 'independent') {
    const ids = [...p.byClass.independent, ...p.byClass.party];
    return `${list(ids)} ${ids.length === 1 ? 'is' : 'are'} independent of ${claim.subject}`;
  }
  if (p.support === 'company-reported') return `every origin traces to ${claim.subject} itself (${list(p.byClass.self)})`;
  return p.byClass.anonymous.length > 0 ? `every origin is anonymous (${list(p.byClass.anonymous)})` : 'no origin could be resolved';
}
