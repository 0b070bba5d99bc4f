import type { Database as BetterSqlite } from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';
import { retainUntilExit } from './native-handles.js';

/**
 * Kysely's SQLite driver prepares every statement anew; compiling the SQL was about a quarter of
 * the CPU of a small write and an eighth of a list request (bench/). Our queries come from a fixed
 * set of builders, so the distinct SQL texts are few: keep every prepared statement. Never
 * dropping one also keeps clear of a better-sqlite3 12 crash on Node 24 (see native-handles.ts).
 */
export function withStatementCache(sqlite: BetterSqlite): SqliteDatabase {
  const cache = retainUntilExit(new Map<string, SqliteStatement>());
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => {
      let statement = cache.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql) as unknown as SqliteStatement;
        cache.set(sql, statement);
      }
      return statement;
    },
  };
}
