import type { Logger } from 'pino';
import type { Role } from '../../domain/access/roles.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { Db } from '../../storage/database.js';
import type { LoginThrottle } from '../identity/login-throttle.js';
import type { JobQueue } from './job-queue.js';
import type { Metrics } from './metrics.js';
import type { RateLimiter } from './rate-limiter.js';

/** What every use case is given: the database, the clock, the blob store and the settings it needs. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  blobs: BlobStore;
  logger: Logger;
  settings: AppSettings;
  loginThrottle: LoginThrottle;
  /** Limits calls to intake endpoints (evidence upload, later monitoring data) per caller. */
  intakeLimiter: RateLimiter;
  /** Sends background jobs; `aims worker` and `aims serve` also run them (ADR 0020). */
  jobs: JobQueue;
  metrics: Metrics;
}

export interface AppSettings {
  maxUploadBytes: number;
  sessionTtlMs: number;
  /** scrypt cost override; only tests lower it. */
  passwordHashCost?: { N: number };
  /** Encrypts stored secrets (SSO client secrets); absent means none can be stored. */
  secretsKey?: string | undefined;
  /** Where people reach the server, for SSO redirects; absent means the request's own origin. */
  publicUrl?: string | undefined;
  /** Body limit of prediction-log and label ingestion; absent means 200 MiB. */
  maxIngestBytes?: number | undefined;
}

/** Who is acting, in which organization, with which role. Built by authentication, never by a client. */
export interface Actor {
  type: 'user' | 'token' | 'system';
  organizationId: string;
  userId: string | null;
  tokenId: string | null;
  role: Role;
  /** How the trail names the actor: an email, or a token's name and owner. */
  label: string;
}
