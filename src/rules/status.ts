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
  if (p.support === 'company-reported') {
    const weaker = [...p.byClass.anonymous, ...p.byClass.unattributed];
    return weaker.length === 0
      ? `every origin traces to ${claim.subject} itself (${list(p.byClass.self)})`
      : `its strongest origins are ${claim.subject}'s own word (${list(p.byClass.self)}); the others (${list(weaker)}) are anonymous or unattributed`;
  }
  const anonymous = p.byClass.anonymous.length > 0;
  const unattributed = p.byClass.unattributed.length > 0;
  if (anonymous && unattributed) return `every origin is anonymous (${list(p.byClass.anonymous)}) or unattributed (${list(p.byClass.unattributed)})`;
  if (anonymous) return `every origin is anonymous (${list(p.byClass.anonymous)})`;
  if (unattributed) return `every origin is unattributed: ${list(p.byClass.unattributed)} ${p.byClass.unattributed.length === 1 ? 'states' : 'state'} ${claim.value === undefined ? 'the statement' : 'the figure'} without saying where it comes from`;
  return 'no origin could be resolved';
}
