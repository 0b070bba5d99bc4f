import { AppError } from '../../domain/shared/app-error.js';
import { deleteRateLimitHits, insertRateLimitHit, listRecentHits, lockRateLimitKey } from '../../storage/repositories/rate-limit.repository.js';
import { inTransaction } from '../../storage/transaction.js';
import type { AppDeps } from './context.js';
import { newId } from './ids.js';
import { sha256Hex } from './secrets.js';

/**
 * A sliding-window limit kept in the database, so every server process counts together and a
 * restart forgets nothing (ADR 0021). `consume` counts an attempt or refuses it with RATE_LIMITED;
 * refused attempts are not counted, so the limit lifts when the oldest counted attempt leaves the
 * window. Keys are stored hashed: the table never holds the emails people typed.
 */
export class RateLimiter {
  constructor(
    readonly bucket: string,
    readonly limit: number,
    readonly windowMs: number,
    private readonly refusal: (retryAt: Date) => string,
  ) {}

  async consume(deps: Pick<AppDeps, 'db' | 'clock' | 'metrics'>, key: string): Promise<void> {
    const now = deps.clock.now();
    const keyHash = this.hash(key);
    await inTransaction(deps.db, async (tx) => {
      await lockRateLimitKey(tx, this.bucket, keyHash);
      const recent = await listRecentHits(tx, this.bucket, keyHash, new Date(now.getTime() - this.windowMs).toISOString(), this.limit);
      if (recent.length >= this.limit) {
        deps.metrics.rateLimited(this.bucket);
        const retryAt = new Date(new Date(recent[0]!.at).getTime() + this.windowMs);
        const retryAfterSeconds = Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 1000));
        throw new AppError('RATE_LIMITED', this.refusal(retryAt), { retryAt: retryAt.toISOString(), retryAfterSeconds });
      }
      await insertRateLimitHit(tx, { id: newId(now), bucket: this.bucket, key_hash: keyHash, at: now.toISOString() });
    });
  }

  /** Forgets the key's attempts (a correct password clears the failed ones). */
  async clear(deps: Pick<AppDeps, 'db'>, key: string): Promise<void> {
    await deleteRateLimitHits(deps.db, this.bucket, this.hash(key));
  }

  private hash(key: string): string {
    return sha256Hex(`${this.bucket}:${key}`);
  }
}
