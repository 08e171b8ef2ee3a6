/** The loader's problems as the `yaml-syntax` and `schema` rules report them. */
import type { FileProblem, SchemaProblemId, SyntaxProblemId } from '../load/problems.js';
import type { RuleContext } from './types.js';

/** Reports every loader problem of one kind, at the range the loader found. */
export function reportProblems(ctx: RuleContext<SyntaxProblemId>, kind: 'syntax'): void;
export function reportProblems(ctx: RuleContext<SchemaProblemId>, kind: 'schema'): void;
export function reportProblems(ctx: RuleContext, kind: FileProblem['kind']): void {
  for (const f of ctx.dataset.files) {
    for (const p of f.problems) {
      if (p.kind === kind) ctx.report({ file: f.file, path: p.path, range: p.range, messageId: p.messageId, data: p.data });
    }
  }
}
