import { canonicalJson } from './canonical-json.js';

/** The hash that stands before an organization's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of a trail event that its hash covers, i.e. everything but the hash itself. */
export interface TrailEventBody {
  organizationId: string;
  seq: number;
  id: string;
  actorType: string;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: string;
  prevHash: string;
}

export interface TrailEvent extends TrailEventBody {
  hash: string;
}

export type Sha256Hex = (text: string) => string;

/** The event's own hash: sha256 over the canonical JSON of its body, previous hash included. */
export function hashTrailEvent(body: TrailEventBody, sha256: Sha256Hex): string {
  return sha256(canonicalJson(body));
}

export type ChainBreakReason = 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'head_mismatch';

export interface ChainBreak {
  organizationId: string;
  seq: number;
  eventId: string | null;
  reason: ChainBreakReason;
  message: string;
}

/**
 * Walks one organization's events in order and reports the first break. Keeps only the
 * previous event, so it can be fed in pages (pass `state` from one page to the next).
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  checked = 0;

  constructor(
    readonly organizationId: string,
    private readonly sha256: Sha256Hex,
  ) {}

  /** Returns the break at this event, or undefined when it links correctly. */
  next(event: TrailEvent): ChainBreak | undefined {
    const at = (reason: ChainBreakReason, message: string): ChainBreak => ({
      organizationId: this.organizationId,
      seq: event.seq,
      eventId: event.id,
      reason,
      message,
    });
    if (event.seq !== this.expectedSeq) {
      return at('sequence_gap', `expected event #${this.expectedSeq} but found #${event.seq}: events were deleted or reordered`);
    }
    if (event.prevHash !== this.prevHash) {
      return at('prev_hash_mismatch', `event #${event.seq} does not link to the event before it`);
    }
    const { hash, ...body } = event;
    if (hashTrailEvent(body, this.sha256) !== hash) {
      return at('hash_mismatch', `event #${event.seq} was altered after it was written`);
    }
    this.expectedSeq += 1;
    this.prevHash = hash;
    this.checked += 1;
    return undefined;
  }

  /** Compares the end of the walk with the recorded head, which catches deleted trailing events. */
  finish(head: { seq: number; hash: string } | undefined): ChainBreak | undefined {
    const lastSeq = this.expectedSeq - 1;
    if (!head) {
      return lastSeq === 0
        ? undefined
        : { organizationId: this.organizationId, seq: lastSeq, eventId: null, reason: 'head_mismatch', message: 'events exist but the chain head is missing' };
    }
    if (head.seq !== lastSeq || head.hash !== this.prevHash) {
      return {
        organizationId: this.organizationId,
        seq: lastSeq + 1,
        eventId: null,
        reason: 'head_mismatch',
        message: `the chain head records event #${head.seq} but the trail ends at #${lastSeq}: events after #${lastSeq} were deleted or altered`,
      };
    }
    return undefined;
  }
}
