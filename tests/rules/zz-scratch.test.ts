import { it } from 'vitest';
import { parseFile } from '../../src/load/parse.js';
it('p', () => {
  for (const t of ['type: claim\nid: arr-1\nsubject: Acme: Inc\nstatus: x\n', 'type: claim\nid: arr-1\n  subject: Acme\nstatus: x\n', 'type: claim\nstatement: "oops" trailing\nstatus: x\n', 'type: claim\nid: arr-1\nevidence:\n  - source: a\n   quote: b\nstatus: x\n', 'type: claim\ntags: [a, b\nstatus: x\n', 'type: claim\nid: arr-1\ntags:\n\t- a\n', 'type: claim\nid: arr-1\nsubject: Acme\nid: arr-2\n', '---\ntype: claim\n---\ntype: source\n', 'type: claim\nid: x\n---\n', 'type: claim\nid: x\n...\n','type: claim\nid: x\nstatement: !foo bar\n', 'type: claim\nid: x\nstatement: !!binary aGVsbG8=\n', 'type: claim\nid: x\nstatement: !!str hi\n']) {
    const r = parseFile(t);
    console.log(JSON.stringify(t), r.problems.map((p) => `${p.range.line}:${p.range.column}-${p.range.endLine}:${p.range.endColumn} ${p.kind}/${p.messageId} ${p.message}`));
  }
});
