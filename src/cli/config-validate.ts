import { formatIssues, loadSettingsFile } from '../config/load';

const USAGE = `usage: quadrant config validate FILE

Checks a settings file (the QUADRANT_CONFIG format, what /quadrant export gives) and prints every
problem with its key path and line on stderr. Exits 0 when it is valid, 1 when it is not.
`;

/** `quadrant config validate FILE`: every problem with its key path and line, on stderr; exit 1 when any. */
export function runConfigValidate(args: string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): number {
  if (args.some((a) => a === '-h' || a === '--help')) {
    io.stdout.write(USAGE);
    return 0;
  }
  // Read as a file name, an option would end in "no such file"; a file whose name starts with - is ./-name.
  const option = args.find((a) => a.startsWith('-') && a !== '-');
  if (option) {
    io.stderr.write(`quadrant: unknown option "${option}" for config validate\n\n${USAGE}`);
    return 2;
  }
  const [sub, file] = args;
  if (sub !== 'validate' || !file) {
    io.stderr.write(USAGE);
    return 2;
  }
  const outcome = loadSettingsFile(file);
  if (!outcome.ok) {
    io.stderr.write(`${formatIssues(file, outcome.issues)}\n`);
    return 1;
  }
  if (outcome.value.empty) {
    io.stdout.write(`${file}: valid but empty: it sets nothing, so every workspace gets the default settings\n`);
    return 0;
  }
  const teams = Object.keys(outcome.value.workspaces);
  const scope = teams.length ? `${teams.length} workspace${teams.length === 1 ? '' : 's'} (${teams.join(', ')})` : 'every workspace';
  io.stdout.write(`${file}: valid settings for ${scope}\n`);
  return 0;
}
