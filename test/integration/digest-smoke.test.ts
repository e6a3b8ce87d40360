import { postDigest } from '../../src/flows/digest/post-digest';
import { addItems, OPS, posted, startDigestWorld, TEAM, type DigestWorld } from './digest-harness';

let world: DigestWorld;
beforeAll(async () => { world = await startDigestWorld(); });
afterAll(() => world.stop());

test('smoke', async () => {
  await addItems(world.deps, 6, 'a', Date.now());
  const out = await postDigest(world.deps, { team: TEAM, channel: OPS, digestId: 'smoke', reason: 'now' }, { intervalMs: 0 });
  console.log(JSON.stringify(out));
  console.log(JSON.stringify(posted(world.slack).map((m) => [m.slot, m.itemIds, m.text])));
  console.log(world.slack.violations, world.slack.warnings);
  console.log(JSON.stringify(posted(world.slack)[0]!.blocks, null, 1));
});
