import { renderBlocks, renderMessage, type ButtonRef } from './render';
import { inputsOf } from './view-state';
import type { ActionTarget } from './driver';
import type { SlackView } from './views';
import type { Workspace } from './workspace';
import type { Activity } from './model';

/** What the console prints for one change, and the buttons it offers to /click afterwards. */
export interface Shown {
  lines: string[];
  buttons?: { target: ActionTarget; buttons: ButtonRef[] };
}

/**
 * Typed text as Slack's client sends it: &, <, > escaped, @name and #channel turned into mentions. A mention
 * already in Slack's form (<@U0BOB>, as pasted from a payload) stays one when it names someone here.
 */
export function toSlackText(ws: Workspace, typed: string): string {
  return typed
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/&lt;@([A-Z0-9]+)&gt;/g, (m, id: string) => (ws.person(id)?.id === id ? `<@${id}>` : m))
    .replace(/@(here|channel|everyone)\b/g, '<!$1>')
    .replace(/@([a-z][a-z0-9._-]*)/gi, (m, name: string) => {
      const p = ws.person(name.toLowerCase());
      return p ? `<@${p.id}>` : m;
    })
    .replace(/(^|\s)#([a-z0-9_-]+)/gi, (m, pre: string, name: string) => {
      const c = ws.channel(name.toLowerCase());
      return c && c.kind !== 'im' ? `${pre}<#${c.id}|${c.name}>` : m;
    });
}

function where(ws: Workspace, channelId: string): string {
  const c = ws.channel(channelId);
  if (!c) return channelId;
  if (c.kind === 'im') return `[DM with @${ws.person(c.user ?? '')?.name ?? c.user}]`;
  return `#${c.name}`;
}

function indent(lines: string[], prefix: string): string[] {
  return lines.map((l) => `${prefix}${l}`);
}

export function showView(ws: Workspace, view: SlackView, owner: string, currentUser: string): Shown {
  const who = owner === currentUser ? '' : ` (for @${ws.person(owner)?.name ?? owner})`;
  if (view.type === 'home') {
    const body = renderBlocks(ws, view.blocks);
    return { lines: [`┌ App Home of @${ws.person(owner)?.name}`, ...indent(body.lines, '│ '), '└'], buttons: owner === currentUser ? { target: { viewId: view.id }, buttons: body.buttons } : undefined };
  }
  const body = renderBlocks(ws, view.blocks, ws.views.errorsOf(view.id));
  const title = (view.title as { text?: string } | null)?.text ?? 'Modal';
  const inputs = inputsOf(view);
  const hint = inputs.length
    ? [`│ /submit ${inputs.map((i) => `${i.blockId}=…`).join(' ')}   (field numbers work too: 1=…; /cancel closes)`]
    : ['│ /submit to press the submit button, /cancel to close'];
  return {
    lines: [`┌ Modal "${title}"${who} ${view.id}`, ...indent(body.lines, '│ '), ...(view.submit || view.close ? hint : []), '└'],
    buttons: owner === currentUser ? { target: { viewId: view.id }, buttons: body.buttons } : undefined,
  };
}

/** Lines for one activity, from the point of view of `currentUser`; nothing for people's own typing. */
export function showActivity(ws: Workspace, activity: Activity, currentUser: string): Shown | undefined {
  const bot = ws.bot;
  switch (activity.kind) {
    case 'message': {
      const m = activity.message;
      if (m.bot_id !== bot.botId) return undefined;
      const body = renderMessage(ws, m);
      const reply = m.thread_ts && m.thread_ts !== m.ts;
      const head = `${where(ws, m.channel)} ${reply ? '  ↳ ' : ''}quadrant:`;
      const lines = body.lines.length <= 1 ? [`${head} ${body.lines[0] ?? ''}`] : [head, ...indent(body.lines, reply ? '      ' : '  ')];
      return { lines, buttons: body.buttons.length ? { target: { channel: m.channel, ts: m.ts }, buttons: body.buttons } : undefined };
    }
    case 'message_changed': {
      if (activity.message.bot_id !== bot.botId) return undefined;
      const body = renderMessage(ws, activity.message);
      return { lines: [`${where(ws, activity.message.channel)} quadrant edited a message:`, ...indent(body.lines, '  ')], buttons: body.buttons.length ? { target: { channel: activity.message.channel, ts: activity.message.ts }, buttons: body.buttons } : undefined };
    }
    case 'message_deleted':
      return activity.previous.bot_id === bot.botId ? { lines: [`${where(ws, activity.channel)} (quadrant deleted a message)`] } : undefined;
    case 'ephemeral':
    case 'ephemeral_changed': {
      const e = activity.ephemeral;
      const mine = e.user === currentUser;
      const body = renderMessage(ws, e);
      const label = mine ? '(only visible to you)' : `(only visible to @${ws.person(e.user)?.name})`;
      const verb = activity.kind === 'ephemeral_changed' ? ' [replaced]' : '';
      return { lines: [`${where(ws, e.channel)} quadrant ${label}${verb}:`, ...indent(body.lines, '  ')], buttons: mine && body.buttons.length ? { target: { channel: e.channel, ts: e.ts }, buttons: body.buttons } : undefined };
    }
    case 'ephemeral_deleted':
      return { lines: [`${where(ws, activity.ephemeral.channel)} (an ephemeral message was dismissed)`] };
    case 'reaction_added':
    case 'reaction_removed':
      return activity.user === bot.userId ? { lines: [`${where(ws, activity.channel)} quadrant ${activity.kind === 'reaction_added' ? 'reacted' : 'removed'} :${activity.name}:`] } : undefined;
    case 'view_opened':
    case 'view_pushed':
    case 'view_updated':
      return showView(ws, activity.view, activity.user, currentUser);
    case 'home_published':
      return activity.user === currentUser ? { lines: ['(App Home updated; /home to see it)'] } : undefined;
    case 'view_closed':
      return { lines: [`(modal ${activity.view.id} closed)`] };
    case 'page':
      return { lines: [`📟 page via ${activity.provider} to ${activity.to}: ${activity.text}`] };
    case 'member_joined':
      return undefined;
  }
}
