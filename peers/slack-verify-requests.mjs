// Asks Slack's Bolt (verifySlackRequest) whether each signed request is authentic.
// Usage: node slack-verify-requests.mjs <cases.json>, where the file holds
// [{ "secret", "timestamp", "signature", "body", "nowMs" }, ...]. Prints a JSON array of booleans, one per case.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { verifySlackRequest } = require('@slack/bolt');

const file = process.argv[2];
if (!file) {
  console.error('usage: node slack-verify-requests.mjs <cases.json>');
  process.exit(2);
}

const verdicts = JSON.parse(readFileSync(file, 'utf8')).map((c) => {
  try {
    verifySlackRequest({
      signingSecret: c.secret,
      body: c.body,
      headers: { 'x-slack-signature': c.signature, 'x-slack-request-timestamp': Number(c.timestamp) },
      nowMilliseconds: c.nowMs,
    });
    return true;
  } catch {
    return false;
  }
});
console.log(JSON.stringify(verdicts));
