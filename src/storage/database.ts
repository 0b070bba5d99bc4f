import { chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, type SqliteDriver, type DatabaseConnection, type Dialect, type Driver, type TransactionSettings } from 'kysely';
import { AppError } from '../domain/shared/app-error.js';
import pg from 'pg';
import type { Database } from './schema.js';
import { retainUntilExit } from './native-handles.js';
import { withStatementCache } from './sqlite-statement-cache.js';

export type DialectName = 'sqlite' | 'postgres';

/** What repositories query through: Kysely (or a transaction) plus the dialect, for the few places that differ. */
export interface Conn {
  kysely: Kysely<Database>;
  dialect: DialectName;
}

/** An open database: a connection that can also be closed. */
export interface Db extends Conn {
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** postgres://… selects PostgreSQL; otherwise SQLite at `<dataDir>/aims.db`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  poolSize?: number;
}

/** Opens the configured database: SQLite by default, PostgreSQL when a postgres URL is given. */
export function openDatabase(options: DatabaseOptions): Db {
  if (options.databaseUrl) {
    if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
      throw AppError.invalidField('DATABASE_URL', 'must start with postgres:// or postgresql://; leave it unset to use SQLite in AIMS_DATA_DIR');
    }
    return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  }
  // The data holds password and token hashes and evidence: owner-only, whatever the umask.
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  return openSqlite(join(options.dataDir, 'aims.db'));
}

/** SQLite with WAL (readers never block the writer) and foreign keys enforced. */
export function openSqlite(file: string): Db {
  const sqlite = retainUntilExit(new BetterSqlite3(file));
  chmodSync(file, 0o600);
  // exec, not pragma(): pragma() prepares a statement object that the garbage collector would later finalize.
  sqlite.exec('PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000; PRAGMA synchronous = NORMAL;');
  return fromDialect(new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }), 'sqlite');
}

/**
 * Write transactions start with BEGIN IMMEDIATE: they take SQLite's write lock up front and wait
 * (busy_timeout) for it, instead of failing with SQLITE_BUSY when a read turns into a write while
 * another process (the CLI beside the server) writes. Read-only transactions stay deferred.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  override createDriver(): Driver {
    const driver: Driver = super.createDriver() as SqliteDriver;
    driver.beginTransaction = async (connection: DatabaseConnection, settings: TransactionSettings) => {
      await connection.executeQuery(CompiledQuery.raw(settings.accessMode === 'read only' ? 'begin' : 'begin immediate'));
    };
    return driver;
  }
}

// pg returns int8 (count(*), bigint) as strings; our integers fit in a double.
pg.types.setTypeParser(20, (value: string) => Number(value));

export function openPostgres(connectionString: string, poolSize: number): Db {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle connection the server ends (restart, failover, admin command) is dropped by the pool and
  // replaced on the next query; without a listener its 'error' event would crash the process.
  pool.on('error', () => {});
  return fromDialect(new PostgresDialect({ pool }), 'postgres');
}

export function fromDialect(dialect: Dialect, name: DialectName): Db {
  const kysely = new Kysely<Database>({ dialect });
  return { kysely, dialect: name, close: () => kysely.destroy() };
}

export { retainUntilExit };

/**
 * Fails fast, naming DATABASE_URL, when the PostgreSQL server cannot be used: nothing listening,
 * unknown host, wrong password, missing database. The message repeats the URL without its password.
 */
export async function assertDatabaseReachable(db: Db, databaseUrl: string | undefined): Promise<void> {
  if (db.dialect !== 'postgres' || !databaseUrl) return;
  try {
    await db.kysely.executeQuery(CompiledQuery.raw('select 1'));
  } catch (error) {
    throw describeConnectionError(error, databaseUrl);
  }
}

function describeConnectionError(error: unknown, databaseUrl: string): AppError {
  let where = '(an unparsable URL)';
  let user = '';
  let database = '';
  try {
    const url = new URL(databaseUrl);
    user = decodeURIComponent(url.username);
    database = decodeURIComponent(url.pathname.slice(1));
    url.password = url.password ? '***' : '';
    where = url.toString();
  } catch {
    // keep the placeholder: never echo a URL we could not take apart, it may hold a password
  }
  const code = (error as { code?: string }).code;
  const reasons: Record<string, string> = {
    ECONNREFUSED: 'nothing accepts connections at that host and port; is PostgreSQL running there?',
    ENOTFOUND: 'the host name does not resolve',
    EAI_AGAIN: 'the host name could not be resolved right now',
    ETIMEDOUT: 'the connection timed out',
    '28P01': `password authentication failed for user "${user}"`,
    '28000': `the server refused user "${user}" (pg_hba.conf)`,
    '3D000': `database "${database}" does not exist; create it first (createdb ${database})`,
    '57P03': 'the server is starting up or shutting down; try again',
  };
  const reason = (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
  return new AppError('VALIDATION_FAILED', `DATABASE_URL: cannot use PostgreSQL at ${where}: ${reason}`, { fields: [{ field: 'DATABASE_URL', reason }] });
}
