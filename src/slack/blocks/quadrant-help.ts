/** `/quadrant help`: every subcommand, and who may use it. */
export const QUADRANT_HELP = [
  '*`/quadrant` sets up and runs Quadrant.* Anyone can look; changes need a workspace admin or owner, or a Quadrant admin.',
  '• `/quadrant setup`: a guided form: emergency channel, digest channels and times, on-call tiers and phone numbers, paging providers, quiet hours, notice for offline activities, Quadrant admins.',
  '• `/quadrant config`: the current settings (phone numbers masked).',
  '• `/quadrant channels`: each channel’s role. In a channel, `/quadrant channels set <role>` assigns it: `daily_operations [10:30] [mon-fri]`, `deep_work`, `hub`, `online_meeting`, `offline_activity`, `emergency` or `none`.',
  '• `/quadrant oncall`: the on-call tiers; `/quadrant oncall edit` changes them; `/quadrant oncall test` sends a marked test page.',
  '• `/quadrant digest`: when each digest posts; `/quadrant digest now` posts this channel’s digest at once.',
  '• `/quadrant report [week|month|csv]`: how work was spread over the five areas.',
  '• `/quadrant history`: recent settings changes, who made them, and a Roll back button for admins.',
  '• `/quadrant export`: the settings as YAML, phone numbers masked. Admins get the full numbers by DM from me with `/quadrant export full`, run anywhere.',
  '• `/quadrant import`: paste YAML into a form; it is checked, and if anything is wrong nothing changes.',
  '• `/quadrant erase @person`: removes what Quadrant stored of that person’s text and items (privacy requests).',
  'Settings changes take effect at once, everywhere. Everyone: `/async help` and `/emergency help`.',
].join('\n');
