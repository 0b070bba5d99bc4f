import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Content-addressed file store: a file lives at `<root>/<aa>/<sha256>`. Identical content is
 * stored once, whoever uploads it. Writes go to a temp file first and are renamed into place,
 * so a crash never leaves a half-written blob under its final name.
 */
export class BlobStore {
  constructor(readonly root: string) {}

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  /** Stores the bytes unless already present; returns their hash and whether they were new. */
  async put(bytes: Uint8Array): Promise<{ sha256: string; created: boolean }> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    if (await this.has(sha256)) return { sha256, created: false };
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true, mode: 0o700 });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, bytes, { flag: 'wx', mode: 0o600 });
      await rename(temp, target);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return { sha256, created: true };
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await stat(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  /** Whether the stored bytes still hash to their name; false when altered or missing. */
  async matches(sha256: string): Promise<boolean> {
    try {
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(this.pathOf(sha256))) hash.update(chunk as Buffer);
      return hash.digest('hex') === sha256;
    } catch {
      return false;
    }
  }

  /** The bytes, only if they still hash to their name; read once, so what is checked is what is served. */
  async readVerified(sha256: string): Promise<Buffer | undefined> {
    try {
      const bytes = await readFile(this.pathOf(sha256));
      return createHash('sha256').update(bytes).digest('hex') === sha256 ? bytes : undefined;
    } catch {
      return undefined;
    }
  }
}
