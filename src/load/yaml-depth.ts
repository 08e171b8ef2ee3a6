/** How deeply a YAML text nests, measured without recursion, so a hostile file is refused before a recursive parse. */
import { Parser } from 'yaml';

interface CstNode {
  type: string;
  offset?: number;
  value?: CstNode;
  items?: Array<{ key?: CstNode | null; value?: CstNode | null }>;
}

/**
 * The offset of the first collection nested more than `limit` levels deep, or undefined when none is. Uses the
 * concrete syntax tree (built with an explicit stack, never recursing), so 100,000 levels cost only linear time.
 */
export function tooDeepAt(text: string, limit: number): number | undefined {
  const stack: Array<[CstNode, number]> = [];
  for (const token of new Parser().parse(text)) stack.push([token as CstNode, 0]);
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node.items) {
      if (depth + 1 > limit) return node.offset ?? 0;
      for (const item of node.items) {
        if (item.key) stack.push([item.key, depth + 1]);
        if (item.value) stack.push([item.value, depth + 1]);
      }
    } else if (node.value) {
      stack.push([node.value, depth]);
    }
  }
  return undefined;
}

/** 1-based line and column of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
