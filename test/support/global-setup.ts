import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { TestProject } from 'vitest/node';
import { fromDialect } from '../../src/storage/database.js';
import { migrateToLatest } from '../../src/storage/migrator.js';
import { PGliteDialect } from '../../src/storage/pglite-dialect.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
  }
}

/**
 * PGlite takes seconds to start. Start it once per run, migrate it, and save a snapshot of its
 * data directory; each test file then loads the snapshot (under a second) into its own instance.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'aims-pglite-'));
  const pglite = await PGlite.create();
  const db = fromDialect(new PGliteDialect(pglite), 'postgres');
  await migrateToLatest(db);
  const dump = await pglite.dumpDataDir('gzip');
  const file = join(dir, 'snapshot.tar.gz');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteSnapshot', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
