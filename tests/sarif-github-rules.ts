/**
 * GitHub code scanning's documented rules for an uploaded SARIF file, beyond the JSON Schema ("SARIF support for code
 * scanning", docs.github.com: required properties, no empty strings for them, limits), plus the SARIF Multitool's
 * SARIF1001 (a rule's `name` must differ from its `id`, ignoring case). Returns one line per problem; none means it passes.
 */
type Json = Record<string, unknown>;

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const obj = (v: unknown): Json => (v !== null && typeof v === 'object' ? (v as Json) : {});
const isLine = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 1;

export function githubSarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  const say = (where: string, what: string) => problems.push(`${where}: ${what}`);
  const root = obj(log);
  if (!isText(root.$schema)) say('sarifLog', '$schema is required');
  if (root.version !== '2.1.0') say('sarifLog', 'version must be 2.1.0');
  const runs = Array.isArray(root.runs) ? root.runs : [];
  if (!Array.isArray(root.runs)) say('sarifLog', 'runs[] is required');
  if (runs.length > 20) say('sarifLog', 'at most 20 runs per file');
  runs.forEach((runValue, r) => {
    const run = obj(runValue);
    const driver = obj(obj(run.tool).driver);
    if (!isText(driver.name)) say(`runs[${r}].tool.driver`, 'name is required');
    const rules = Array.isArray(driver.rules) ? (driver.rules as unknown[]).map(obj) : undefined;
    if (!rules) say(`runs[${r}].tool.driver`, 'rules[] is required');
    if ((rules?.length ?? 0) > 25_000) say(`runs[${r}]`, 'at most 25,000 rules per run');
    const ids = new Set<string>();
    rules?.forEach((rule, i) => {
      const at = `runs[${r}].rules[${i}]`;
      if (!isText(rule.id)) say(at, 'id is required');
      else if (ids.has(rule.id)) say(at, `id ${rule.id} is not unique`);
      else ids.add(rule.id);
      if (rule.name !== undefined) {
        if (!isText(rule.name) || rule.name.length > 255) say(at, 'name must be 1 to 255 characters');
        else if (isText(rule.id) && rule.name.toLowerCase() === rule.id.toLowerCase()) say(at, 'name must differ from id (SARIF1001)');
      }
      for (const key of ['shortDescription', 'fullDescription'] as const) {
        const text = obj(rule[key]).text;
        if (!isText(text)) say(at, `${key}.text is required`);
        else if (text.length > 1024) say(at, `${key}.text is limited to 1024 characters`);
      }
      if (!isText(obj(rule.help).text)) say(at, 'help.text is required');
      const level = obj(rule.defaultConfiguration).level;
      if (level !== undefined && !['note', 'warning', 'error'].includes(level as string)) say(at, 'defaultConfiguration.level must be note, warning or error');
      const tags = obj(rule.properties).tags;
      if (Array.isArray(tags) && tags.length > 20) say(at, 'at most 20 tags per rule');
      if (rule.helpUri !== undefined && (!isText(rule.helpUri) || !/^[a-z][a-z0-9+.-]*:/i.test(rule.helpUri))) say(at, 'helpUri must be an absolute URI');
    });
    if (!Array.isArray(run.results)) say(`runs[${r}]`, 'results[] is required');
    const results = Array.isArray(run.results) ? (run.results as unknown[]).map(obj) : [];
    if (results.length > 25_000) say(`runs[${r}]`, 'at most 25,000 results per run');
    results.forEach((result, i) => {
      const at = `runs[${r}].results[${i}]`;
      if (result.ruleId !== undefined && !ids.has(result.ruleId as string)) say(at, `ruleId ${String(result.ruleId)} names no rule`);
      if (result.ruleIndex !== undefined && rules?.[result.ruleIndex as number]?.id !== result.ruleId) say(at, 'ruleIndex points at another rule');
      if (!isText(obj(result.message).text)) say(at, 'message.text is required');
      const locations = Array.isArray(result.locations) ? (result.locations as unknown[]).map(obj) : [];
      if (locations.length < 1 || locations.length > 10) say(at, 'locations[] needs 1 to 10 entries');
      locations.forEach((location, j) => {
        const physical = obj(location.physicalLocation);
        const uri = obj(physical.artifactLocation).uri;
        const region = obj(physical.region);
        const where = `${at}.locations[${j}]`;
        if (!isText(uri)) say(where, 'artifactLocation.uri is required');
        else {
          if (/^[a-z][a-z0-9+.-]*:/i.test(uri) || uri.startsWith('/')) say(where, `uri ${uri} should be relative to the repository root`);
          if (/[#?\s]|%(?![0-9A-F]{2})/i.test(uri) || /[^\x21-\x7e]/.test(uri)) say(where, `uri ${uri} is not a percent-encoded URI reference`);
        }
        for (const key of ['startLine', 'startColumn', 'endLine', 'endColumn']) if (!isLine(region[key])) say(where, `region.${key} is required`);
      });
      const prints = obj(result.partialFingerprints);
      if (Object.keys(prints).length === 0 || !Object.values(prints).every(isText)) say(at, 'partialFingerprints is required');
    });
  });
  return problems;
}
