import { canonicalJson } from '../../domain/trail/canonical-json.js';
import { hashTrailEvent, type TrailEvent } from '../../domain/trail/trail-chain.js';
import { AppError } from '../../domain/shared/app-error.js';
import type { Conn } from '../../storage/database.js';
import { insertTrailEvent, lockTrailHead, updateTrailHead } from '../../storage/repositories/trail.repository.js';
import type { Actor, AppDeps } from '../shared/context.js';
import { newId } from '../shared/ids.js';
import { sha256Hex } from '../shared/secrets.js';

export interface TrailChange {
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/**
 * Appends one event to the organization's hash chain. Call it with the transaction that makes
 * the change, so the change and its event commit together (design principle 3).
 */
export async function appendTrailEvent(tx: Conn, deps: Pick<AppDeps, 'clock'>, actor: Actor, change: TrailChange): Promise<TrailEvent> {
  const head = await lockTrailHead(tx, actor.organizationId);
  if (!head) throw new AppError('INTERNAL', `organization ${actor.organizationId} has no trail head`);
  const now = deps.clock.now();
  // Round-trip through JSON so the hashed form equals what is stored and read back.
  const before = change.before === undefined ? null : (JSON.parse(canonicalJson(change.before)) as unknown);
  const after = change.after === undefined ? null : (JSON.parse(canonicalJson(change.after)) as unknown);
  const body = {
    organizationId: actor.organizationId,
    seq: head.seq + 1,
    id: newId(now),
    actorType: actor.type,
    actorId: actor.userId,
    actorLabel: actor.label,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before,
    after,
    at: now.toISOString(),
    prevHash: head.hash,
  };
  const hash = hashTrailEvent(body, sha256Hex);
  await insertTrailEvent(tx, {
    organization_id: body.organizationId,
    seq: body.seq,
    id: body.id,
    actor_type: body.actorType,
    actor_id: body.actorId,
    actor_label: body.actorLabel,
    action: body.action,
    entity_type: body.entityType,
    entity_id: body.entityId,
    before_json: canonicalJson(before),
    after_json: canonicalJson(after),
    at: body.at,
    prev_hash: body.prevHash,
    hash,
  });
  await updateTrailHead(tx, { organization_id: actor.organizationId, seq: body.seq, hash });
  return { ...body, hash };
}
