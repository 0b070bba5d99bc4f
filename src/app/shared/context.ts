import type { Logger } from 'pino';
import type { Role } from '../../domain/access/roles.js';
import type { Clock } from '../../domain/shared/clock.js';
import type { BlobStore } from '../../storage/blob-store.js';
import type { Db } from '../../storage/database.js';
import type { LoginThrottle } from '../identity/login-throttle.js';

/** What every use case is given: the database, the clock, the blob store and the settings it needs. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  blobs: BlobStore;
  logger: Logger;
  settings: AppSettings;
  loginThrottle: LoginThrottle;
}

export interface AppSettings {
  maxUploadBytes: number;
  sessionTtlMs: number;
  /** scrypt cost override; only tests lower it. */
  passwordHashCost?: { N: number };
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
