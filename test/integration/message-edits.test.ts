import { handleMessageJob } from '../../src/flows/handle-message';
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

  describe('an edit re-reads an item the policy filed', () => {
    const FYI = 'fyi the new logo files are in the shared drive';
    const changed = async (id: string, what: string, done: (item: NonNullable<Awaited<ReturnType<typeof s.app.deps.items.get>>>) => boolean) =>
      eventually(async () => {
        const item = await s.app.deps.items.get(TEAM, id);
        return item && done(item) && item;
      }, what);

    test('edited into something urgent, its priority follows', async () => {
      const { ts } = await s.driver.sendMessage('bob', '#ops', FYI);
      const item = await filed(ts);
      expect(item.priority).toBe('drop');
      await s.driver.editMessage('bob', '#ops', ts, `${FYI}, please check they open before the pitch at 2pm today, it is urgent`);
      const after = await changed(item.id, 'the edit applied', (i) => i.text !== item.text);
      expect(after.priority).toBe('delegate');
      expect(after.area).toBe('daily_operations');
    });

    test('edited into an RFC, it becomes deep work and is posted to the hub', async () => {
      const { ts } = await s.driver.sendMessage('cat', '#ops', FYI);
      const item = await filed(ts);
      expect(item.area).toBe('daily_operations');
      await s.driver.editMessage('cat', '#ops', ts, 'RFC: proposal to move billing to event sourcing. Context, options and a recommendation are in the doc; please comment by Friday, decision next week');
      const after = await changed(item.id, 'the item posted to the hub', (i) => i.hub !== undefined);
      expect(after.area).toBe('deep_work');
      expect(after.priority).toBe('schedule');
      expect(after.hub?.channel).toBe('C0HUB');
      expect(s.driver.messagesIn('C0HUB').some((m) => m.ts === after.hub?.ts)).toBe(true);
    });

    test('a priority a person set (an escalation) survives the edit', async () => {
      const { ts } = await s.driver.sendMessage('ada', '#ops', FYI);
      const item = await filed(ts);
      await s.app.deps.items.update(TEAM, item.id, { priority: 'do' });
      await s.driver.editMessage('ada', '#ops', ts, `${FYI} (the svg ones too)`);
      const after = await changed(item.id, 'the edit applied', (i) => i.text !== item.text);
      expect(after.priority).toBe('do');
    });
  });

  // Intake runs eight jobs at once and retries reorder them, so a change can be handled before its message.
  describe('handled before the message itself', () => {
    const text = 'fyi the staging deploy finished, release notes are in the wiki';
    const message = (ts: string) => ({ type: 'message', channel: 'C0OPS', user: 'U0BOB', text, ts });
    const run = (eventId: string, event: Record<string, unknown>) => handleMessageJob(s.app.deps, { team: TEAM, eventId, event });

    test('an edit: the message is filed with its edited text', async () => {
      const ts = '1764000000.000200';
      const edited = 'fyi the staging deploy finished, release notes are in the wiki under 4.2';
      expect(await run('Ev0EDIT1', { type: 'message', subtype: 'message_changed', channel: 'C0OPS', message: { ...message(ts), text: edited } })).toBe('edit of an unfiled message');
      await run('Ev0ORIG1', message(ts));
      expect((await s.app.deps.items.findBySource(TEAM, 'C0OPS', ts))?.text).toBe(edited);
    });

    test('a deletion: the message is not filed at all', async () => {
      const ts = '1764000000.000300';
      expect(await run('Ev0DEL2', { type: 'message', subtype: 'message_deleted', channel: 'C0OPS', deleted_ts: ts })).toBe('delete of an unfiled message');
      expect(await run('Ev0ORIG2', message(ts))).toBe('deleted before it was handled');
      expect(await s.app.deps.items.findBySource(TEAM, 'C0OPS', ts)).toBeUndefined();
    });
  });
});
