import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { AppDeps } from '../app/shared/context.js';
import { AppError } from '../domain/shared/app-error.js';
import { loadConfig, type Config } from '../config.js';
import { composeApp } from '../main.js';
import type { CliIo } from './cli-io.js';

export interface SessionOptions {
  migrate?: boolean;
  /** For checks and exports: refuse to run on a database that does not exist yet, rather than create an empty one and report it clean. */
  existing?: boolean;
}

/** Opens the configured database for one local command and always closes it. */
export async function withApp<T>(io: CliIo, work: (deps: AppDeps, config: Config) => Promise<T>, options: SessionOptions = {}): Promise<T> {
  const config = loadConfig({ AIMS_LOG_LEVEL: 'warn', ...io.env });
  if (options.existing && !config.databaseUrl && !existsSync(join(config.dataDir, 'aims.db'))) {
    throw AppError.invalidField('AIMS_DATA_DIR', `there is no OpenAIMS database at ${join(config.dataDir, 'aims.db')}; point AIMS_DATA_DIR (or DATABASE_URL) at the installation`);
  }
  const deps = await composeApp(config, { migrate: options.existing ? false : (options.migrate ?? true) });
  try {
    return await work(deps, config);
  } finally {
    // A command that sent a job has a queue connection open (pg-boss) that would keep the process alive.
    await deps.jobs.stop(5000);
    await deps.db.close();
  }
}
