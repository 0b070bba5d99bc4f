import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { fromDialect, openPostgres, openSqlite, retainUntilExit, type Db } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrator.js';
import { withStatementCache } from '../../src/storage/sqlite-statement-cache.js';
import { PGliteDialect } from '../../src/storage/pglite-dialect.js';

export type TestDialect = 'sqlite' | 'pglite' | 'postgres';

/**
 * Which databases the storage and use-case suites run on. `npm test`: SQLite and PGlite.
 * CI adds a real PostgreSQL server with AIMS_TEST_DATABASE_URL and AIMS_TEST_DIALECTS=postgres.
 */
export const TEST_DIALECTS: TestDialect[] = (process.env.AIMS_TEST_DIALECTS ?? 'sqlite,pglite')
  .split(',')
  .map((d) => d.trim())
  .filter((d): d is TestDialect => d === 'sqlite' || d === 'pglite' || d === 'postgres');

export interface TestDatabase {
  db: Db;
  dataDir: string;
  /** Raw SQL against the same database, bypassing the app: for tamper tests. */
  raw(sql: string, params?: unknown[]): Promise<unknown[]>;
  dispose(): Promise<void>;
}

/** A fresh, migrated database of the given dialect, with its own data directory. */
export async function createTestDatabase(dialect: TestDialect): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `aims-test-${dialect}-`));
  const cleanDir = () => rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') {
    const db = openSqlite(join(dataDir, 'aims.db'));
    await migrateToLatest(db);
    const BetterSqlite3 = (await import('better-sqlite3')).default;
    const rawConn = retainUntilExit(new BetterSqlite3(join(dataDir, 'aims.db')));
    const rawStatements = withStatementCache(rawConn);
    return {
      db,
      dataDir,
      raw: async (sql, params = []) => {
        const statement = rawStatements.prepare(sql);
        return statement.reader ? statement.all(params) : (statement.run(params), []);
      },
      dispose: async () => {
        rawConn.close();
        await db.close();
        cleanDir();
      },
    };
  }
  if (dialect === 'pglite') {
    const snapshot = readFileSync(inject('pgliteSnapshot'));
    const pglite = await PGlite.create({ loadDataDir: new Blob([snapshot]) });
    const db = fromDialect(new PGliteDialect(pglite), 'postgres');
    return {
      db,
      dataDir,
      // Through the dialect's queue, so it never interleaves with a transaction in flight.
      raw: async (sql, params = []) => {
        const { sql: rawSql } = await import('kysely');
        const result = await rawSql.raw(toPositional(sql, params)).execute(db.kysely);
        return result.rows as unknown[];
      },
      dispose: async () => {
        await db.close();
        await pglite.close();
        cleanDir();
      },
    };
  }
  return createPostgresDatabase(dataDir, cleanDir);
}

async function createPostgresDatabase(dataDir: string, cleanDir: () => void): Promise<TestDatabase> {
  const baseUrl = process.env.AIMS_TEST_DATABASE_URL;
  if (!baseUrl) throw new Error('AIMS_TEST_DATABASE_URL must point at a PostgreSQL server for the postgres dialect');
  const name = `aims_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const db = openPostgres(url.toString(), 5);
  await migrateToLatest(db);
  const rawClient = new pg.Client({ connectionString: url.toString() });
  await rawClient.connect();
  return {
    db,
    dataDir,
    raw: async (sql, params = []) => (await rawClient.query(toDollar(sql), params)).rows,
    dispose: async () => {
      await rawClient.end();
      await db.close();
      const dropper = new pg.Client({ connectionString: baseUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
      cleanDir();
    },
  };
}

/** Tests write `?` placeholders; PostgreSQL wants $1, $2, … */
function toDollar(sql: string): string {
  let i = 0;
  return sql.replace(/\?/g, () => `$${++i}`);
}

/** PGlite's raw path here has no parameters: inline them as SQL literals (test input only). */
function toPositional(sql: string, params: unknown[]): string {
  let i = 0;
  return sql.replace(/\?/g, () => {
    const value = params[i++];
    if (value === null || value === undefined) return 'null';
    if (typeof value === 'number') return String(value);
    return `'${String(value).replace(/'/g, "''")}'`;
  });
}
