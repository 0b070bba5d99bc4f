import type { TrailEventOutput } from '../../contracts/trail.contracts.js';
import type { TrailEvent } from '../../domain/trail/trail-chain.js';
import type { TrailEventsTable } from '../../storage/schema.js';

/** A stored row as the domain sees it; the hash covers exactly these fields. */
export function trailEventFromRow(row: TrailEventsTable): TrailEvent {
  return {
    organizationId: row.organization_id,
    seq: Number(row.seq),
    id: row.id,
    actorType: row.actor_type,
    actorId: row.actor_id,
    actorLabel: row.actor_label,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    before: JSON.parse(row.before_json) as unknown,
    after: JSON.parse(row.after_json) as unknown,
    at: row.at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export function presentTrailEvent(row: TrailEventsTable): TrailEventOutput {
  const event = trailEventFromRow(row);
  return { ...event, actorType: event.actorType as TrailEventOutput['actorType'] };
}
