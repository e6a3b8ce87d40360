/** A date Slack renders in each reader's own time zone, with a UTC fallback for old clients. */
export function slackDate(epochMs: number, format = '{date_short_pretty} at {time}'): string {
  const seconds = Math.floor(epochMs / 1000);
  // Every /async reply names the same next digest time until it passes: formatting it once saves most of the work.
  if (seconds === last.seconds && format === last.format) return last.text;
  const fallback = new Date(seconds * 1000).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  last = { seconds, format, text: `<!date^${seconds}^${format}|${fallback}>` };
  return last.text;
}

let last = { seconds: NaN, format: '', text: '' };
