import type { Delivery } from '../../sandbox/transport';
import { viewSubmissionPayload, blockActionsPayload } from '../../sandbox/payloads';
import { buildViewState, type FieldValue } from '../../sandbox/view-state';
import type { SlackView } from '../../sandbox/views';
import type { Json, StoredMessage } from '../../sandbox/model';
import { startAdminApp, type AdminApp, commandAnswer } from '../helpers/admin-app';

// Bob is a plain member, Ada a Slack admin (users.info is_admin), Cat a Quadrant admin listed in the settings file.
const TEAM = 'T0SANDBOX';
const FILE = 'admins: [U0CAT]\n';
const REFUSAL = /Only workspace admins and owners or one of the Quadrant admins \(<@U0CAT>\) can change Quadrant's settings/;

describe('permissions on the admin surface', () => {
  let t: AdminApp;

  beforeAll(async () => {
    t = await startAdminApp({ settingsYaml: FILE });
  });
  afterAll(() => t.stop());

  const command = (user: string, channel: string, text: string) => commandAnswer(t.driver, user, channel, text);

  async function nextDm(user: string, run: () => Promise<unknown>): Promise<StoredMessage> {
    const before = t.driver.dmsTo(user).length;
    await run();
    return t.driver.waitFor(() => t.driver.dmsTo(user)[before], { what: `a DM to ${user}` });
  }

  /** A view_submission for `view` sent as `user`, whether or not Slack would have shown them the view. */
  function submitAs(user: string, view: SlackView, values: Record<string, FieldValue>, changes: Partial<SlackView> = {}): Promise<Delivery> {
    const userId = t.driver.userId(user);
    const state = buildViewState(view, values);
    const forged = { ...structuredClone(view), ...changes, state: { values: state.values } } as SlackView;
    const payload = viewSubmissionPayload(t.driver.ws, { user: userId, view: forged, triggerId: t.driver.ws.issueTrigger(userId) });
    return t.driver.send({ kind: 'interaction', body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' });
  }

  /** A button click as `user` on a view they were never shown. */
  function clickAs(user: string, view: SlackView, action: Json): Promise<Delivery> {
    const userId = t.driver.userId(user);
    const payload = blockActionsPayload(t.driver.ws, { user: userId, source: { kind: 'view', view }, action: { type: 'button', action_ts: '1700000000.000100', ...action }, triggerId: t.driver.ws.issueTrigger(userId) });
    return t.driver.send({ kind: 'interaction', body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), contentType: 'application/x-www-form-urlencoded' });
  }

  const stored = () => t.web.deps.settings.getInput(TEAM);
  const history = () => t.web.deps.settings.history(TEAM, 100);

  describe('commands', () => {
    // Every subcommand that changes, pages, posts, erases or reveals full numbers.
    // The refusal names what was refused: seeing full numbers or sending a test page is not changing settings.
    const adminOnly: Array<[label: string, text: string, channel: string, can: string]> = [
      ['setup', 'setup', '#general', "change Quadrant's settings."],
      ['channels set, in the channel', 'channels set daily_operations', '#ops', "change Quadrant's settings."],
      ['oncall edit', 'oncall edit', '#general', "change Quadrant's settings."],
      ['oncall test', 'oncall test', '#general', 'send test pages to the on-call.'],
      ['digest now', 'digest now', '#ops', 'post a digest ahead of its schedule.'],
      ['import', 'import', '#general', "change Quadrant's settings."],
      ['erase', 'erase <@U0ADA|ada>', '#general', "erase someone's data from Quadrant."],
      ['export full, even in a DM', 'export full', '@bob', "see Quadrant's settings with full phone numbers. `/quadrant export` shows you the same settings with the numbers masked."],
    ];
    test.each(adminOnly)('%s: a member gets a private refusal naming who can, and nothing changes', async (_label, text, channel, can) => {
      const reply = await command('bob', channel, text);
      expect(reply.text).toBe(`Only workspace admins and owners or one of the Quadrant admins (<@U0CAT>) can ${can} Ask one of them to do it, or to add you to \`admins\` with \`/quadrant setup\` or \`/quadrant import\`.`);
      expect(reply.via).toBe('response_url');
      expect(t.driver.openModal('bob')).toBeUndefined();
      expect(await stored()).toBeUndefined();
      expect(await history()).toEqual([]);
    });

    test('a member may look: config shows the settings without edit buttons', async () => {
      const reply = await command('bob', '#general', 'config');
      expect(reply.text).toBe('Quadrant settings');
      expect(JSON.stringify(reply.blocks)).toContain('<@U0CAT>');
      expect(reply.blocks?.some((b) => b.type === 'actions')).toBe(false);
    });

    test('a Slack admin assigns the channel the command is typed in', async () => {
      const reply = await command('ada', '#ops', 'channels set daily_operations 10:30 mon-fri');
      expect(reply.text).toMatch(/^<#C0OPS> is now: Daily operations · digest at 10:30, Mon–Fri \(UTC\) \(change #1;/);
      expect((await t.web.deps.settings.get(TEAM)).channels.C0OPS).toEqual({ area: 'daily_operations', digest: { at: '10:30', days: ['mon', 'tue', 'wed', 'thu', 'fri'], post_empty: false }, hub: false });
    });

    test('a Quadrant admin from the settings may too, and the file’s admins carry over', async () => {
      const reply = await command('cat', '#hub', 'channels set hub');
      expect(reply.text).toMatch(/^<#C0HUB> is now: Deep work · the hub/);
      const [latest] = await history();
      expect(latest).toMatchObject({ by: 'U0CAT', kind: 'channel', changed: ['channels.C0HUB'] });
      expect((await stored())?.admins).toEqual(['U0CAT']);
    });

    test('Slack is asked about a person once while the answer is cached', async () => {
      await command('ada', '#general', 'history');
      await command('ada', '#general', 'oncall');
      const asked = t.slack.callsTo('users.info').filter((c) => c.args.user === 'U0ADA');
      expect(asked).toHaveLength(1);
      // Cat is a listed admin: Slack is never asked about her for that.
      expect(t.slack.callsTo('users.info').filter((c) => c.args.user === 'U0CAT')).toHaveLength(0);
    });
  });

  describe('buttons', () => {
    let adaHome: SlackView;

    beforeAll(async () => {
      await t.driver.openHome('ada');
      adaHome = await t.driver.waitFor(() => t.driver.home('ada'), { what: "ada's App Home" });
    });

    test('an admin’s Home has buttons into the settings modals, and they open for her', async () => {
      await t.driver.clickButton('ada', { viewId: adaHome.id }, 'quadrant_open_oncall');
      const modal = await t.driver.waitFor(() => t.driver.openModal('ada'), { what: 'the on-call modal' });
      expect(modal.callback_id).toBe('quadrant_settings');
      await t.driver.closeView('ada', modal.id);
    });

    test('a member’s Home has no settings and no buttons', async () => {
      await t.driver.openHome('bob');
      const home = await t.driver.waitFor(() => t.driver.home('bob'), { what: "bob's App Home" });
      expect(JSON.stringify(home.blocks)).not.toContain('quadrant_open_');
    });

    test('a forged Setup click from a member opens nothing and tells them who can', async () => {
      const dm = await nextDm('bob', () => clickAs('bob', adaHome, { action_id: 'quadrant_open_setup', block_id: 'x' }));
      expect(dm.text).toMatch(REFUSAL);
      expect(t.driver.openModal('bob')).toBeUndefined();
    });

    test('a forged Roll back from a member changes nothing', async () => {
      const before = await stored();
      const changes = (await history()).length;
      const dm = await nextDm('bob', () => clickAs('bob', adaHome, { action_id: 'quadrant_rollback_1', block_id: 'x', value: '1' }));
      expect(dm.text).toMatch(REFUSAL);
      expect(await stored()).toEqual(before);
      expect(await history()).toHaveLength(changes);
    });

    test('Roll back from an admin restores the settings before that change', async () => {
      const before = (await history()).length;
      const dm = await nextDm('ada', () => clickAs('ada', adaHome, { action_id: 'quadrant_rollback_2', block_id: 'x', value: '2' }));
      expect(dm.text).toMatch(/^Rolled back to the settings before #2 \(change #\d+\): `channels\.C0HUB`/);
      expect((await t.web.deps.settings.get(TEAM)).channels.C0HUB).toBeUndefined();
      expect(await history()).toHaveLength(before + 1);
    });
  });

  describe('view submissions', () => {
    async function adaOpens(text: string): Promise<SlackView> {
      await t.driver.command('ada', '#general', '/quadrant', text);
      const view = await t.driver.waitFor(() => t.driver.openModal('ada'), { what: `the modal of /quadrant ${text}` });
      return view;
    }

    test('a member submitting the setup form saves nothing, even with a whole draft forged into it', async () => {
      const view = await adaOpens('setup');
      const before = await stored();
      const changes = (await history()).length;
      const draft = { basics: { timezone: 'UTC', admins: ['U0BOB'], emergencyChannel: 'C0GENERAL', offlineLeadTime: '1h' }, oncall: { tiers: [['U0BOB']], providers: ['slack_dm'], ackTimeout: '10s' } };
      const delivery = await submitAs('bob', view, {}, { private_metadata: JSON.stringify({ step: 'phones', mode: 'wizard', draft }), blocks: [] });
      expect(delivery.json).toMatchObject({ response_action: 'update', view: { title: { text: 'Not allowed' } } });
      expect(await stored()).toEqual(before);
      expect(await history()).toHaveLength(changes);
      await t.driver.closeView('ada', view.id);
    });

    test('a member submitting the import form imports nothing', async () => {
      const view = await adaOpens('import');
      const before = await stored();
      const delivery = await submitAs('bob', view, { yaml: 'admins: [U0BOB]\n' });
      expect(delivery.json).toMatchObject({ response_action: 'update', view: { title: { text: 'Not allowed' } } });
      expect(await stored()).toEqual(before);
      await t.driver.closeView('ada', view.id);
    });

    test('a member forging the import confirmation, YAML and all, imports nothing', async () => {
      const view = await adaOpens('import');
      const before = await stored();
      const changes = (await history()).length;
      const metadata = JSON.stringify({ step: 'confirm', base: 'anything', carry: { yaml: 'admins: [U0BOB]\n' } });
      const delivery = await submitAs('bob', view, {}, { private_metadata: metadata, blocks: [] });
      expect(delivery.json).toMatchObject({ response_action: 'update', view: { title: { text: 'Not allowed' } } });
      expect(await stored()).toEqual(before);
      expect(await history()).toHaveLength(changes);
      await t.driver.closeView('ada', view.id);
    });

    test('a member submitting the channel form assigns nothing', async () => {
      await t.driver.openHome('ada');
      const home = await t.driver.waitFor(() => t.driver.home('ada'));
      await t.driver.clickButton('ada', { viewId: home.id }, 'quadrant_open_channel');
      const view = await t.driver.waitFor(() => t.driver.openModal('ada'), { what: 'the channel modal' });
      const before = await stored();
      const delivery = await submitAs('bob', view, { channel: 'C0GENERAL', role: 'emergency' });
      expect(delivery.json).toMatchObject({ response_action: 'update', view: { title: { text: 'Not allowed' } } });
      expect(await stored()).toEqual(before);
      await t.driver.closeView('ada', view.id);
    });
  });

  test('every request was acked in time, and every Web API call was one Slack accepts', () => {
    expect(t.driver.warnings.map((w) => w.detail)).toEqual([]);
    expect(t.slack.violations).toEqual([]);
    expect(t.slack.calls.filter((c) => (c.response as { ok?: boolean }).ok === false).map((c) => `${c.method}: ${JSON.stringify(c.response)}`)).toEqual([]);
  });
});
