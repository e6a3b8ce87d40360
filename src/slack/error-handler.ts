import type { ExtendedErrorHandlerArgs } from '@slack/bolt/dist/App';
import { errorCode } from '../core/errors';
import type { Deps } from '../deps';

/**
 * Bolt's single error sink. Listeners answer users themselves; this logs with ids and, for an interaction
 * that never got an answer, lets Bolt's receiver reply with a bare status (never a stack trace).
 */
export function errorHandler(deps: Deps) {
  return async ({ error, body }: ExtendedErrorHandlerArgs): Promise<void> => {
    const b = (body ?? {}) as { team_id?: string; team?: { id?: string }; type?: string; command?: string };
    deps.metrics.errors.inc({ code: errorCode(error) ?? (error as { code?: string }).code ?? 'unexpected' });
    deps.logger.error({ err: error.original ?? error, team: b.team_id ?? b.team?.id, kind: b.type ?? b.command }, 'unhandled listener error');
  };
}
