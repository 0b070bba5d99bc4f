import type { AppDeps } from '../app/shared/context.js';
import { loadConfig, type Config } from '../config.js';
import { composeApp } from '../main.js';
import type { CliIo } from './cli-io.js';

/** Opens the configured database for one local command and always closes it. */
export async function withApp<T>(io: CliIo, work: (deps: AppDeps, config: Config) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig({ AIMS_LOG_LEVEL: 'warn', ...io.env });
  const deps = await composeApp(config, { migrate: options.migrate ?? true });
  try {
    return await work(deps, config);
  } finally {
    await deps.db.close();
  }
}
