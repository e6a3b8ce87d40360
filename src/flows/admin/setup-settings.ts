import type { WebClient } from '@slack/web-api';
import { Settings, type SettingsInput } from '../../config/settings';
import type { Issue } from '../../core/errors';
import { applyDraft, type SetupDraft, type SetupStep } from '../../core/setup-form';
import type { Deps } from '../../deps';
import type { SettingsChangeKind } from '../../store/settings-store';
import { authorNames } from '../digest/author-names';
import { changeSettings, type SettingsChanged } from './change-settings';
import { checkBotMembership, type ChannelProblem } from './check-channels';

export interface StepCheck {
  /** The settings as they would be with every answered step applied. */
  input: SettingsInput;
  issues: Issue[];
  channelProblems: ChannelProblem[];
}

/**
 * Checks one step of the setup flow before moving on: the answers so far applied to the current settings
 * must validate, and the bot must be able to work in the channels this step names.
 */
export async function checkSetupStep(deps: Deps, client: WebClient, team: string, draft: SetupDraft, step: SetupStep): Promise<StepCheck> {
  const input = applyDraft(await deps.settings.getEditable(team), draft);
  const issues: Issue[] = [];
  const basics = draft.basics;
  const halfQuiet = step === 'basics' && basics && Boolean(basics.quietFrom) !== Boolean(basics.quietTo);
  if (halfQuiet) issues.push({ code: 'quiet_hours_half', path: ['quiet_hours', basics.quietFrom ? 'to' : 'from'], message: 'set both times, or neither' });
  const parsed = Settings.safeParse(input);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      const path = i.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (halfQuiet && path[0] === 'quiet_hours') continue;
      issues.push({ code: i.code, path, message: i.message });
    }
  }
  const channels = step === 'basics' ? [basics?.emergencyChannel] : step === 'digests' ? [...(draft.digests?.channels ?? []), draft.digests?.hub] : [];
  const named = channels.filter((c): c is string => typeof c === 'string' && c !== '');
  const channelProblems = named.length ? await checkBotMembership(client, named) : [];
  return { input, issues, channelProblems };
}

/** Saves every answered step onto the settings as they are now (admins only; re-checked here). */
export function saveSetup(deps: Deps, input: { team: string; by: string; draft: SetupDraft; kind: SettingsChangeKind }): Promise<SettingsChanged> {
  return changeSettings(deps, { team: input.team, by: input.by, kind: input.kind, edit: (current) => applyDraft(current, input.draft) });
}

/** The phones step is sent in the submission's ack, which Slack waits 3 s for: names not known by then are left out. */
const NAME_WAIT_MS = 1_000;

/**
 * Display names for the phones step's field labels (labels are plain text, where a mention shows as its id).
 * Each person is asked at once (cached for a day), not in turns, so 50 people cost one round trip.
 */
export async function onCallNames(deps: Deps, client: WebClient, team: string, users: readonly string[]): Promise<Record<string, string>> {
  const names: Record<string, string> = {};
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, NAME_WAIT_MS);
  });
  const all = Promise.all(users.map(async (user) => Object.assign(names, await authorNames(deps, client, team, [user]).catch(() => ({})))));
  await Promise.race([all, deadline]).finally(() => clearTimeout(timer));
  // Lookups still running must not change the labels being sent.
  return { ...names };
}
