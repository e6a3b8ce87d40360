import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from '@slack/bolt';
import { SEVERITIES, type Severity } from '../../core/emergency';
import type { Deps } from '../../deps';
import { declareEmergency, type Declared } from '../../flows/emergency/declare';
import { lastKnownSettings } from '../../flows/emergency/last-settings';
import { tellAdmin } from '../../flows/admin/tell-admin';
import { declaredReply } from '../blocks/emergency-blocks';

type Args = SlackViewMiddlewareArgs & AllMiddlewareArgs;
type Values = Record<string, Record<string, { value?: string | null; selected_option?: { value: string } | null }>>;

/**
 * The form is already closed when the declaration fails: the reporter must not believe someone was paged.
 * (A throw from declareEmergency comes before any page leaves; the words follow /emergency's and the
 * emergency reaction's.)
 */
const MODAL_NOT_DECLARED =
  ':warning: Something went wrong on my side, and it has been logged: your emergency was not declared, and nobody was paged. Declare it again now with `/emergency <what is happening>`, and if it is urgent, call the on-call directly.';

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
    let declared: Declared;
    try {
      declared = await declareEmergency(deps, {
        team,
        reporter: user,
        text,
        severity,
        origin: meta.channel ?? user,
        originTs: meta.ts,
        dedupKey: `view-${view.id}`,
      });
    } catch (err) {
      logger.error('emergency modal failed', err);
      await tellAdmin(client, { user, origin: meta.channel }, MODAL_NOT_DECLARED).catch((e: unknown) => logger.error('could not tell the reporter the emergency failed', e));
      return;
    }
    // A resubmitted form that was already declared: the first submission answered, and nobody was paged twice.
    if (!declared.created || !declared.paging) return;
    try {
      const reply = declaredReply(declared.emergency, declared.paging, lastKnownSettings(deps, team)?.emergency.channel, { degraded: declared.degraded });
      await tellAdmin(client, { user, origin: meta.channel }, reply);
    } catch (err) {
      logger.error('could not tell the reporter the emergency was declared', err);
    }
  };
}
