import { App, ignoreSelf, LogLevel, type Receiver } from '@slack/bolt';
import { isOwnEvent, routeListeners, type Route } from '../../../src/slack/router';

const BOT = { botId: 'B0QUADRANT', botUserId: 'U0QUADRANT' };

describe('isOwnEvent (Bolt ignoreSelf, done in the router)', () => {
  const cases: Array<[label: string, event: { type: string; user?: string; subtype?: string; bot_id?: string }, own: boolean]> = [
    ["the app's own bot_message", { type: 'message', subtype: 'bot_message', bot_id: 'B0QUADRANT' }, true],
    ["another app's bot_message", { type: 'message', subtype: 'bot_message', bot_id: 'B0OTHER' }, false],
    ['a message posted as the bot user', { type: 'message', user: 'U0QUADRANT' }, true],
    ['a person’s message', { type: 'message', user: 'U0BOB' }, false],
    ['a reaction the bot added', { type: 'reaction_added', user: 'U0QUADRANT' }, true],
    ['a reaction a person added', { type: 'reaction_added', user: 'U0BOB' }, false],
    ['the bot joining a channel (kept, as Bolt keeps it)', { type: 'member_joined_channel', user: 'U0QUADRANT' }, false],
    ['the bot leaving a channel (kept)', { type: 'member_left_channel', user: 'U0QUADRANT' }, false],
    ['an event without a user', { type: 'app_uninstalled' }, false],
  ];
  test.each(cases)('%s', (_label, event, own) => {
    expect(isOwnEvent(event, BOT)).toBe(own);
  });

  test.each(cases)("%s: as Bolt's own ignoreSelf decides", async (_label, event) => {
    let passed = false;
    // Bolt sets `message` only on message events, as processEvent does.
    const args = { context: BOT, event, ...(event.type === 'message' ? { message: event } : {}), body: { event }, payload: event, next: async () => void (passed = true) };
    await ignoreSelf(args as unknown as Parameters<typeof ignoreSelf>[0]);
    expect(isOwnEvent(event, BOT)).toBe(!passed);
  });

  test('without a bot user id only bot_message can be told apart', () => {
    expect(isOwnEvent({ type: 'reaction_added', user: 'U0QUADRANT' }, { botId: 'B0QUADRANT' })).toBe(false);
  });
});

describe('routeListeners in a real Bolt app with ignoreSelf off', () => {
  const receiver: Receiver = { init: () => undefined, start: async () => undefined, stop: async () => undefined };
  const app = new App({ receiver, token: 'xoxb-test', ...BOT, tokenVerificationEnabled: false, convoStore: false, ignoreSelf: false, logLevel: LogLevel.ERROR });
  const reactions: string[] = [];
  const none: Route[] = [];
  routeListeners(app, {
    commands: none,
    unknownCommand: async () => undefined,
    events: [['reaction_added', async ({ event }: { event: { user: string } }) => void reactions.push(event.user)]],
    actions: none,
    shortcuts: none,
    views: none,
  });
  const reaction = (user: string) =>
    app.processEvent({
      body: { type: 'event_callback', team_id: 'T0SANDBOX', event: { type: 'reaction_added', user, reaction: 'inbox_tray', item: { type: 'message', channel: 'C0GENERAL', ts: '1.000001' } } },
      ack: async () => undefined,
    });

  test("a person's reaction reaches its handler and the bot's own does not", async () => {
    await reaction('U0QUADRANT');
    await reaction('U0BOB');
    expect(reactions).toEqual(['U0BOB']);
  });
});
