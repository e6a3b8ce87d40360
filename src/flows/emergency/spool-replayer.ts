import type { Deps } from '../../deps';
import { replaySpool } from './replay-spool';

const EVERY_MS = 5_000;

/** Replays journalled emergencies now and every few seconds; quiet while Redis is still away. */
export function startSpoolReplay(deps: Deps): NodeJS.Timeout {
  let running = false;
  const tick = () => {
    if (running || deps.spool.list().length === 0) return;
    running = true;
    replaySpool(deps)
      .then((n) => n && deps.logger.info({ recorded: n }, 'recorded emergencies declared while Redis was away'))
      .catch((err: unknown) => deps.logger.debug({ err }, 'spool replay waiting for Redis'))
      .finally(() => {
        running = false;
      });
  };
  tick();
  const timer = setInterval(tick, EVERY_MS);
  timer.unref();
  return timer;
}
