import type { Deps } from '../../deps';
import { requestDigestRefresh } from '../digest/refresh-digest';
import { forgetPersonInFramework } from '../evaluation/forget';
import { createItemStore } from '../../store/item-store';
import type { AdminOutcome } from './change-settings';
import { checkAdmin } from './is-admin';
import { deleteMatching, scanKeys } from './scan-keys';

export const ERASED_TEXT = '[removed at the author’s request]';

export interface Erased {
  items: number;
  emergencies: number;
  /** Classifier corrections the person made, or made on their messages (those keep the text). */
  corrections: number;
  /** The person is still named in the settings (on-call tiers, admins): that is configuration, changed by an admin. */
  inSettings: boolean;
}

/**
 * `/quadrant erase @user`, for privacy requests: removes the person's items (text and all), blanks the text of
 * emergencies they declared (the record of who was paged stays), drops the classifier corrections they made
 * or that quote them, and forgets cached facts about them. Digest replies the bot posted are rewritten
 * without them; the person's own messages in Slack are Slack's to delete.
 */
export async function eraseUser(deps: Deps, input: { team: string; by: string; user: string }): Promise<AdminOutcome<Erased>> {
  const allowed = await checkAdmin(deps, input.team, input.by);
  if (!allowed.ok) return { ok: false, reason: 'not_admin', admins: allowed.admins };
  const { team, user } = input;
  const { keys, redis } = deps;

  const store = createItemStore(redis, keys);
  const ids = await redis.zrange(keys.userItems(team, user), '0', '-1');
  const found = (await Promise.all(ids.map((id) => store.get(team, id)))).filter((item) => item !== undefined);
  // Their texts, before they go: older corrections quote a message without naming its author.
  const texts = found.map((item) => item.text);
  // And the digests that show them: the bot's own replies would otherwise keep the text in Slack.
  const digests = new Map(found.flatMap((item) => (item.posted ? [[`${item.posted.channel}\n${item.posted.digestId}`, item.posted] as const] : [])));
  let items = 0;
  for (const id of ids) if (await store.remove(team, id)) items++;
  await redis.del(keys.userItems(team, user));
  for (const posted of digests.values()) await requestDigestRefresh(deps, team, posted.channel, posted.digestId);

  let emergencies = 0;
  await scanKeys(redis, keys.emergency(team, '*'), async (found) => {
    for (const key of found) {
      const id = key.slice(keys.emergency(team, '').length);
      if (id.includes(':') || id === 'open-set') continue;
      const e = (await deps.emergencies.get(team, id));
      if (e?.reporter !== user || e.text === ERASED_TEXT) continue;
      await deps.emergencies.patch(team, id, { text: ERASED_TEXT });
      emergencies++;
    }
  });

  // Nudge contexts hold the text of the message a nudge was about.
  await scanKeys(redis, keys.nudgeContext(team, '*', '*'), async (found) => {
    const raws = await redis.mget(found);
    const mine = found.filter((_, i) => (JSON.parse(raws[i] ?? '{}') as { user?: string }).user === user);
    if (mine.length) await redis.unlink(...mine);
  });
  await deleteMatching(redis, keys.nudged(team, '*', user));
  await redis.del(keys.userInfo(team, user), keys.authorName(team, user));
  await forgetPersonInFramework(deps, team, user);
  const corrections = await deps.corrections.forget(team, user, texts);

  const settings = await deps.settings.get(team);
  const inSettings = settings.admins.includes(user) || settings.emergency.tiers.some((tier) => tier.some((p) => p.slack === user));
  deps.logger.info({ team, user, by: input.by, items, emergencies, corrections }, 'erased a person’s stored text');
  return { ok: true, value: { items, emergencies, corrections, inSettings } };
}
