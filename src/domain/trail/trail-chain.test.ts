import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { ChainVerifier, GENESIS_HASH, hashTrailEvent, type TrailEvent } from './trail-chain.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function chain(n: number): TrailEvent[] {
  const events: TrailEvent[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body = {
      organizationId: 'org', seq, id: `e${seq}`, actorType: 'user', actorId: 'u1', actorLabel: 'a@b.c',
      action: 'thing.changed', entityType: 'thing', entityId: `t${seq}`, before: null, after: { n: seq }, at: `2026-01-01T00:00:0${seq}.000Z`, prevHash,
    };
    const hash = hashTrailEvent(body, sha256);
    events.push({ ...body, hash });
    prevHash = hash;
  }
  return events;
}

function verify(events: TrailEvent[], head = { seq: events.length, hash: events[events.length - 1]?.hash ?? GENESIS_HASH }) {
  const verifier = new ChainVerifier('org', sha256);
  for (const event of events) {
    const broken = verifier.next(event);
    if (broken) return broken;
  }
  return verifier.finish(head);
}

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
  it('gives the same text for objects that differ only in key order', () => {
    expect(canonicalJson({ x: 1, y: 'two' })).toBe(canonicalJson({ y: 'two', x: 1 }));
  });
  it('refuses non-finite numbers, which JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/non-finite/);
  });
});

describe('ChainVerifier', () => {
  it('accepts an intact chain and counts its events', () => {
    const verifier = new ChainVerifier('org', sha256);
    for (const event of chain(5)) expect(verifier.next(event)).toBeUndefined();
    expect(verifier.checked).toBe(5);
  });

  it('names an edited event', () => {
    const events = chain(5);
    events[2] = { ...events[2]!, after: { n: 999 } };
    expect(verify(events)).toMatchObject({ seq: 3, eventId: 'e3', reason: 'hash_mismatch' });
  });

  it('names the event after a deleted one', () => {
    const events = chain(5);
    events.splice(1, 1);
    expect(verify(events)).toMatchObject({ seq: 3, reason: 'sequence_gap' });
  });

  it('names reordered events even when their sequence numbers are swapped too', () => {
    const events = chain(5);
    const [a, b] = [events[1]!, events[2]!];
    events[1] = { ...b, seq: 2 };
    events[2] = { ...a, seq: 3 };
    expect(verify(events)).toMatchObject({ seq: 2, reason: 'prev_hash_mismatch' });
  });

  it('catches a deleted last event through the head', () => {
    const events = chain(5);
    const head = { seq: 5, hash: events[4]!.hash };
    expect(verify(events.slice(0, 4), head)).toMatchObject({ seq: 5, reason: 'head_mismatch' });
  });

  it('catches a recomputed hash, since the next event still links to the old one', () => {
    const events = chain(5);
    const { hash: _old, ...body } = { ...events[1]!, after: { n: 42 } };
    events[1] = { ...body, hash: hashTrailEvent(body, sha256) };
    expect(verify(events)).toMatchObject({ seq: 3, reason: 'prev_hash_mismatch' });
  });

  it('accepts an empty chain with no head', () => {
    expect(new ChainVerifier('org', sha256).finish(undefined)).toBeUndefined();
  });
});
