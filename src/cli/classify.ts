import { createInterface } from 'node:readline';
import type { WorkspaceSettings } from '../config/settings';
import { formatIssues, loadSettingsFile } from '../config/load';
import { AREA_INFO, isArea, type Area } from '../core/areas';
import { classify, type ClassifyContext } from '../core/classify';
import { PRIORITY_LABEL, priorityOf } from '../core/priority';
import type { Verdict } from '../core/verdict';

const USAGE = `usage: quadrant classify [options] [TEXT...]

  With TEXT, print the verdict for people. Without, read JSON Lines from stdin,
  one {"id": ..., "text": ..., "channel"?: ...} per line, and write one JSON line each.

  --json          print the verdict for TEXT as one JSON line
  --config FILE   settings file: channel areas, keywords and time zone
  --team ID       the workspace to take from a multi-workspace settings file
  -h, --help      this text
`;

// Slack's own limit for a message's text.
const MAX_TEXT = 40_000;

export interface ClassifyIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Injected by tests; the command line uses the clock. */
  now?: () => number;
}

interface Options {
  help: boolean;
  json: boolean;
  config?: string;
  team?: string;
  text: string[];
}

function parseArgs(args: string[]): Options | string {
  const options: Options = { help: false, json: false, text: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--') {
      options.text.push(...args.slice(i + 1));
      break;
    }
    if (arg === '-h' || arg === '--help') options.help = true;
    else if (arg === '--json') options.json = true;
    else if (arg === '--config' || arg === '--team') {
      const value = args[++i];
      if (!value) return `${arg} needs a value`;
      if (arg === '--config') options.config = value;
      else options.team = value;
    } else if (arg.startsWith('-') && arg.length > 1) return `unknown option ${arg}`;
    else options.text.push(arg);
  }
  return options;
}

function settingsFrom(options: Options, stderr: NodeJS.WritableStream): WorkspaceSettings | undefined | 'invalid' {
  if (!options.config) return undefined;
  const outcome = loadSettingsFile(options.config);
  if (!outcome.ok) {
    stderr.write(`${formatIssues(options.config, outcome.issues)}\n`);
    return 'invalid';
  }
  const { workspaces, fallback } = outcome.value;
  if (options.team) {
    const found = workspaces[options.team] ?? fallback;
    if (!found) {
      stderr.write(`quadrant classify: ${options.config} has no settings for ${options.team}\n`);
      return 'invalid';
    }
    return found;
  }
  return fallback ?? Object.values(workspaces)[0];
}

/** The context a settings file gives a message from `channel` (a channel id, or an area id to try one). */
function contextFor(settings: WorkspaceSettings | undefined, channel: string | undefined, now: number): ClassifyContext {
  const context: ClassifyContext = { now };
  if (settings) {
    context.timezone = settings.timezone;
    context.keywords = settings.keywords;
  }
  if (channel) {
    const area: Area | undefined = isArea(channel) ? channel : settings?.channels[channel]?.area;
    if (area) context.channelArea = area;
  }
  return context;
}

function describe(verdict: Verdict): string {
  const priority = priorityOf(verdict);
  const flags = [verdict.urgent ? 'urgent' : 'not urgent', verdict.important ? 'important' : 'not important'].join(', ');
  const lines = [
    `area:       ${verdict.area} (${AREA_INFO[verdict.area].label})`,
    `priority:   ${priority}: ${PRIORITY_LABEL[priority]} (${flags})`,
    `confidence: ${verdict.confidence.toFixed(2)}`,
    `reasons:    ${verdict.reasons[0] ?? ''}`,
    ...verdict.reasons.slice(1).map((r) => `            ${r}`),
  ];
  if (verdict.when !== undefined) lines.push(`when:       ${new Date(verdict.when).toISOString()}`);
  return `${lines.join('\n')}\n`;
}

function machineLine(id: unknown, verdict: Verdict): string {
  const { area, urgent, important, confidence, reasons } = verdict;
  return JSON.stringify({ id, area, urgent, important, confidence, reasons });
}

/** One output line for one input line; undefined for a blank line. */
function answer(line: string, lineNo: number, settings: WorkspaceSettings | undefined, now: number): string | undefined {
  if (line.trim() === '') return undefined;
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    return JSON.stringify({ line: lineNo, error: 'invalid JSON' });
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return JSON.stringify({ line: lineNo, error: 'each line must be a JSON object' });
  const { id, text, channel } = row as Record<string, unknown>;
  if (typeof id !== 'string' && typeof id !== 'number') return JSON.stringify({ line: lineNo, error: 'id must be a string or a number' });
  const fail = (error: string) => JSON.stringify({ id, error });
  if (typeof text !== 'string') return fail('text must be a string');
  if (text.trim() === '') return fail('text is empty');
  if (text.length > MAX_TEXT) return fail(`text is longer than ${MAX_TEXT} characters`);
  if (channel !== undefined && channel !== null && typeof channel !== 'string') return fail('channel must be a string');
  return machineLine(id, classify(text, contextFor(settings, channel ?? undefined, now)));
}

/**
 * Writes to stdout and remembers the first error on it. A reader that stops early (`| head -1`) closes the pipe;
 * unheard, that EPIPE is an uncaught stack trace, and a write waiting for 'drain' would wait for ever.
 */
function outputTo(stream: NodeJS.WritableStream) {
  let failure: NodeJS.ErrnoException | undefined;
  let wake: (() => void) | undefined;
  // Stays attached after the run: writes still buffered may fail after runClassify has returned.
  stream.on('error', (err: NodeJS.ErrnoException) => {
    failure ??= err;
    wake?.();
  });
  return {
    get failure() {
      return failure;
    },
    /** False once the output is gone: the caller stops. */
    async write(text: string): Promise<boolean> {
      if (failure) return false;
      if (!stream.write(text)) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          stream.once('drain', resolve);
        });
        wake = undefined;
      }
      return !failure;
    },
  };
}

/** A closed pipe means the reader has what it wanted: a success. Anything else is told on stderr. */
function ended(output: ReturnType<typeof outputTo>, stderr: NodeJS.WritableStream): number {
  const failure = output.failure;
  if (!failure || failure.code === 'EPIPE') return 0;
  stderr.write(`quadrant classify: cannot write the output: ${failure.code ?? failure.message}\n`);
  return 1;
}

/**
 * `quadrant classify [TEXT]`. Verdicts go to stdout; usage problems to stderr with exit code 2.
 * A bad input line gets an error line of its own and the run goes on.
 */
export async function runClassify(args: string[], io: ClassifyIo): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    io.stderr.write(`quadrant classify: ${options}\n\n${USAGE}`);
    return 2;
  }
  if (options.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const settings = settingsFrom(options, io.stderr);
  if (settings === 'invalid') return 2;
  const now = io.now ?? Date.now;
  const output = outputTo(io.stdout);

  if (options.text.length > 0) {
    const text = options.text.join(' ');
    if (text.trim() === '') {
      io.stderr.write('quadrant classify: TEXT is empty\n');
      return 2;
    }
    const verdict = classify(text, contextFor(settings, undefined, now()));
    await output.write(options.json ? `${machineLine(undefined, verdict)}\n` : describe(verdict));
    return ended(output, io.stderr);
  }
  if (options.json) {
    io.stderr.write('quadrant classify: --json needs TEXT (JSON Lines on stdin are always answered in JSON)\n');
    return 2;
  }

  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let lineNo = 0;
  for await (const raw of lines) {
    lineNo++;
    // Editors on Windows save UTF-8 with a byte-order mark; it is not part of the first record.
    const line = lineNo === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    const out = answer(line, lineNo, settings, now());
    if (out !== undefined && !(await output.write(`${out}\n`))) break;
  }
  return ended(output, io.stderr);
}
