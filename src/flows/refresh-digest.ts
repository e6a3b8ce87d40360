import { jobId } from '../queue/queues';
import type { Deps } from '../deps';

/**
 * Asks the digest worker to update an already-posted digest in place. Requests within a second collapse into
 * one job (same id while it waits), so ten quick Done clicks make one round of chat.update calls.
 */
export async function requestDigestRefresh(deps: Deps, team: string, channel: string, digestId: string): Promise<void> {
  await deps.queues.digest.add(
    'refresh',
    { team, channel, digestId },
    { jobId: jobId('refresh', team, channel, digestId, Math.floor(deps.now() / 1000)), delay: 1000 },
  );
}
