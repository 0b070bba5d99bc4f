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
  /** PostgreSQL pool size per process (AIMS_DB_POOL_SIZE). */
  dbPoolSize: number;
  jobs: JobsConfig;
  /** How long SIGTERM waits for in-flight requests and jobs (AIMS_SHUTDOWN_TIMEOUT_SECONDS). */
  shutdownTimeoutMs: number;
  /** Requests per minute per caller on intake endpoints, e.g. evidence upload (AIMS_INTAKE_RATE_LIMIT). */
  intakeRateLimitPerMinute: number;
  /** 32-byte key (base64 or hex) that encrypts stored secrets such as SSO client secrets (AIMS_SECRETS_KEY). */
  secretsKey: string | undefined;
  /** The URL people reach OpenAIMS at, behind any proxy; SSO redirects come back here (AIMS_PUBLIC_URL). */
  publicUrl: string | undefined;
}

/** Background jobs (ADR 0020). */
export interface JobsConfig {
  /** `aims serve` also runs jobs unless AIMS_JOBS=off (or --no-jobs); `aims worker` always does. */
  runInServe: boolean;
  /** AIMS_JOB_SCHEDULES: "name=cron;name=off" overrides of the built-in schedules. */
  schedules: string | undefined;
  pollMs: number;
  concurrency: number;
  /** pg-boss maintenance: how soon a job whose worker died is retried, at the latest (AIMS_JOB_MAINTENANCE_SECONDS). */
  maintenanceSeconds: number;
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

function onOff(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (['on', 'true', '1'].includes(value)) return true;
  if (['off', 'false', '0'].includes(value)) return false;
  throw AppError.invalidField(name, `must be on or off, got "${value}"`);
}

function publicUrlFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw AppError.invalidField('AIMS_PUBLIC_URL', `must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw AppError.invalidField('AIMS_PUBLIC_URL', `must be an http(s) URL, got "${value}"`);
  return url.toString().replace(/\/$/, '');
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
    dbPoolSize: intFrom('AIMS_DB_POOL_SIZE', env.AIMS_DB_POOL_SIZE, 10, 1, 200),
    jobs: {
      runInServe: onOff('AIMS_JOBS', env.AIMS_JOBS, true),
      schedules: env.AIMS_JOB_SCHEDULES || undefined,
      pollMs: intFrom('AIMS_JOB_POLL_MS', env.AIMS_JOB_POLL_MS, 1000, 100, 60_000),
      concurrency: intFrom('AIMS_JOB_CONCURRENCY', env.AIMS_JOB_CONCURRENCY, 2, 1, 32),
      maintenanceSeconds: intFrom('AIMS_JOB_MAINTENANCE_SECONDS', env.AIMS_JOB_MAINTENANCE_SECONDS, 60, 1, 3600),
    },
    shutdownTimeoutMs: intFrom('AIMS_SHUTDOWN_TIMEOUT_SECONDS', env.AIMS_SHUTDOWN_TIMEOUT_SECONDS, 25, 1, 3600) * 1000,
    intakeRateLimitPerMinute: intFrom('AIMS_INTAKE_RATE_LIMIT', env.AIMS_INTAKE_RATE_LIMIT, 120, 1, 1_000_000),
    secretsKey: env.AIMS_SECRETS_KEY || undefined,
    publicUrl: publicUrlFrom(env.AIMS_PUBLIC_URL),
  };
}
