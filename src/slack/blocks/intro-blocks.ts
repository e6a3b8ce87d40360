import { AREA_INFO } from '../../core/areas';
import { describeDuration } from '../../core/durations';

/**
 * The one-time introduction to the framework (ephemeral in the channel where someone first meets Quadrant,
 * or a DM), and the personal tips switch. The button's action id is `intro_tips`, value `off` or `on`.
 */

export const INTRO_TIPS_ACTION = 'intro_tips';

export interface IntroFacts {
  offlineLeadTimeMs: number;
  hubChannel?: string;
  digestChannel?: string;
}

const section = (text: string) => ({ type: 'section', text: { type: 'mrkdwn', text } });

export function tipsButton(on: boolean) {
  return { type: 'button', text: { type: 'plain_text', text: on ? 'Turn off tips' : 'Turn tips back on' }, action_id: INTRO_TIPS_ACTION, value: on ? 'off' : 'on' };
}

export function introMessage(facts: IntroFacts): { text: string; blocks: unknown[] } {
  const hub = facts.hubChannel ? ` in <#${facts.hubChannel}>` : '';
  const digest = facts.digestChannel ? ` in <#${facts.digestChannel}>` : '';
  const areas = [
    `• *${AREA_INFO.deep_work.label}* (proposals, plans, decisions) → the hub${hub}, discussed over days`,
    `• *${AREA_INFO.daily_operations.label}* (requests, reviews, updates, FYIs) → one daily digest${digest}`,
    `• *${AREA_INFO.online_meeting.label}* → when a thread really won't do`,
    `• *${AREA_INFO.offline_activity.label}* (offsites, dinners, travel) → with at least ${describeDuration(facts.offlineLeadTimeMs)} of notice`,
    `• *${AREA_INFO.emergency.label}* (outages, security, data loss) → \`/emergency\`, which pages the on-call at once`,
  ];
  return {
    text: 'Quadrant: most work can wait for a digest; real emergencies get a phone call.',
    blocks: [
      section(`:wave: *This workspace works async first, with Quadrant.* Five areas:\n${areas.join('\n')}`),
      section('Use `/async <text>` for anything that can wait: it is filed for the right digest. Use `/emergency <what is broken>` only when someone must act now.'),
      { type: 'actions', block_id: 'intro_tips', elements: [tipsButton(true)] },
      { type: 'context', elements: [{ type: 'mrkdwn', text: 'You see this once. The Quadrant app Home explains more and shows your week.' }] },
    ],
  };
}
