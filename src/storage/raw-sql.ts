import { CompiledQuery } from 'kysely';
import type { Conn } from './database.js';

/** Runs SQL text on a connection or transaction; lets a library that speaks SQL (pg-boss) write inside our transaction. */
export async function executeRawSql(conn: Conn, text: string, values: readonly unknown[]): Promise<{ rows: unknown[] }> {
  const result = await conn.kysely.executeQuery(CompiledQuery.raw(text, [...values]));
  return { rows: result.rows as unknown[] };
}
