// Type-checks Block Kit JSON against Slack's own definitions (@slack/types) with the TypeScript compiler in strict
// mode. Files named *.message.json hold { "text", "blocks" } (checked as KnownBlock[]); *.view.json hold a modal or
// home view (checked as View). Each is wrapped as a typed .ts literal (importing JSON would widen literal types).
// Usage: node typecheck-slack-blocks.mjs <folder>. Exits 1 when any file fails, 2 on bad usage.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ts, typeCheckLiterals } from './typecheck-literals.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const slackTypes = join(here, 'node_modules', '@slack', 'types', 'dist', 'index.d.ts');

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node typecheck-slack-blocks.mjs <folder>');
  process.exit(2);
}

const files = readdirSync(folder).filter((f) => f.endsWith('.message.json') || f.endsWith('.view.json')).sort();
const work = mkdtempSync(join(tmpdir(), 'flywheel-slacktypes-'));
try {
  const sources = files.map((file, i) => {
    const doc = JSON.parse(readFileSync(join(folder, file), 'utf8'));
    const path = join(work, `payload${i}.ts`);
    const body = file.endsWith('.view.json')
      ? `import type { View } from '@slack/types';\nexport const view: View = ${JSON.stringify(doc, null, 2)};\n`
      : `import type { KnownBlock } from '@slack/types';\nexport const text: string = ${JSON.stringify(doc.text)};\nexport const blocks: KnownBlock[] = ${JSON.stringify(doc.blocks, null, 2)};\n`;
    writeFileSync(path, `// ${file}\n${body}`);
    return { file, path };
  });

  const problems = typeCheckLiterals(sources, '@slack/types', slackTypes, work);

  console.log(`typescript ${ts.version} + @slack/types: ${files.length} payload(s), ${problems} problem(s)`);
  process.exitCode = problems > 0 ? 1 : 0;
} finally {
  rmSync(work, { recursive: true, force: true });
}
