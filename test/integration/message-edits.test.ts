import { messageChangedEvent } from '../../sandbox/payloads';
import { eventually } from '../helpers/eventually';
import { startTestSandbox, type TestSandbox } from '../helpers/sandbox';

// Edits and deletions of a message Quadrant filed reach its item, in the shapes Slack really sends them.
describe('a filed message that is later changed', () => {
  let s: TestSandbox;
  beforeAll(async () => {
    s = await startTestSandbox();
  });
  afterAll(async () => {
    await s.close();
  });

  const TEAM = 'T0SANDBOX';
  const filed = async (ts: string) => eventually(() => s.app.deps.items.findBySource(TEAM, 'C0OPS', ts), 'the message filed');

  test('deleted while it has thread replies (Slack leaves a tombstone and sends message_changed), its item is dropped', async () => {
    const { driver } = s;
    const { ts } = await driver.sendMessage('bob', '#ops', 'fyi the staging deploy finished, release notes are in the wiki');
    const item = await filed(ts);
    await driver.sendMessage('cat', '#ops', 'thanks!', { threadTs: ts });
    const channel = s.slack.workspace.mustChannel('C0OPS');
    const previous = s.slack.workspace.remove('C0OPS', ts);
    const tombstone = s.slack.workspace.findMessage('C0OPS', ts)!;
    expect(tombstone.subtype).toBe('tombstone');
    await driver.deliverEvent(messageChangedEvent(tombstone, previous, channel, s.slack.workspace.nextTs()), 'message.channels', channel);

    const after = await eventually(async () => {
      const now = await s.app.deps.items.get(TEAM, item.id);
      return now && (now.status !== 'open' || now.text !== item.text) && now;
    }, 'the item changed');
    expect(after.status).toBe('dropped');
    expect(after.text).toBe(item.text);
  });
});
