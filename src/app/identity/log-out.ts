import { deleteSession } from '../../storage/repositories/session.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import { appendTrailEvent } from '../trail/append-trail-event.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { sha256Hex } from '../shared/secrets.js';

/** Ends the session behind this cookie secret. */
export async function logOut(deps: AppDeps, actor: Actor, sessionSecret: string): Promise<void> {
  await inTransaction(deps.db, async (tx) => {
    await deleteSession(tx, actor.organizationId, sha256Hex(sessionSecret));
    await appendTrailEvent(tx, deps, actor, { action: 'session.closed', entityType: 'user', entityId: actor.userId ?? actor.label, before: null, after: null });
  });
}
