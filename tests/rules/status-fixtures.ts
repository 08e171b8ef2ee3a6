/** Fixtures shared by the two status rules' tests: sources of each origin class and a claim built from evidence specs. */
import { source } from '../helpers.js';

export const statusSources = {
  'sources/acme-post.yaml': source('acme-post', 'speaks_for: [Acme]\n'),
  'sources/initech-pr.yaml': source('initech-pr', 'speaks_for: [Initech]\n'),
  'sources/tip.yaml': 'type: source\nid: tip\ntitle: A person familiar with the matter\npublisher: The Information\nkind: anonymous\n',
  'sources/reuters.yaml': source('reuters'),
  'sources/news-1.yaml': source('news-1'),
  'sources/news-2.yaml': source('news-2'),
  'sources/news-3.yaml': source('news-3'),
};

/** A claim (status on line 6) with one evidence item per entry: `source` or `source<origin`. */
export const claimOf = (status: string, evidence: string[], extra = '', subject = 'Acme'): string => {
  const items = evidence.map((e) => {
    const [src, origin] = e.split('<');
    return `  - source: ${src}\n${origin ? `    origin: ${origin}\n` : ''}    quote: q\n`;
  });
  return `type: claim\nid: arr-1\nsubject: ${subject}\ncategory: arr\nstatement: A statement.\nstatus: ${status}\n${extra}evidence:\n${items.join('')}`;
};

/** The status sources and one claim at `acme/arr-1.yaml`. */
export const withClaim = (text: string): Record<string, string> => ({ ...statusSources, 'acme/arr-1.yaml': text });

/** A case of the status rules: the status sources and the claim `claimOf(status, evidence, extra, subject)`. */
export const statusCase = (name: string, status: string, evidence: string[], extra = '', subject = 'Acme') => ({
  name, files: withClaim(claimOf(status, evidence, extra, subject)),
});
