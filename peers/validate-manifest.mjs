// Validates a Teams app manifest against the official schema bundled in @microsoft/app-manifest (no network).
// Usage: node validate-manifest.mjs path/to/manifest.json  -> prints "ok" or one error per line, exit 1 on errors.
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);
const { AppManifestUtils } = require("@microsoft/app-manifest");

const file = process.argv[2];
const manifest = JSON.parse(readFileSync(file, "utf8"));
const match = /teams\/(v[0-9.]+)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema ?? "");
if (!match) {
  console.log(`$schema is not a Teams manifest schema URL: ${manifest.$schema}`);
  process.exit(1);
}
const pkg = path.dirname(require.resolve("@microsoft/app-manifest/package.json"));
const schemaFile = path.join(pkg, "build", "json-schemas", "teams", match[1], "MicrosoftTeams.schema.json");
if (!existsSync(schemaFile)) {
  console.log(`schema ${match[1]} is not bundled with @microsoft/app-manifest (would need the network)`);
  process.exit(1);
}
const schema = JSON.parse(readFileSync(schemaFile, "utf8").replace(/\\a/g, "\\u0007").replace(/\\v/g, "\\u000b"));
const errors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
const problems = [...errors];
for (const bot of manifest.bots ?? []) {
  for (const list of bot.commandLists ?? []) {
    if (list.commands.length > 10) problems.push(`a command list has ${list.commands.length} commands (max 10)`);
    for (const c of list.commands) {
      if (c.title.length > 32) problems.push(`command title over 32 chars: ${c.title}`);
      if (c.description.length > 128) problems.push(`command description over 128 chars: ${c.title}`);
    }
  }
}
if (problems.length) {
  for (const p of problems) console.log(p);
  process.exit(1);
}
console.log("ok");
