/**
 * Every Redis key Quadrant uses, under one prefix (each test run gets its own).
 * Every key that belongs to a workspace carries its team id, so multi-workspace installs never mix.
 * BullMQ keys live under `${prefix}:bull` (see queue/queues.ts).
 */
export function createKeys(prefix: string) {
  const k = (...parts: Array<string | number>) => `${prefix}:${parts.join(':')}`;
  return {
    prefix,
    bullPrefix: k('bull'),
    // workspaces Quadrant knows (single-token team, OAuth installs, settings written): the scheduler walks these
    teams: () => k('teams'),
    // settings
    settings: (team: string) => k('settings', team),
    settingsHistory: (team: string) => k('settings', team, 'history'),
    settingsChanged: () => k('settings', 'changed'),
    // numbers settings changes 1, 2, 3... per workspace, so a Roll back button names one change for good
    settingsSeq: (team: string) => k('settings', team, 'seq'),
    // an import waiting for the admin's confirmation, too long to travel in the view (kept minutes)
    pendingImport: (team: string, user: string, viewId: string, ref: string) => k('import-pending', team, user, viewId, ref),
    // exactly-once guards: Slack retries for ~5 minutes; these live longer than that
    seen: (team: string, kind: string, id: string) => k('seen', team, kind, id),
    // items
    item: (team: string, id: string) => k('item', team, id),
    itemBySource: (team: string, channel: string, ts: string) => k('item-src', team, channel, ts),
    openItems: (team: string, digestChannel: string) => k('open', team, digestChannel),
    userItems: (team: string, user: string) => k('user-items', team, user),
    itemSeq: (team: string) => k('item-seq', team),
    // digests
    digest: (team: string, channel: string, digestId: string) => k('digest', team, channel, digestId),
    digestLast: (team: string, channel: string) => k('digest-last', team, channel),
    // the newest digest of any kind in a channel: its parent lists what is carried over, so it is refreshed too
    digestRecent: (team: string, channel: string) => k('digest-recent', team, channel),
    // one poster per channel at a time: Slack paces messages per channel, and progress is recorded per digest
    digestLock: (team: string, channel: string) => k('digest-lock', team, channel),
    // channel -> the delayed job that posts its next scheduled digest (and since when that schedule holds)
    digestSchedule: (team: string) => k('digest-schedule', team),
    // set while a refresh job waits to start: later requests ride on it; one made after it started adds another
    digestRefreshPending: (team: string, channel: string, digestId: string) => k('digest-refresh', team, channel, digestId),
    // numbers manual digests ("/quadrant digest now") per channel
    digestSeq: (team: string, channel: string) => k('digest-seq', team, channel),
    // display names for digest lines, cached from users.info
    authorName: (team: string, user: string) => k('author-name', team, user),
    // classifier learning
    corrections: (team: string) => k('corrections', team),
    // enforcement
    nudged: (team: string, channel: string, user: string) => k('nudged', team, channel, user),
    /** The message a nudge was about, so its buttons can act on it without re-reading Slack. */
    nudgeContext: (team: string, channel: string, ts: string) => k('nudge-ctx', team, channel, ts),
    // emergencies
    emergency: (team: string, id: string) => k('emergency', team, id),
    emergencyTimeline: (team: string, id: string) => k('emergency', team, id, 'timeline'),
    // Twilio call sids of an emergency's voice pages, so an acknowledgement can stop phones still ringing
    emergencyCalls: (team: string, id: string) => k('emergency', team, id, 'calls'),
    emergencyCode: (code: string) => k('emergency-code', code),
    pendingEmergencies: () => k('emergency-pending'),
    // one process at a time posts an emergency Slack did not take (see flows/emergency/post-pending.ts)
    emergencyPostLock: (team: string, id: string) => k('emergency-post-lock', team, id),
    // `/quadrant oncall test` runs: the report, and the latest run per workspace
    oncallTest: (team: string, id: string) => k('oncall-test', team, id),
    oncallTestLatest: (team: string) => k('oncall-test-latest', team),
    // installs and people
    installation: (team: string) => k('install', team),
    userInfo: (team: string, user: string) => k('user-info', team, user),
    // operations
    heartbeat: (role: string) => k('heartbeat', role),
    // evaluation counts, one hash per workspace and ISO week ("2026-W14"); see store/evaluation-store.ts
    evalWeek: (team: string, week: string) => k('eval', team, week),
    evalChannels: (team: string, week: string) => k('eval-ch', team, week),
    evalUser: (team: string, week: string, user: string) => k('eval-user', team, week, user),
    // user -> FYI broadcasts that week; read only when the settings allow reports to name people
    evalPeople: (team: string, week: string) => k('eval-people', team, week),
    // targets a weekly report or hub summary has reached, so a retried job posts to the rest only
    weeklyPosted: (team: string, kind: string, week: string) => k('weekly-posted', team, kind, week),
    // the hub: item ids by filing time (not archived), and decided item ids by decision time
    hubItems: (team: string) => k('hub-items', team),
    hubDecided: (team: string) => k('hub-decided', team),
    // one process posts an item to the hub; one state change at a time per item
    hubClaim: (team: string, id: string) => k('hub-claim', team, id),
    hubLock: (team: string, id: string) => k('hub-lock', team, id),
    // set once the admins were told that deep-work items go to the digest until a hub is set
    hubMissingTold: (team: string) => k('hub-missing-told', team),
    // introductions: sent once per person; personal tips switched off
    introduced: (team: string, user: string) => k('introduced', team, user),
    tipsOff: (team: string, user: string) => k('tips-off', team, user),
  };
}

export type Keys = ReturnType<typeof createKeys>;
