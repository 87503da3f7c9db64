// Shared by typecheck-cards.mjs and typecheck-slack-blocks.mjs: compiles generated .ts literal files (each wraps one
// JSON payload with its declared type) in strict mode against one package's type definitions, prints every
// diagnostic as "<source json file>:<line>: <message>", and returns how many there were.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const ts = require('typescript');

/**
 * @param {{file: string, path: string}[]} sources the generated .ts files and the JSON file each came from
 * @param {string} moduleName the package the literals import their types from
 * @param {string} typesPath that package's index.d.ts
 * @param {string} work the folder holding the generated files
 */
export function typeCheckLiterals(sources, moduleName, typesPath, work) {
  const program = ts.createProgram(sources.map((s) => s.path), {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    baseUrl: work,
    paths: { [moduleName]: [typesPath] },
    types: [],
    skipLibCheck: true,
  });
  const byPath = new Map(sources.map((s) => [s.path, s.file]));
  const diagnostics = ts.getPreEmitDiagnostics(program);
  for (const d of diagnostics) {
    const where = d.file ? byPath.get(d.file.fileName) ?? d.file.fileName : '(global)';
    const line = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line + 1 : 0;
    console.log(`${where}:${line}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
  }
  return diagnostics.length;
}
