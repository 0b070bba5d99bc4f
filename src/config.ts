import { resolve } from 'node:path';
import { AppError } from './domain/shared/app-error.js';

/** Everything OpenAIMS reads from its environment. The only module that touches process.env. */
export interface Config {
  dataDir: string;
  databaseUrl: string | undefined;
  port: number;
  host: string;
  maxUploadBytes: number;
  sessionTtlMs: number;
  logLevel: string;
  /** Mark cookies Secure; on by default unless the server is only on loopback. */
  secureCookies: boolean | undefined;
}

const MIB = 1024 * 1024;

function intFrom(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw AppError.invalidField(name, `must be a whole number from ${min} to ${max}, got "${value}"`);
  }
  return n;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    dataDir: resolve(env.AIMS_DATA_DIR || './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    port: intFrom('PORT', env.PORT, 8080, 0, 65535),
    host: env.HOST || '127.0.0.1',
    maxUploadBytes: intFrom('AIMS_MAX_UPLOAD_MB', env.AIMS_MAX_UPLOAD_MB, 25, 1, 4096) * MIB,
    sessionTtlMs: intFrom('AIMS_SESSION_HOURS', env.AIMS_SESSION_HOURS, 12, 1, 24 * 30) * 3_600_000,
    logLevel: env.AIMS_LOG_LEVEL || 'info',
    secureCookies: env.AIMS_SECURE_COOKIES === undefined ? undefined : env.AIMS_SECURE_COOKIES === 'true',
  };
}
