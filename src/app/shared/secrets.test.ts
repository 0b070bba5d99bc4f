import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './secrets.js';
import { newId } from './ids.js';
import { decodeCursor, encodeCursor, toPage } from './cursor.js';

describe('password hashing', () => {
  it('stores scrypt with the production cost by default and verifies only the right password', async () => {
    const stored = await hashPassword('a long enough password');
    expect(stored).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await verifyPassword('a long enough password', stored)).toBe(true);
    expect(await verifyPassword('a long enough passworD', stored)).toBe(false);
  });
  it('salts: the same password hashes differently twice', async () => {
    expect(await hashPassword('same password!!', { N: 1024 })).not.toBe(await hashPassword('same password!!', { N: 1024 }));
  });
  it('rejects a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'md5$abc')).toBe(false);
  });
});

describe('ids', () => {
  it('are UUIDv7 and sort by creation time', () => {
    const a = newId(new Date('2026-01-01T00:00:00Z'));
    const b = newId(new Date('2026-01-01T00:00:00.001Z'));
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });
});

describe('cursor pages', () => {
  it('round-trips a cursor and refuses a forged one by naming the field', () => {
    expect(decodeCursor<string>(encodeCursor('abc'), 'string')).toBe('abc');
    expect(() => decodeCursor('not-a-cursor', 'string')).toThrow(/cursor/);
    expect(() => decodeCursor(encodeCursor(5), 'string')).toThrow(/cursor/);
  });
  it('uses the extra row only to say another page exists', () => {
    const page = toPage([1, 2, 3], 2, (n) => n, (n) => n * 10);
    expect(page.items).toEqual([10, 20]);
    expect(decodeCursor<number>(page.nextCursor!, 'number')).toBe(2);
    expect(toPage([1, 2], 2, (n) => n, (n) => n).nextCursor).toBeNull();
  });
});
