import type { Redis } from 'ioredis';
import type { Item, ItemStatus } from '../core/item';
import type { ItemStore } from '../core/ports';
import { createScript } from '../redis';
import type { Keys } from './keys';

// Stores the item once and indexes it. A repeat of the same filing answers with what is stored; a new
// one answers with nothing, since the caller already holds it (no item JSON back over the wire). SET NX
// both checks and stores, one call fewer inside the script than GET then SET on the path every new item takes.
const ADD_ITEM = `
if not redis.call('SET', KEYS[1], ARGV[1], 'NX') then return redis.call('GET', KEYS[1]) end
if ARGV[2] ~= '' then redis.call('ZADD', KEYS[2], ARGV[3], ARGV[4]) end
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[4])
if KEYS[4] ~= KEYS[1] then redis.call('SET', KEYS[4], ARGV[4]) end
return false
`;

// Read-modify-write inside Redis so two workers never lose each other's change.
const PATCH_ITEM = `
local raw = redis.call('GET', KEYS[1])
if not raw then return false end
local item = cjson.decode(raw)
local before = item['digestChannel']
local patch = cjson.decode(ARGV[1])
for k, v in pairs(patch) do
  if v == cjson.null then item[k] = nil else item[k] = v end
end
-- Redis 7.0's cjson writes an empty array as {}: put the one array an item has back.
local out = string.gsub(cjson.encode(item), '"reasons":{}', '"reasons":[]')
redis.call('SET', KEYS[1], out)
-- An item moved to another digest leaves the old one's open set, or that digest would list it too.
if before and before ~= item['digestChannel'] then redis.call('ZREM', KEYS[2] .. before, item['id']) end
if item['digestChannel'] then
  local open = KEYS[2] .. item['digestChannel']
  if item['status'] == 'open' then redis.call('ZADD', open, item['createdAt'], item['id'])
  else redis.call('ZREM', open, item['id']) end
end
return out
`;

export function createItemStore(redis: Redis, keys: Keys): ItemStore & { remove(team: string, id: string): Promise<boolean> } {
  const openPrefix = (team: string) => keys.openItems(team, '');
  const addScript = createScript(redis, ADD_ITEM);
  const patchScript = createScript(redis, PATCH_ITEM);

  async function getMany(team: string, ids: string[]): Promise<Item[]> {
    if (ids.length === 0) return [];
    const raws = await redis.mget(ids.map((id) => keys.item(team, id)));
    return raws.filter((raw): raw is string => raw !== null).map((raw) => JSON.parse(raw) as Item);
  }

  async function patch(team: string, id: string, changes: Record<string, unknown>): Promise<Item | undefined> {
    const raw = (await patchScript([keys.item(team, id), openPrefix(team)], [JSON.stringify(changes)])) as string | null;
    return raw ? (JSON.parse(raw) as Item) : undefined;
  }

  return {
    async add(item) {
      const sourceKey = item.ts ? keys.itemBySource(item.team, item.channel, item.ts) : keys.item(item.team, item.id);
      const existing = (await addScript(
        [
          keys.item(item.team, item.id),
          item.digestChannel && item.status === 'open' ? keys.openItems(item.team, item.digestChannel) : keys.item(item.team, item.id),
          keys.userItems(item.team, item.author),
          sourceKey,
        ],
        [JSON.stringify(item), item.digestChannel && item.status === 'open' ? '1' : '', String(item.createdAt), item.id],
      )) as string | null;
      return existing === null ? { item, created: true } : { item: JSON.parse(existing) as Item, created: false };
    },
    async get(team, id) {
      const raw = await redis.get(keys.item(team, id));
      return raw ? (JSON.parse(raw) as Item) : undefined;
    },
    async findBySource(team, channel, ts) {
      const id = await redis.get(keys.itemBySource(team, channel, ts));
      return id ? this.get(team, id) : undefined;
    },
    async update(team, id, changes) {
      return patch(team, id, { ...changes, team, id });
    },
    async setStatus(team, id, status: ItemStatus, at) {
      return patch(team, id, { status, updatedAt: at, doneAt: status === 'open' ? null : at });
    },
    async listOpen(team, digestChannel) {
      const ids = await redis.zrange(keys.openItems(team, digestChannel), '0', '-1');
      return (await getMany(team, ids)).filter((item) => item.status === 'open');
    },
    async listByUser(team, user) {
      const ids = await redis.zrange(keys.userItems(team, user), '0', '199', 'REV');
      return getMany(team, ids);
    },
    async remove(team, id) {
      const item = await this.get(team, id);
      if (!item) return false;
      const multi = redis.multi().del(keys.item(team, id)).zrem(keys.userItems(team, item.author), id);
      if (item.digestChannel) multi.zrem(keys.openItems(team, item.digestChannel), id);
      if (item.ts) multi.del(keys.itemBySource(team, item.channel, item.ts));
      await multi.exec();
      return true;
    },
  };
}
