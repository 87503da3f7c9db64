// Drives a Slack Web API (the project's fake) with the official @slack/web-api WebClient and prints what the client
// made of each answer, as one JSON object. Usage: node slack-webclient.mjs <slackApiUrl> <botToken>
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { WebClient, ErrorCode, LogLevel } = require('@slack/web-api');

const [apiUrl, token] = process.argv.slice(2);
if (!apiUrl || !token) {
  console.error('usage: node slack-webclient.mjs <slackApiUrl> <botToken>');
  process.exit(2);
}

const quiet = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel() { return LogLevel.ERROR; }, setName() {} };
const client = new WebClient(token, { slackApiUrl: apiUrl, logger: quiet, retryConfig: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 10 } });
const out = {};

async function step(name, call) {
  try {
    out[name] = { ok: true, response: await call() };
  } catch (e) {
    out[name] = { ok: false, code: e.code, error: e.data?.error ?? e.message };
  }
}

const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: '*Hi* <&>' } }];
await step('auth', () => client.auth.test());
await step('post', () => client.chat.postMessage({ channel: 'C0CHANNEL', text: 'hello', blocks, thread_ts: '1.000001' }));
await step('update', () => client.chat.update({ channel: 'C0CHANNEL', ts: out.post.response?.ts ?? '1.1', text: 'updated', blocks }));
await step('ephemeral', () => client.chat.postEphemeral({ channel: 'C0CHANNEL', user: 'U0ADA', text: 'only you' }));
await step('viewsOpen', () => client.views.open({ trigger_id: '123.456.abc', view: { type: 'modal', title: { type: 'plain_text', text: 'Numbers' }, blocks: [] } }));
await step('viewsPublish', () => client.views.publish({ user_id: 'U0ADA', view: { type: 'home', blocks } }));
await step('usersInfo', () => client.users.info({ user: 'U0ADA' }));
await step('open', () => client.conversations.open({ users: 'U0ADA' }));
await step('notInChannel', () => client.chat.postMessage({ channel: 'C0GONE', text: 'x' }));
await step('throttled', () => client.chat.postMessage({ channel: 'C0BUSY', text: 'after the wait' }));
await step('badToken', () => new WebClient('xoxb-wrong', { slackApiUrl: apiUrl, logger: quiet }).auth.test());
out.errorCodes = { platform: ErrorCode.PlatformError };
console.log(JSON.stringify(out));
