/** The reported claims' evidence chains, as plain data for the HTML report's provenance trees. */
import type { Category, Status } from '../model/schema.js';
import type { Support } from '../provenance/index.js';
import { evidenceChains, verdict, type EvidenceExplained } from '../query/explain.js';
import { valueList, type ClaimView, type QueryContext } from '../query/view.js';

/** One reported claim's provenance: its declared status against derived support, its grade, verdict and evidence chains. */
export interface ClaimProvenance {
  id: string;
  subject: string;
  category: Category;
  statement: string;
  /** The value as written, equivalent forms joined with ` = `, or null. */
  value: string | null;
  status: Status;
  support: Support;
  grade: string;
  verdict: string;
  evidence: EvidenceExplained[];
}

/** The provenance of each of `views` that names a claim of the context, in the order given; linear in the claims. */
export function claimProvenance(ctx: QueryContext, views: readonly ClaimView[]): ClaimProvenance[] {
  return views.flatMap((v) => {
    const claim = ctx.index.claims.get(v.id)?.data;
    const provenance = ctx.provenance.get(v.id);
    const grade = ctx.grades.get(v.id);
    if (!claim || !provenance || !grade) return [];
    const values = valueList(v);
    return [{
      id: v.id, subject: v.subject, category: v.category, statement: v.statement,
      value: values.length === 0 ? null : values.map((x) => x.text).join(' = '),
      status: v.status, support: v.support, grade: grade.grade, verdict: verdict(claim, provenance), evidence: evidenceChains(ctx, claim),
    }];
  });
}
