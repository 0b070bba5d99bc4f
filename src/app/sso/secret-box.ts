import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from '../../domain/shared/app-error.js';

/**
 * Encrypts stored secrets (an identity provider's client secret) with AES-256-GCM under
 * AIMS_SECRETS_KEY, so a copy of the database or a backup does not carry them in clear. Every
 * process of one installation needs the same key. Format: v1.<iv>.<tag>.<ciphertext>, base64url.
 */
export function encryptSecret(plain: string, key: string | undefined, field: string): string {
  const k = parseKey(key, field);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', k, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), data.toString('base64url')].join('.');
}

export function decryptSecret(stored: string, key: string | undefined): string {
  const k = parseKey(key, 'AIMS_SECRETS_KEY');
  const [version, iv, tag, data] = stored.split('.');
  if (version !== 'v1' || !iv || !tag || !data) throw new AppError('INTEGRITY_FAILED', 'a stored secret is not in a format this version reads');
  try {
    const decipher = createDecipheriv('aes-256-gcm', k, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new AppError('INTEGRITY_FAILED', 'a stored secret does not decrypt with AIMS_SECRETS_KEY: the key changed, or the value was altered');
  }
}

function parseKey(key: string | undefined, field: string): Buffer {
  if (!key) throw AppError.invalidField(field, 'cannot be stored: set AIMS_SECRETS_KEY (32 random bytes, base64 or hex) on every OpenAIMS process first');
  const bytes = /^[0-9a-f]{64}$/i.test(key) ? Buffer.from(key, 'hex') : Buffer.from(key, 'base64');
  if (bytes.length !== 32) throw AppError.invalidField('AIMS_SECRETS_KEY', 'must be 32 bytes, as 64 hex digits or base64 (e.g. openssl rand -base64 32)');
  return bytes;
}
