import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../src/config.js';
import { startServer } from '../../../src/http/server.js';
import { composeApp } from '../../../src/main.js';
import { retainUntilExit } from '../../../src/storage/database.js';
import BetterSqlite3 from 'better-sqlite3';
import { WEB_DIST } from './paths.js';

export interface E2eServer {
  url: string;
  /** The one-time first-run code the server printed (undefined once set up). */
  setupCode: string | undefined;
  /** Runs SQL straight on the database, behind the application's back, as a tamperer would. */
  tamper(sql: string): void;
  stop(): Promise<void>;
}

/** A real OpenAIMS server on loopback, on a random port, over an empty SQLite data dir. */
export async function startE2eServer(): Promise<E2eServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'aims-e2e-data-'));
  const deps = await composeApp(loadConfig({ AIMS_DATA_DIR: dataDir, AIMS_LOG_LEVEL: 'silent' }));
  const server = await startServer(deps, { port: 0, host: '127.0.0.1', webRoot: WEB_DIST });
  return {
    url: server.url,
    get setupCode() {
      return server.setupCode;
    },
    tamper: (sql: string) => {
      const sqlite = retainUntilExit(new BetterSqlite3(join(dataDir, 'aims.db')));
      sqlite.exec(sql);
      sqlite.close();
    },
    stop: async () => {
      await server.close();
      await deps.db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
