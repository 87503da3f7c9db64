// The bench's reference bot: the same interview as the bench's script, written the way the Bot Framework SDK
// (botbuilder@4.23.3, botbuilder-dialogs@4.23.3) teaches it: CloudAdapter, a waterfall of text prompts with
// validators, ConversationState on MemoryStorage (in memory: nothing durable, so it sets a high bar), one reply per
// turn carrying a small Adaptive Card, and the recommendation card on the last answer.
// The bench starts it and drives it with the same load generator, turns and reply checks as FlywheelBot.
// Usage: node botbuilder-reference-bot.mjs   (prints "listening http://127.0.0.1:<port>" once ready)
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, ActivityHandler, CardFactory, MessageFactory,
} = require('botbuilder');
const { DialogSet, DialogTurnStatus, WaterfallDialog, TextPrompt } = require('botbuilder-dialogs');

// Authentication off (no app id), as the bench runs FlywheelBot.
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
  console.error(error);
  await context.sendActivity('Sorry, something went wrong.');
};

const storage = new MemoryStorage();
const conversationState = new ConversationState(storage);
const dialogState = conversationState.createProperty('dialogState');

const audiences = { sdm: 'Senior decision-makers', smb: 'Small businesses' };
const awareness = ['emerging', 'growing', 'mature'];
const metrics = [
  ['visitors', 'Monthly website visitors?'],
  ['shareOfVoice', 'Share of voice in your category (%)?'],
  ['inbound', 'Inbound conversations a month?'],
  ['leads', 'New leads a month?'],
  ['leadToCustomer', 'Lead to customer conversion (%)?'],
  ['activation', 'Activation rate (%)?'],
  ['churn', 'Monthly churn (%)?'],
  ['nps', 'Net Promoter Score?'],
  ['referrals', 'Referral leads a month?'],
];

function questionCard(question, choices) {
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: [
      { type: 'TextBlock', text: question, wrap: true, weight: 'Bolder' },
      choices
        ? { type: 'Input.ChoiceSet', id: 'answer', style: 'expanded', choices: choices.map((c) => ({ title: c, value: c })) }
        : { type: 'Input.Text', id: 'answer', placeholder: 'Type a number' },
    ],
    actions: [{ type: 'Action.Submit', title: 'Answer' }, { type: 'Action.Submit', title: 'Skip', data: { answer: 'skip' } }],
  });
}

function ask(question, choices) {
  const prompt = MessageFactory.attachment(questionCard(question, choices), question);
  prompt.summary = question;
  return { prompt, retryPrompt: MessageFactory.text(`Sorry, I did not get that. ${question}`) };
}

const number = (text) => Number.parseFloat(String(text ?? '').replace('%', '').replace(/,/g, ''));

const dialogs = new DialogSet(dialogState);
dialogs.add(new TextPrompt('audience', async (p) => p.recognized.succeeded && p.recognized.value.trim().toLowerCase() in audiences));
dialogs.add(new TextPrompt('awareness', async (p) => p.recognized.succeeded && awareness.includes(p.recognized.value.trim().toLowerCase())));
dialogs.add(new TextPrompt('metric', async (p) => p.recognized.succeeded && Number.isFinite(number(p.recognized.value))));
dialogs.add(new TextPrompt('doing', async (p) => p.recognized.succeeded && p.recognized.value.trim().length > 0));

const steps = [
  async (step) => {
    step.values.answers = {};
    return step.prompt('audience', ask('Who do you sell to?', Object.keys(audiences)));
  },
  async (step) => {
    step.values.audience = step.result.trim().toLowerCase();
    return step.prompt('awareness', ask('How aware is your market of this kind of product?', awareness));
  },
  async (step) => {
    step.values.awareness = step.result.trim().toLowerCase();
    return step.prompt('metric', ask(metrics[0][1]));
  },
  ...metrics.map(([name], i) => async (step) => {
    step.values.answers[name] = number(step.result);
    return i + 1 < metrics.length
      ? step.prompt('metric', ask(metrics[i + 1][1]))
      : step.prompt('doing', ask('What are you doing now? (several, or "not sure")'));
  }),
  async (step) => {
    const a = step.values.answers;
    // Visitor to lead is worked out from the two counts, as FlywheelBot's interview does; then what the team does now.
    a.visitorToLead = a.visitors > 0 ? (a.leads / a.visitors) * 100 : 0;
    a.doing = step.result.trim();
    // A small stand-in for advice: the weakest of three rates decides the next move.
    const rates = [['attract', a.visitorToLead / 4], ['convert', a.leadToCustomer / 20], ['delight', (100 - a.churn * 10) / 70]];
    const weakest = rates.reduce((x, y) => (y[1] < x[1] ? y : x));
    const card = CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      version: '1.5',
      body: [
        { type: 'TextBlock', text: 'Your next move', weight: 'Bolder', size: 'Large' },
        { type: 'TextBlock', text: `Work on ${weakest[0]} for ${audiences[step.values.audience]} in a ${step.values.awareness} market.`, wrap: true },
        { type: 'FactSet', facts: Object.entries(a).map(([k, v]) => ({ title: k, value: String(v) })) },
      ],
      actions: [{ type: 'Action.Submit', title: 'Why this?', data: { command: 'why' } }],
    });
    const reply = MessageFactory.attachment(card, 'Your next move');
    reply.summary = 'Your next move';
    await step.context.sendActivity(reply);
    return step.endDialog();
  },
];
dialogs.add(new WaterfallDialog('interview', steps));

class ReferenceBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) {
        await dc.beginDialog('interview');
      }
      await next();
    });
  }

  async run(context) {
    await super.run(context);
    await conversationState.saveChanges(context, false);
  }
}

const bot = new ReferenceBot();

// Node's http server with the two calls CloudAdapter needs from express/restify (a parsed body, status/send/end).
const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', async () => {
    try {
      req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    let status = 200;
    const shim = {
      socket: res.socket,
      status: (code) => { status = code; },
      header: (name, value) => res.setHeader(name, value),
      send: (body) => {
        const text = typeof body === 'string' ? body : JSON.stringify(body);
        res.statusCode = status;
        res.setHeader('Content-Type', typeof body === 'string' ? 'text/plain' : 'application/json');
        res.setHeader('Content-Length', Buffer.byteLength(text));
        res.write(text);
      },
      end: () => {
        res.statusCode = status;
        res.end();
      },
    };
    if (req.url === '/bench/bare') {
      shim.end();
      return;
    }
    await adapter.process(req, shim, (context) => bot.run(context));
  });
});

server.listen(0, '127.0.0.1', () => {
  console.log(`listening http://127.0.0.1:${server.address().port}`);
});
