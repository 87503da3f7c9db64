// Connects the official @slack/socket-mode SocketModeClient to a Socket Mode server (the project's fake, through its
// fake apps.connections.open), acknowledges every envelope (a slash command with a response payload), and exits after
// <count> envelopes, printing one JSON line per envelope and a final summary line.
// Usage: node slack-socket-mode.mjs <slackApiUrl> <appToken> <count>
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { SocketModeClient, LogLevel } = require('@slack/socket-mode');

const [apiUrl, appToken, countText] = process.argv.slice(2);
if (!apiUrl || !appToken || !countText) {
  console.error('usage: node slack-socket-mode.mjs <slackApiUrl> <appToken> <count>');
  process.exit(2);
}

const count = Number(countText);
const quiet = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel() { return LogLevel.ERROR; }, setName() {} };
const client = new SocketModeClient({ appToken, logger: quiet, clientOptions: { slackApiUrl: apiUrl } });
let seen = 0;
let connects = 0;
client.on('connected', () => { connects += 1; });
client.on('slack_event', async ({ ack, type, body, accepts_response_payload }) => {
  if (type === 'slash_commands' && accepts_response_payload) {
    await ack({ response_type: 'ephemeral', text: `pong: ${body.text}` });
  } else {
    await ack();
  }
  seen += 1;
  console.log(JSON.stringify({ type, eventType: body?.event?.type ?? null, command: body?.command ?? null }));
  if (seen >= count) {
    setTimeout(async () => {
      console.log(JSON.stringify({ done: true, connects }));
      await client.disconnect();
      process.exit(0);
    }, 100);
  }
});
setTimeout(() => { console.log(JSON.stringify({ timeout: true, seen, connects })); process.exit(1); }, 60000);
await client.start();
