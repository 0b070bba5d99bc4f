import { AppError } from '../../domain/shared/app-error.js';

/** Cursors are opaque to clients: base64url of the last key seen. */
export function encodeCursor(key: string | number): string {
  return Buffer.from(JSON.stringify({ k: key })).toString('base64url');
}

export function decodeCursor<T extends string | number>(cursor: string | undefined, kind: 'string' | 'number'): T | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k?: unknown };
    if (typeof parsed.k === kind) return parsed.k as T;
  } catch {
    // fall through to the error below
  }
  throw AppError.invalidField('cursor', 'is not a cursor this list issued');
}

/** Builds a page from `limit + 1` fetched rows: the extra row only says another page exists. */
export function toPage<Row, Out>(rows: Row[], limit: number, keyOf: (row: Row) => string | number, present: (row: Row) => Out) {
  const hasMore = rows.length > limit;
  const pageRows = hasMore ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(present),
    nextCursor: hasMore && last !== undefined ? encodeCursor(keyOf(last)) : null,
  };
}
