// Type-checks every Adaptive Card JSON file in a folder against the Teams card types (@microsoft/teams.cards)
// with the TypeScript compiler in strict mode. Each card is wrapped as a typed .ts literal (importing JSON would
// widen literal types and reject valid cards). Usage: node typecheck-cards.mjs <folder>
// Prints the compiler's diagnostics and exits 1 when any card fails, 2 on bad usage.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts, typeCheckLiterals } from './typecheck-literals.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const cardsTypes = join(here, 'node_modules', '@microsoft', 'teams.cards', 'dist', 'index.d.ts');

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node typecheck-cards.mjs <folder-with-card-json-files>');
  process.exit(2);
}

const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
const work = mkdtempSync(join(tmpdir(), 'flywheel-cardtypes-'));
try {
  const sources = files.map((file, i) => {
    const json = readFileSync(join(folder, file), 'utf8');
    const path = join(work, `card${i}.ts`);
    writeFileSync(path, `// ${file}\nimport type { IAdaptiveCard } from '@microsoft/teams.cards';\nexport const card: IAdaptiveCard = ${json.trim()};\n`);
    return { file, path };
  });

  const problems = typeCheckLiterals(sources, '@microsoft/teams.cards', cardsTypes, work);

  console.log(`typescript ${ts.version} + @microsoft/teams.cards: ${files.length} card(s), ${problems} problem(s)`);
  process.exitCode = problems > 0 ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
