import { formatIssues, loadSettingsFile } from '../config/load';

/** `quadrant config validate FILE`: every problem with its key path and line, on stderr; exit 1 when any. */
export function runConfigValidate(args: string[], io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream }): number {
  const [sub, file] = args;
  if (sub !== 'validate' || !file) {
    io.stderr.write('usage: quadrant config validate FILE\n');
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
