import { AppError } from '../domain/shared/app-error.js';
import { isUniqueViolation } from './constraint-errors.js';
import type { Conn } from './database.js';

/**
 * Runs `work` in one database transaction: everything it writes, trail event included, commits
 * together or not at all. A unique violation that slipped past the use case's own checks (a race)
 * becomes a CONFLICT instead of a 500.
 */
export async function inTransaction<T>(conn: Conn, work: (tx: Conn) => Promise<T>): Promise<T> {
  try {
    return await conn.kysely.transaction().execute((trx) => work({ kysely: trx, dialect: conn.dialect }));
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError('CONFLICT', 'a record with the same unique value already exists', {});
    }
    throw error;
  }
}
