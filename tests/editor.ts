/** yaml-language-server (the engine of VS Code's YAML extension), run in process, as an editor would check a file. */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from 'yaml-language-server';

const languageService = getLanguageService({
  schemaRequestService: async (uri: string) => readFileSync(fileURLToPath(uri), 'utf8'),
  workspaceContext: { resolveRelativePath: (rel: string, res: string) => new URL(rel, res).toString() },
});
languageService.configure({ validate: true, yamlVersion: '1.2', customTags: [] });
let version = 0;

/** What the editor reports for `text` as if it were at `file` (so its `$schema` modeline resolves from there), as `line: message`. */
export async function editorDiagnostics(file: string, text: string): Promise<string[]> {
  const doc = TextDocument.create(pathToFileURL(file).toString(), 'yaml', ++version, text);
  return (await languageService.doValidation(doc, false)).map((d) => `${d.range.start.line + 1}: ${d.message}`);
}
