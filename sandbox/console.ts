import { createInterface, type Interface } from 'node:readline';
import { showActivity, showView, toSlackText, type Shown } from './console-view';
import type { ActionTarget, SlackDriver } from './driver';
import { renderMessage, type ButtonRef } from './render';
import { inputsOf, type FieldValue } from './view-state';
import type { StoredMessage } from './model';
import type { SlackView } from './views';

export const CONSOLE_HELP = `Type a message to post it as the current user in the current channel.
  /async …  /emergency …  /quadrant …   run Quadrant's commands
  :emoji: [N]          react to the last (or Nth last) message here; /unreact :emoji: [N]
  @quadrant …          mention the bot (any text containing @quadrant)
  /thread <text>       reply in the latest thread here
  /edit <text>         edit your last message here; /delete removes it
  /click <n|label>     press a button of the last thing shown with buttons
  /submit k=v …        submit your open modal (k: field number, block id or label); /cancel closes it
  /home                open the App Home tab
  /shortcut <id> [N]   run a message shortcut (send_to_async, declare_emergency) on the Nth last message
  /as <user>           act as ada, bob or cat        /in <#channel|@user>  switch channel (or DM)
  /history [n]         show the last messages here   /who  users and channels
  /help  /quit`;

export interface ConsoleOptions {
  driver: SlackDriver;
  /** The app's base URL, shown in the start-up banner. */
  appUrl?: string;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  user?: string;
  channel?: string;
  onQuit: () => void | Promise<void>;
}

/** Piped input: how long the app must stay quiet after a line before the next runs (or, at EOF, the sandbox stops). */
const SETTLE_QUIET_MS = 400;
/** ...and the most a line waits for that, so an app that keeps busy cannot stall a script. */
const SETTLE_MAX_MS = 5000;

export interface RunningConsole {
  close(): void;
}

/** key=value pairs; values may be quoted ("two words"). */
export function parseAssignments(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([^\s=]+)=(?:"([^"]*)"|'([^']*)'|(\S*))/g)) out[m[1]!] = m[2] ?? m[3] ?? m[4] ?? '';
  return out;
}

/** The errors of a `response_action: errors` answer, one line per field as /submit names it. */
export function fieldErrors(view: SlackView, errors: Record<string, string>): string[] {
  const inputs = inputsOf(view);
  const title = (view.title as { text?: string } | null)?.text ?? 'the modal';
  const lines = Object.entries(errors).map(([blockId, error]) => {
    const n = inputs.findIndex((i) => i.blockId === blockId);
    return `│ ${n === -1 ? blockId : `${n + 1} ${inputs[n]!.label} (${blockId})`}: ${error}`;
  });
  return [`┌ ⚠ "${title}" stays open: Quadrant refused the submission`, ...(lines.length ? lines : ['│ (no reason given)']), '│ /submit again with the fields fixed, or /cancel', '└'];
}

/**
 * A terminal stand-in for the Slack client: everything typed goes through the driver as that
 * user would send it, and everything the bot posts, pages or opens is printed as it happens.
 */
export function startConsole(options: ConsoleOptions): RunningConsole {
  const { driver } = options;
  const ws = driver.ws;
  let user = driver.userId(options.user ?? 'ada');
  let channel = driver.channel(options.channel ?? '#ops').id;
  let clickable: { target: ActionTarget; buttons: ButtonRef[] } | undefined;
  const input = options.input ?? process.stdin;
  const output = options.output ?? process.stdout;
  const tty = Boolean((output as { isTTY?: boolean }).isTTY);
  // Lines from a pipe or file nobody is typing: no line editing, and each one is echoed so the transcript says what ran.
  const typed = Boolean((input as { isTTY?: boolean }).isTTY);
  const rl: Interface = createInterface({ input, output, terminal: tty && typed });

  const promptText = () => {
    const c = ws.channel(channel)!;
    return `${ws.person(user)?.name}@${c.kind === 'im' ? 'DM' : `#${c.name}`}> `;
  };
  const prompt = () => {
    // Piped input (a script, a test) gets the transcript without a prompt after every line.
    if (!tty || !typed) return;
    rl.setPrompt(promptText());
    rl.prompt(true);
  };
  const print = (lines: string[]) => {
    output.write(`${tty ? '\r\x1b[K' : ''}${lines.join('\n')}\n`);
    prompt();
  };
  const show = (shown: Shown | undefined) => {
    if (!shown) return;
    if (shown.buttons?.buttons.length) clickable = shown.buttons;
    print(shown.lines);
  };
  let closedFromOutside = false;
  const stopWatching = ws.onActivity((activity) => show(showActivity(ws, activity, user)));

  /**
   * A script cannot wait for what it sees, as a person does: after a piped line, wait until the app has
   * gone quiet (no workspace change, no Web API call), so what it posts after its ack prints under that
   * line and its buttons are there for a following /click.
   */
  const settle = async (): Promise<void> => {
    const deadline = Date.now() + SETTLE_MAX_MS;
    let lastSign = Date.now();
    const sign = () => (lastSign = Date.now());
    ws.on('activity', sign);
    driver.slack.on('call', sign);
    try {
      while (!closedFromOutside) {
        await driver.idle();
        const wait = Math.min(lastSign + SETTLE_QUIET_MS, deadline) - Date.now();
        if (wait <= 0) return;
        // Unref'd: a sandbox stopping meanwhile need not wait for it.
        await new Promise((resolve) => setTimeout(resolve, wait).unref());
      }
    } finally {
      ws.off('activity', sign);
      driver.slack.off('call', sign);
    }
  };

  /** The Nth last message shown in the channel (1 = the last). */
  const nthLast = (n: number): StoredMessage | undefined => ws.history(channel).at(-Math.max(1, n));
  const reportAck = (what: string, status: number, skipped?: string) => {
    if (skipped) print([`(not sent to Quadrant: ${skipped})`]);
    else if (status < 200 || status > 299) print([`⚠ ${what} failed: Quadrant answered HTTP ${status || 'nothing'} (Slack would show an error)`]);
  };

  /** Posts as the current user; naming the bot makes it a mention, which Slack also sends as an app_mention. */
  const post = async (slackText: string, threadTs?: string): Promise<void> => {
    if (slackText.includes(`<@${ws.bot.userId}>`)) {
      const sent = await driver.mention(user, channel, slackText, threadTs);
      return reportAck('the mention', sent.appMention.status, sent.appMention.skipped);
    }
    const sent = await driver.sendMessage(user, channel, slackText, { threadTs });
    reportAck(threadTs ? 'the reply' : 'the message', sent.delivery.status, sent.delivery.skipped);
  };

  // The bot is a user of the workspace, but nobody can type as it, or DM it from itself.
  const humans = () => ws.userIds().filter((id) => id !== ws.bot.userId).map((id) => ws.person(id)!);
  const human = (name: string) => {
    const p = ws.person(name);
    return p && p.id !== ws.bot.userId ? p : undefined;
  };

  const commands: Record<string, (rest: string) => Promise<void> | void> = {
    help: () => print([CONSOLE_HELP]),
    as: (rest) => {
      const person = human(rest.trim());
      if (!person) return print([`(no one called "${rest.trim()}" here; act as ${humans().map((p) => p.name).join(', ')})`]);
      user = person.id;
      print([`(you are now @${person.name})`]);
    },
    in: (rest) => {
      const to = rest.trim();
      if (/^@|^U[A-Z0-9]+$/.test(to) && !human(to)) return print([`(no one called "${to}" to DM; people here: ${humans().map((p) => `@${p.name}`).join(', ')})`]);
      channel = driver.channel(to).id;
      print([`(now in ${to})`]);
    },
    who: () => print([`users: ${humans().map((p) => `@${p.name} (${p.id})`).join(', ')}; the bot: @${ws.bot.name} (${ws.bot.userId})`, `channels: ${ws.channelList().filter((c) => c.kind === 'channel').map((c) => `#${c.name} (${c.id})`).join(', ')}`]),
    history: (rest) => {
      const lines: string[] = [];
      for (const m of ws.history(channel).slice(-(Number(rest) || 10))) {
        lines.push(`${ws.person(m.user ?? '')?.name ?? 'quadrant'}: ${renderMessage(ws, m).lines.join(' / ')}`);
        for (const r of ws.thread(channel, m.ts).slice(1)) lines.push(`    ↳ ${ws.person(r.user ?? '')?.name ?? 'quadrant'}: ${renderMessage(ws, r).lines.join(' / ')}`);
      }
      print(lines.length ? lines : ['(no messages here yet)']);
    },
    thread: async (rest) => {
      const parent = [...ws.history(channel)].reverse().find((m) => (m.reply_count ?? 0) > 0) ?? nthLast(1);
      if (!parent) return print(['(no message to reply to here)']);
      await post(toSlackText(ws, rest), parent.ts);
    },
    edit: async (rest) => {
      const mine = [...ws.allMessages(channel)].reverse().find((m) => m.user === user);
      if (!mine) return print(['(you have no message here to edit)']);
      await driver.editMessage(user, channel, mine.ts, toSlackText(ws, rest));
    },
    delete: async () => {
      const mine = [...ws.allMessages(channel)].reverse().find((m) => m.user === user);
      if (!mine) return print(['(you have no message here to delete)']);
      await driver.deleteMessage(user, channel, mine.ts);
    },
    unreact: async (rest) => {
      const [emoji, n] = rest.trim().split(/\s+/);
      const target = nthLast(Number(n) || 1);
      if (!emoji || !target) return print(['usage: /unreact :emoji: [N]']);
      await driver.unreact(user, channel, target.ts, emoji);
    },
    click: async (rest) => {
      if (!clickable) return print(['(no buttons shown yet)']);
      const key = rest.trim().toLowerCase();
      const button = clickable.buttons[Number(key) - 1] ?? clickable.buttons.find((b) => b.label.toLowerCase() === key || b.label.toLowerCase().startsWith(key));
      if (!button) return print([`(no button "${rest.trim()}"; buttons: ${clickable.buttons.map((b, i) => `${i + 1} ${b.label}`).join(', ')})`]);
      if (button.url) print([`(opens ${button.url} in a browser)`]);
      const d = await driver.clickButton(user, clickable.target, button.actionId, { blockId: button.blockId, value: button.value });
      reportAck(`[${button.label}]`, d.status);
    },
    submit: async (rest) => {
      const view = driver.openModal(user);
      if (!view) return print(['(you have no open modal)']);
      const inputs = inputsOf(view);
      const given: Record<string, FieldValue> = {};
      for (const [key, value] of Object.entries(parseAssignments(rest))) given[inputs[Number(key) - 1]?.blockId ?? key] = value;
      try {
        const result = await driver.submitView(user, view.id, given);
        reportAck('the submission', result.delivery.status);
        // Slack shows these under the fields and the form just stays open: without them nobody sees why.
        if (result.responseAction === 'errors') print(fieldErrors(view, result.errors ?? {}));
      } catch (err) {
        print([`(${err instanceof Error ? err.message : String(err)})`]);
      }
    },
    cancel: async () => {
      const view = driver.openModal(user);
      if (!view) return print(['(you have no open modal)']);
      await driver.closeView(user, view.id);
    },
    home: async () => {
      const d = await driver.openHome(user);
      reportAck('App Home', d.status, d.skipped);
      await driver.waitFor(() => driver.home(user), { timeoutMs: 3000 }).then(
        (view) => show(showView(ws, view, user, user)),
        () => print(['(Quadrant did not publish a Home tab)']),
      );
    },
    shortcut: async (rest) => {
      const [callbackId, n] = rest.trim().split(/\s+/);
      const target = nthLast(Number(n) || 1);
      if (!callbackId || !target) return print(['usage: /shortcut <callback_id> [N]']);
      const { delivery } = await driver.messageShortcut(user, channel, target.ts, callbackId);
      reportAck(`the shortcut ${callbackId}`, delivery.status);
    },
  };

  let quitting = false;
  const handle = async (line: string): Promise<void> => {
    const text = line.trim();
    if (quitting) return;
    if (!text) return prompt();
    if (!typed) output.write(`${promptText()}${text}\n`);
    if (text === '/quit' || text === '/exit') {
      quitting = true;
      rl.close();
      return;
    }
    const emoji = /^:([a-z0-9_+\-']+):(?:\s+(\d+))?$/.exec(text);
    if (emoji) {
      const target = nthLast(Number(emoji[2]) || 1);
      if (!target) return print(['(no message to react to here)']);
      const d = await driver.react(user, channel, target.ts, emoji[1]!);
      return reportAck('the reaction', d.status, d.skipped);
    }
    const slash = /^\/(\S+)\s*([\s\S]*)$/.exec(text);
    if (slash && ['async', 'emergency', 'quadrant'].includes(slash[1]!)) {
      const result = await driver.command(user, channel, `/${slash[1]}`, toSlackText(ws, slash[2]!));
      return reportAck(`/${slash[1]}`, result.delivery.status);
    }
    if (slash) {
      const run = commands[slash[1]!];
      if (!run) return print([`(unknown command /${slash[1]}; /help lists them)`]);
      return run(slash[2]!);
    }
    await post(toSlackText(ws, text));
  };

  // One line at a time, so a command's effects print before the next line runs.
  let queue = Promise.resolve();
  let linesRead = 0;
  rl.on('line', (line) => {
    linesRead++;
    queue = queue
      .then(() => handle(line))
      .catch((err: unknown) => print([`(error: ${err instanceof Error ? err.message : String(err)})`]))
      .then(() => (typed || quitting || !line.trim() ? undefined : settle()))
      .then(prompt);
  });
  rl.on('close', () => {
    // close() from the sandbox's own stop() must not call back into it.
    if (closedFromOutside) return stopWatching();
    // Input that ends before any line (`npm start &` in a script, stdin from /dev/null, `true | npm start`) is no
    // script to run: the sandbox keeps serving, without a console.
    if (linesRead === 0 && !typed) {
      stopWatching();
      output.write('(no input to read: the console is off, and the sandbox keeps running until Ctrl-C or SIGTERM)\n');
      return;
    }
    // /quit or end of input (Ctrl-D, the end of a piped script) ends the sandbox, once the lines read so far have run.
    void queue.then(() => {
      stopWatching();
      return options.onQuit();
    });
  });
  print([
    'Quadrant sandbox: a stand-in Slack workspace. /help lists what you can do.',
    ...(options.appUrl ? [`The app listens at ${options.appUrl} (health check: ${options.appUrl}/health).`] : []),
  ]);

  return {
    close: () => {
      closedFromOutside = true;
      rl.close();
    },
  };
}
