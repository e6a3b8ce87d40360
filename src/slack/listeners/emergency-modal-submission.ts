import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { SEVERITIES, type Severity } from '../../core/emergency';
import type { Deps } from '../../deps';
import { declareEmergency } from '../../flows/emergency/declare';
import { lastKnownSettings } from '../../flows/emergency/last-settings';
import { declaredReply } from '../blocks/emergency-blocks';

type Args = SlackViewMiddlewareArgs & AllMiddlewareArgs;
type Values = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;

export function emergencyModalSubmission(deps: Deps) {
  return async ({ ack, view, body, client, logger }: Args) => {
    const values = view.state.values as Values;
    const text = values.text?.value?.value?.trim() ?? '';
    if (!text) return void (await ack({ response_action: 'errors', errors: { text: 'Say what is happening, in a sentence.' } }));
    const chosen = values.severity?.value?.selected_option?.value;
    const severity = (SEVERITIES as readonly string[]).includes(chosen ?? '') ? (chosen as Severity) : 'critical';
    let meta: { channel?: string; ts?: string } = {};
    try {
      meta = JSON.parse(view.private_metadata || '{}') as typeof meta;
    } catch {
      // Forged metadata only loses where the emergency came from.
    }
    await ack();
    const team = body.team?.id ?? view.team_id;
    const user = body.user.id;
    try {
      const declared = await declareEmergency(deps, {
        team,
        reporter: user,
        text,
        severity,
        origin: meta.channel ?? user,
        originTs: meta.ts,
        dedupKey: `view-${view.id}`,
      });
      if (declared.created && declared.paging) {
        const reply = declaredReply(declared.emergency, declared.paging, lastKnownSettings(deps, team)?.emergency.channel, { degraded: declared.degraded });
        await client.chat.postEphemeral({ channel: meta.channel ?? user, user, text: reply }).catch(() => client.chat.postMessage({ channel: user, text: reply }));
      }
    } catch (err) {
      logger.error('emergency modal failed', err);
    }
  };
}
