// Validates every Adaptive Card JSON file in a folder with the reference Adaptive Cards JS SDK (adaptivecards@3.0.6).
// Usage: node validate-cards.mjs <folder>
// Prints one line per problem ("file: phase/event: message") and exits 1 when any card has a problem, 2 on bad usage.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
// The package's ESM entry does not load under Node; the bundled UMD build does, without a DOM.
const AC = require('adaptivecards/dist/adaptivecards.js');

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node validate-cards.mjs <folder-with-card-json-files>');
  process.exit(2);
}

const files = readdirSync(folder).filter((f) => f.endsWith('.json')).sort();
const name = (enumType, value) => enumType[value] ?? String(value);
let problems = 0;

for (const file of files) {
  let json;
  try {
    json = JSON.parse(readFileSync(join(folder, file), 'utf8'));
  } catch (e) {
    console.log(`${file}: not JSON: ${e.message}`);
    problems++;
    continue;
  }

  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const events = [];
  for (let i = 0; i < context.eventCount; i++) {
    events.push(context.getEventAt(i));
  }
  events.push(...card.validateProperties().validationEvents);
  for (const e of events) {
    console.log(`${file}: ${name(AC.ValidationPhase, e.phase)}/${name(AC.ValidationEvent, e.event)}: ${e.message}`);
    problems++;
  }
}

console.log(`adaptivecards ${AC.GlobalSettings ? '3.x' : ''}: ${files.length} card(s), ${problems} problem(s)`);
process.exit(problems > 0 ? 1 : 0);
