import { applyChannelRole, type ChannelRole } from '../../core/channel-role';
import type { Deps } from '../../deps';
import { changeSettings, type SettingsChanged } from './change-settings';

/** `/quadrant channels set <role>` in a channel, or the channel modal: gives `channel` its role. */
export function assignChannel(deps: Deps, input: { team: string; by: string; channel: string; role: ChannelRole }): Promise<SettingsChanged> {
  return changeSettings(deps, { team: input.team, by: input.by, kind: 'channel', edit: (current) => applyChannelRole(current, input.channel, input.role) });
}
