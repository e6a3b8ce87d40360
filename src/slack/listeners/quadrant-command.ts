import type { AllMiddlewareArgs, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { MASK_DOTS } from '../../core/mask';
import { latestOncallTest } from '../../flows/emergency/oncall-test';
import { emergencyWorkerStatus } from '../../queue/heartbeat';
import { oncallTestMessage } from '../blocks/oncall-test-blocks';
import { maybeIntroduce } from '../../flows/intro';
import type { WebClient } from '@slack/web-api';
import { errorCode } from '../../core/errors';
import { needsAdmin, parseQuadrantCommand, type QuadrantCommand } from '../../core/quadrant-command';
import { resolveDigestChannel } from '../../core/routing';
import type { Deps } from '../../deps';
import { assignChannel } from '../../flows/admin/assign-channel';
import { checkBotMembership } from '../../flows/admin/check-channels';
import { eraseUser } from '../../flows/admin/erase-user';
import { exportForImport, importPrefill } from '../../flows/admin/export-settings';
import { checkAdmin, isAdmin } from '../../flows/admin/is-admin';
import { postDigestNow } from '../../flows/digest/post-digest-now';
import { dmChannel } from '../../flows/evaluation/upload-file';
import { escapePlain } from '../escape';
import { replyFor } from '../replies';
import { channelsMessage, configMessage, digestMessage, oncallMessage, type SettingsView } from '../blocks/quadrant-config';
import { historyMessage } from '../blocks/quadrant-history';
import { QUADRANT_HELP } from '../blocks/quadrant-help';
import { IMPORT_MAX_CHARS, importModal } from '../blocks/quadrant-import-modal';
import { settingsModal } from '../blocks/quadrant-settings-modal';
import { channelProblemText, describeChannel, issueLines, notAdminText, type AdminAction } from '../blocks/quadrant-words';

type Args = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
type Reply = { text: string; blocks?: unknown[] };

/** What a subcommand handler gets: the command's facts and a way to answer the person privately. */
export interface QuadrantContext {
  deps: Deps;
  team: string;
  user: string;
  channel: string;
  triggerId: string;
  client: WebClient;
  reply(message: Reply): Promise<void>;
}

/**
 * Subcommands implemented elsewhere plug in here (register.ts passes them): `oncall test` runs
 * flows/emergency/oncall-test.ts, `report` a later report flow. The admin check has already passed for
 * `oncallTest`; `report` is open to everyone.
 */
export interface QuadrantCommandHooks {
  oncallTest?: (ctx: QuadrantContext) => Promise<void>;
  report?: (ctx: QuadrantContext, period: 'week' | 'month' | 'csv') => Promise<void>;
}

const USAGE: Record<Extract<QuadrantCommand, { kind: 'usage' }>['sub'], string> = {
  channels_set: 'Try `/quadrant channels set <role>` in the channel to assign, with a role of `daily_operations [10:30] [mon-fri]`, `deep_work`, `hub`, `online_meeting`, `offline_activity`, `emergency` or `none`.',
  erase: 'Whose data? Try `/quadrant erase @person`.',
  report: 'Try `/quadrant report week`, `/quadrant report month` or `/quadrant report csv`.',
  digest: 'Try `/quadrant digest` (when digests post) or `/quadrant digest now` (post this channel’s digest now).',
  oncall: 'Try `/quadrant oncall`, `/quadrant oncall edit` or `/quadrant oncall test`.',
  export: 'Try `/quadrant export` (phone numbers masked), or `/quadrant export full` (admins: I DM you the full numbers).',
};

const ROLES = '`daily_operations`, `deep_work`, `online_meeting`, `offline_activity` or `emergency`; or `hub` (the deep-work hub) or `none` (no role)';

/** The usage hint, led by what was wrong with which word, so the person sees what to fix. */
function usageText(parsed: Extract<QuadrantCommand, { kind: 'usage' }>): string {
  if (!parsed.got) return USAGE[parsed.sub];
  const got = quoted(parsed.got);
  switch (parsed.problem) {
    case 'not_role':
      return `${got} is not an area. Areas: ${ROLES}. Try \`/quadrant channels set daily_operations\` in the channel to assign.`;
    case 'not_time':
      return `${got} is not a time (use HH:MM, e.g. 09:00). Try \`/quadrant channels set daily_operations 09:00 mon-fri\`.`;
    case 'takes_no_options': {
      const role = parsed.role ? quoted(parsed.role) : 'That role';
      return `${role} takes nothing after it (${got}): only \`daily_operations\` has a digest time and days. Try \`/quadrant channels set ${escapePlain((parsed.role ?? '<role>').replace(/`/g, "'"))}\`.`;
    }
    default:
      return `I couldn't read ${got}. ${USAGE[parsed.sub]}`;
  }
}

/** Backticks would end the code span early and show the rest as formatting. */
function quoted(word: string): string {
  return `\`${escapePlain(word.replace(/`/g, "'"))}\``;
}

/**
 * `/quadrant`: acks at once, then answers through the response_url (ephemeral) or opens a modal with the
 * trigger id, which Slack honours for 3 seconds. Admin-only subcommands are refused politely; the flows
 * behind them check again, so no path skips the check.
 */
export function quadrantCommand(deps: Deps, hooks: QuadrantCommandHooks = {}) {
  return async ({ command, ack, respond, client, logger }: Args) => {
    await ack();
    deps.metrics.requests.inc({ kind: 'command_quadrant' });
    void maybeIntroduce(deps, { team: command.team_id, user: command.user_id, channel: command.channel_id, via: 'command' });
    const parsed = parseQuadrantCommand(command.text);
    const ctx: QuadrantContext = {
      deps,
      team: command.team_id,
      user: command.user_id,
      channel: command.channel_id,
      triggerId: command.trigger_id,
      client,
      reply: async (message) => void (await respond({ response_type: 'ephemeral', ...message } as RespondArguments)),
    };
    try {
      if (needsAdmin(parsed)) {
        const allowed = await checkAdmin(deps, ctx.team, ctx.user);
        if (!allowed.ok) return await ctx.reply({ text: notAdminText(allowed.admins, refusedAction(parsed)) });
      }
      await run(ctx, parsed, hooks);
    } catch (err) {
      logger.error('quadrant command failed', err);
      deps.metrics.errors.inc({ code: errorCode(err) ?? 'unexpected' });
      await ctx.reply({ text: replyFor(errorCode(err)) }).catch(() => undefined);
    }
  };
}

async function run(ctx: QuadrantContext, parsed: QuadrantCommand, hooks: QuadrantCommandHooks): Promise<void> {
  const { deps, team } = ctx;
  switch (parsed.kind) {
    case 'help':
      return ctx.reply({ text: QUADRANT_HELP });
    case 'unknown':
      return ctx.reply({ text: `I don't know \`/quadrant ${escapePlain(parsed.word)}\`.\n\n${QUADRANT_HELP}` });
    case 'usage':
      return ctx.reply({ text: usageText(parsed) });
    case 'setup':
    case 'oncall_edit':
    case 'import':
      return openModal(ctx, parsed.kind);
    case 'config':
      return ctx.reply(configMessage(await settingsView(ctx)));
    case 'channels':
      return ctx.reply(channelsMessage(await settingsView(ctx)));
    case 'oncall': {
      const [message, worker, lastTest] = await Promise.all([settingsView(ctx).then(oncallMessage), emergencyWorkerStatus(deps), latestOncallTest(deps, team)]);
      // A web-only deployment pages once but never escalates: say so where people look at the on-call set-up.
      const warning = worker.alive ? '' : `\n:warning: ${worker.detail}`;
      await ctx.reply({ ...message, text: `${message.text}${warning}`, ...(message.blocks && warning ? { blocks: [...message.blocks, { type: 'section', text: { type: 'mrkdwn', text: warning.trim() } }] } : {}) });
      if (lastTest) await ctx.reply(oncallTestMessage(lastTest));
      return;
    }
    case 'digest':
      return ctx.reply(digestMessage(await deps.settings.get(team), deps.now()));
    case 'history': {
      const view = await settingsView(ctx);
      return ctx.reply(historyMessage(await deps.settings.history(team, 10), view));
    }
    case 'channels_set':
      return setChannel(ctx, parsed.role);
    case 'oncall_test':
      if (hooks.oncallTest) return hooks.oncallTest(ctx);
      return ctx.reply({ text: 'Test pages are not available in this version yet.' });
    case 'report':
      if (hooks.report) return hooks.report(ctx, parsed.period);
      return ctx.reply({ text: 'Reports are not available in this version yet: `/quadrant digest` and `/async list` show what is queued now.' });
    case 'digest_now':
      return digestNow(ctx);
    case 'export':
      return exportReply(ctx, parsed.full);
    case 'erase': {
      const outcome = await eraseUser(deps, { team, by: ctx.user, user: parsed.user });
      if (!outcome.ok) return ctx.reply({ text: outcome.reason === 'not_admin' ? notAdminText(outcome.admins, 'erase') : replyFor(undefined) });
      const { items, emergencies, corrections, inSettings } = outcome.value;
      const still = inSettings ? ` <@${parsed.user}> is still named in the settings (on-call or admins); \`/quadrant setup\` changes that.` : '';
      const learned = corrections > 0 ? ` Also ${corrections} classifier correction${corrections === 1 ? '' : 's'} they made or that quoted them.` : '';
      return ctx.reply({ text: `Erased what Quadrant stored of <@${parsed.user}>: ${items} item${items === 1 ? '' : 's'}, and the text of ${emergencies} emergenc${emergencies === 1 ? 'y' : 'ies'} they declared.${learned} Messages already posted in Slack stay until deleted there.${still}` });
    }
  }
}

/** What the person was refused, in the words of the refusal, so it fits what they asked for. */
function refusedAction(parsed: QuadrantCommand): AdminAction {
  switch (parsed.kind) {
    case 'export':
      return 'see_full';
    case 'oncall_test':
      return 'test_pages';
    case 'digest_now':
      return 'post_digest';
    case 'erase':
      return 'erase';
    default:
      return 'change';
  }
}

async function settingsView(ctx: QuadrantContext): Promise<SettingsView> {
  const { deps, team } = ctx;
  const [settings, admin, [lastChange]] = await Promise.all([deps.settings.get(team), isAdmin(deps, team, ctx.user), deps.settings.history(team, 1)]);
  return { settings, isAdmin: admin, authoritative: deps.settings.isAuthoritative(team), lastChange };
}

const AUTHORITATIVE_TEXT = 'These settings come from the `QUADRANT_CONFIG` file (`QUADRANT_CONFIG_AUTHORITATIVE` is set), so they can only be changed there. `/quadrant export` shows them.';

async function openModal(ctx: QuadrantContext, kind: 'setup' | 'oncall_edit' | 'import'): Promise<void> {
  const { deps, team } = ctx;
  if (deps.settings.isAuthoritative(team)) return ctx.reply({ text: AUTHORITATIVE_TEXT });
  const input = await deps.settings.getEditable(team);
  const view =
    kind === 'import'
      ? importModal(await importPrefill(deps, team, IMPORT_MAX_CHARS))
      : settingsModal({ step: kind === 'setup' ? 'basics' : 'oncall', mode: kind === 'setup' ? 'wizard' : 'single', origin: ctx.channel, draft: {} }, input);
  await ctx.client.views.open({ trigger_id: ctx.triggerId, view });
}

async function setChannel(ctx: QuadrantContext, role: Parameters<typeof assignChannel>[1]['role']): Promise<void> {
  const { deps, team, channel } = ctx;
  if (!/^[CG]/.test(channel)) return ctx.reply({ text: 'Run `/quadrant channels set <role>` in the channel you want to assign (not in a DM).' });
  const outcome = await assignChannel(deps, { team, by: ctx.user, channel, role });
  if (!outcome.ok) {
    if (outcome.reason === 'not_admin') return ctx.reply({ text: notAdminText(outcome.admins) });
    return ctx.reply({ text: `Nothing changed:\n${issueLines(outcome.issues).join('\n')}` });
  }
  const settings = outcome.value.settings;
  const assigned = settings.channels[channel];
  const what = assigned ? describeChannel(assigned, { isEmergencyChannel: settings.emergency.channel === channel, timezone: assigned.digest ? settings.timezone : undefined }) : 'no role: messages here are classified but not enforced';
  const [problem] = assigned ? await checkBotMembership(ctx.client, [channel]) : [];
  const invite = problem ? `\n:warning: ${channelProblemText(problem, 'or Quadrant cannot work here')}` : '';
  const change = outcome.value.change ? ` (change #${outcome.value.change.id}; \`/quadrant history\` can roll it back)` : ' (it already was)';
  return ctx.reply({ text: `<#${channel}> is now: ${what}${change}.${invite}` });
}

async function digestNow(ctx: QuadrantContext): Promise<void> {
  const { deps, team } = ctx;
  const settings = await deps.settings.get(team);
  const channel = settings.channels[ctx.channel]?.digest ? ctx.channel : resolveDigestChannel(settings, undefined);
  if (!channel) return ctx.reply({ text: 'No channel has a digest yet. Run `/quadrant channels set daily_operations` in one, or `/quadrant setup`.' });
  const outcome = await postDigestNow(deps, team, channel);
  if (outcome.ok) return ctx.reply({ text: `Posting the digest in <#${channel}> now (${outcome.items} new item${outcome.items === 1 ? '' : 's'}).` });
  if (outcome.reason === 'empty') return ctx.reply({ text: `Nothing new for <#${channel}>'s digest${outcome.carried ? ` (${outcome.carried} item${outcome.carried === 1 ? ' is' : 's are'} still open from earlier digests)` : ''}, so nothing was posted.` });
  return ctx.reply({ text: `<#${channel}> has no digest schedule. \`/quadrant channels set daily_operations\` there gives it one.` });
}

/**
 * The YAML in a code block, with how to use it. A masked number ("+1 •••• 0100") is no phone number, so a
 * masked export is good for importing back here (the import puts the stored numbers back) and nowhere else:
 * as a `QUADRANT_CONFIG` file it fails validation, and only `export full` makes one.
 */
function exportText(exported: { yaml: string; fits: boolean }): string {
  const masked = exported.yaml.includes(MASK_DOTS);
  const tooLong = `It is longer than \`/quadrant import\` takes (${IMPORT_MAX_CHARS} characters)`;
  const use = !masked
    ? exported.fits
      ? 'Import it with `/quadrant import`, or save it as the `QUADRANT_CONFIG` file.'
      : `${tooLong}: save it as the \`QUADRANT_CONFIG\` file instead.`
    : exported.fits
      ? 'Phone numbers are masked: import it back here with `/quadrant import` and the masked numbers keep the stored ones. It is not a valid `QUADRANT_CONFIG` file (masked numbers are not phone numbers); for that, an admin runs `/quadrant export full` and gets the full numbers by DM.'
      : `${tooLong}, and with masked phone numbers it is not a valid \`QUADRANT_CONFIG\` file: an admin can run \`/quadrant export full\` to get the full settings by DM and save them as that file.`;
  return `\`\`\`\n${escapePlain(exported.yaml)}\`\`\`\n${use}`;
}

async function exportReply(ctx: QuadrantContext, full: boolean): Promise<void> {
  const { deps, team } = ctx;
  if (!full) return ctx.reply({ text: exportText(await exportForImport(deps, team, { unmasked: false, maxChars: IMPORT_MAX_CHARS })) });
  // Full numbers go only to the bot's own DM with the admin, wherever they asked: a D… channel may be a DM
  // with a colleague, an ephemeral shows on whatever screen is shared there, and the Messages tab is
  // read-only, so nobody can type the command in the bot's DM any more.
  const exported = await exportForImport(deps, team, { unmasked: true, maxChars: IMPORT_MAX_CHARS });
  const dm = await dmChannel(ctx.client, ctx.user);
  await ctx.client.chat.postMessage({ channel: dm, text: `Quadrant settings with full phone numbers, as you asked with \`/quadrant export full\`:\n${exportText(exported)}`, unfurl_links: false });
  return ctx.reply({ text: 'I sent you the settings with full phone numbers in a DM (Quadrant’s Messages tab). Keep them private.' });
}
