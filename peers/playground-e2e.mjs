// Drives the Microsoft 365 Agents Playground web UI (headless Debian Chromium through playwright-core) against a running
// FlywheelBot and checks what a Teams user would see: the welcome on install (once), the advisor's answer to
// "what should we do next", the interview answered through the cards (Action.Execute replaces the question card in
// place; typed answers work too) up to the recommendation, "Why this?" (Action.Submit posts a new message and leaves the
// card), a tour quiz answered on its card, and an @mention in the group chat. Saves screenshots of both conversations.
// Usage: node playground-e2e.mjs <playground-url> <artifacts-folder> [chromium-path]
// Prints one line per step; exits 0 when every check passes, 1 with "FAILED: <step>: <reason>" otherwise, 2 on bad usage.
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [url, out, executablePath = '/usr/bin/chromium'] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node playground-e2e.mjs <playground-url> <artifacts-folder> [chromium-path]');
  process.exit(2);
}

const WAIT = 15_000;
const welcomeTitle = "Hi, I'm FlywheelBot";
const audiencePrompt = 'Who does your marketing speak to?';
const awarenessPrompt = 'How well does your market know you?';
const visitorsPrompt = 'How many people visit your website in a month?';
const voicePrompt = 'share of voice';
const doingPrompt = 'what are you doing now?';

mkdirSync(out, { recursive: true });
const profile = mkdtempSync(join(tmpdir(), 'flywheel-chromium-'));
let browser;
let page;
let current = 'start';

const step = async (name, action) => {
  current = name;
  const started = Date.now();
  await action();
  console.log(`ok   ${name} (${Date.now() - started} ms)`);
};

const fail = (message) => {
  throw new Error(message);
};

// Waits until `text` is visible somewhere in the open conversation; fails naming what was expected.
const see = async (text, what = text) => {
  try {
    await page.getByText(text, { exact: false }).first().waitFor({ state: 'visible', timeout: WAIT });
  } catch {
    fail(`expected to see ${JSON.stringify(what)} within ${WAIT / 1000} s`);
  }
};

const count = (text, exact = false) => page.getByText(text, { exact }).count();

const composer = () => page.locator('[data-lexical-editor=true]').first();

const type = async (text) => {
  await composer().click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
};

// Picks a choice of the newest question card and presses its "Next" (an Action.Execute).
const choose = async (label) => {
  const radio = page.getByRole('radio', { name: label, exact: true }).last();
  await radio.waitFor({ state: 'visible', timeout: WAIT }).catch(() => fail(`no choice ${JSON.stringify(label)} on the card`));
  await radio.check();
  await page.getByRole('button', { name: 'Next', exact: true }).last().click();
};

try {
  // A persistent context on a fresh profile folder is how playwright passes Chromium its --user-data-dir.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1400, height: 1000 },
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  page = browser.pages()[0] ?? (await browser.newPage());

  await step('open the Playground (personal chat installs the bot)', async () => {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await see(welcomeTitle, 'the welcome card');
  });

  await step('the welcome card appears exactly once', async () => {
    // installationUpdate and conversationUpdate both announce the install; give a second welcome time to arrive.
    await page.waitForTimeout(2500);
    const welcomes = await count(welcomeTitle, true);
    if (welcomes !== 1) fail(`the welcome card appeared ${welcomes} times`);
    if ((await page.getByRole('button', { name: 'Start', exact: true }).count()) < 1) fail('the welcome card has no "Start" button');
  });

  await step('"what should we do next" gets the advisor\'s answer', async () => {
    await type('what should we do next');
    await see("I don't have a profile for this chat yet", 'the advisor saying there is no profile yet');
    await see(audiencePrompt, 'the first interview question');
  });

  await step('a choice answered with Next (Action.Execute) replaces the question card in place', async () => {
    await choose('Senior decision-makers');
    await see('Answered: Senior decision-makers', 'the answered card');
    if ((await page.getByRole('radio', { name: 'Senior decision-makers', exact: true }).count()) !== 0) {
      fail('the audience question card is still there next to the answered card (not replaced in place)');
    }
    await see(awarenessPrompt, 'the next question');
  });

  await step('the second choice question is answered the same way', async () => {
    await choose('Emerging: some recognition');
    await see('Answered: Emerging: some recognition', 'the answered card');
    await see(visitorsPrompt, 'the first metric question');
  });

  await step('a metric answered by typing "about 2k"', async () => {
    await type('about 2k');
    await see(voicePrompt, 'the share-of-voice question');
  });

  await step('a metric answered in the card\'s number input', async () => {
    const input = page.getByRole('spinbutton').last();
    await input.waitFor({ state: 'visible', timeout: WAIT }).catch(() => fail('no number input on the question card'));
    await input.fill('1');
    await page.getByRole('button', { name: 'Next', exact: true }).last().click();
    await see('Answered: 1', 'the answered card for share of voice');
    await see(doingPrompt, 'the question what the team does now');
  });

  await step('what the team does now: several ticked on the multi-select card, answered in place', async () => {
    for (const label of ['PR', 'Qualify leads so sales works the right ones']) {
      const box = page.getByRole('checkbox', { name: label, exact: true }).last();
      await box.waitFor({ state: 'visible', timeout: WAIT }).catch(() => fail(`no checkbox ${JSON.stringify(label)} on the card`));
      await box.check();
    }
    await page.getByRole('button', { name: 'Next', exact: true }).last().click();
    await see('Answered: PR, Qualify leads so sales works the right ones', 'the answered card listing what the team does, in the card\'s order');
  });

  let title = '';
  await step('the recommendation card shows the one activity, first step and metric to watch', async () => {
    await see('Your next move', 'the recommendation card');
    await see('Bottleneck: Awareness', 'the bottleneck line');
    await see('First step this week', 'the first step');
    await see('Watch', 'the metric to watch');
    await see('Website visitors per month', 'the metric to watch (website visitors)');
    // The heading right under "Your next move" is the one activity to do next.
    const lines = (await page.locator('body').innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
    const at = lines.lastIndexOf('Your next move');
    title = at >= 0 ? lines[at + 1] ?? '' : '';
    if (!title || title.startsWith('Bottleneck')) fail('the recommendation card has no activity title under "Your next move"');
    console.log(`     do this next: ${title}`);
  });

  await step('"Why this?" (Action.Submit) posts the stage walk and leaves the recommendation card', async () => {
    await page.getByRole('button', { name: 'Why this?', exact: true }).last().click();
    await see('How your flywheel looks', 'the stage walk card');
    if ((await count('First step this week')) < 1) fail('the recommendation card disappeared after "Why this?"');
  });

  await step('a tour quiz answered on the card (Action.Execute) replaces the stage card, feedback follows', async () => {
    await type('learn');
    await see('Flywheel tour: stage 1 of 5', 'the first tour card');
    const answeredBefore = await count('Answered:');
    const radios = page.getByRole('radio');
    const choices = await radios.count();
    if (choices < 2) fail('the tour card has no quiz choices');
    await radios.last().check();
    await page.getByRole('button', { name: 'Check my answer', exact: true }).last().click();
    await page.waitForFunction(
      (before) => (document.body.innerText.match(/Answered:/g) ?? []).length > before,
      answeredBefore,
      { timeout: WAIT },
    ).catch(() => fail('the tour card was not replaced by the answered quiz'));
    if ((await page.getByRole('radio').count()) !== 0) fail('the quiz choices are still on screen (card not replaced in place)');
    await page.getByText(/^(Right\.|Not quite\.)$/).first().waitFor({ state: 'visible', timeout: WAIT })
      .catch(() => fail('no quiz feedback ("Right." or "Not quite.")'));
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(out, 'personal-chat.png'), fullPage: true });
  });

  await step('the group chat installs the bot and welcomes once', async () => {
    await page.getByText('Group Chat', { exact: true }).first().click();
    await see(welcomeTitle, 'the welcome card in the group chat');
    await see('@FlywheelBot what should we do next', 'the team-chat line of the welcome');
  });

  await step('an @mention with "what should we do next" gets an answer in the group chat', async () => {
    await composer().click();
    await page.keyboard.type('@');
    const bot = page.getByRole('menuitem', { name: 'Test Bot' }).first();
    await bot.waitFor({ state: 'visible', timeout: WAIT }).catch(() => fail('the @mention popup did not offer "Test Bot"'));
    await bot.click();
    await page.keyboard.type(' what should we do next');
    await page.keyboard.press('Enter');
    await see("I don't have a profile for this chat yet", 'the advisor answering the group chat');
    await see(audiencePrompt, 'the first question in the group chat');
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(out, 'group-chat.png'), fullPage: true });
  });

  console.log('PASSED: every Playground check');
} catch (error) {
  console.log(`FAILED: ${current}: ${error.message}`);
  if (page) {
    await page.screenshot({ path: join(out, 'failure.png'), fullPage: true }).catch(() => {});
    const text = await page.locator('body').innerText().catch(() => '');
    writeFileSync(join(out, 'failure.txt'), text);
    console.log(`     page text and screenshot: ${join(out, 'failure.txt')}, ${join(out, 'failure.png')}`);
  }
  process.exitCode = 1;
} finally {
  await browser?.close().catch(() => {});
  rmSync(profile, { recursive: true, force: true });
}
