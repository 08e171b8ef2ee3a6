/** The `claims report` output formats by name: adding one is a new file and one line here (and its name in names.ts). */
import type { ReportFormat } from './names.js';
import { html } from './report-html.js';
import { markdown } from './report-markdown.js';
import { text } from './report-text.js';
import type { ReportFormatter } from './types.js';

const json: ReportFormatter = (r) => JSON.stringify(r, null, 2) + '\n';

export const reportFormatters: Record<ReportFormat, ReportFormatter> = { text, markdown, json, html };
