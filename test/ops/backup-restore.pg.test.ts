import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createBackup } from '../../src/app/backup/create-backup.js';
import { restoreBackup } from '../../src/app/backup/restore-backup.js';
import { uploadEvidence } from '../../src/app/evidence/upload-evidence.js';
import { initializeOrganization } from '../../src/app/identity/initialize-organization.js';
import type { Actor, AppDeps } from '../../src/app/shared/context.js';
import { configureSso } from '../../src/app/sso/configure-sso.js';
import { verifyTrail } from '../../src/app/trail/verify-trail.js';
import { loadConfig } from '../../src/config.js';
import { composeApp } from '../../src/main.js';
import { createPgDatabase, PG_SKIP_REASON, PG_URL } from './pg-support.js';

/** `aims backup` / `aims restore` on PostgreSQL: a backup taken from one server database restores into another and verifies. */
describe.skipIf(!PG_URL)(`backup and restore on a real PostgreSQL server${PG_URL ? '' : ` (${PG_SKIP_REASON})`}`, () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  async function open(): Promise<{ deps: AppDeps; dir: string; query: (sql: string) => Promise<Record<string, unknown>[]> }> {
    const database = await createPgDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'aims-pg-backup-'));
    const deps = await composeApp(loadConfig({ DATABASE_URL: database.url, AIMS_DATA_DIR: dir, AIMS_LOG_LEVEL: 'silent' }));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }), () => database.dispose(), () => deps.db.close());
    return { deps, dir, query: (sql) => database.query(sql) };
  }

  it('restores a PostgreSQL backup into an empty PostgreSQL database that then passes trail verify, files included', async () => {
    const source = await open();
    const { organization, admin } = await initializeOrganization(source.deps, { organizationName: 'Backed Up Ltd', adminEmail: 'admin@backup.example', adminName: 'Admin', adminPassword: 'a long admin password' });
    const actor: Actor = { type: 'user', organizationId: organization.id, userId: admin.id, tokenId: null, role: 'admin', label: admin.email };
    await uploadEvidence(source.deps, actor, { title: 'Policy', kind: 'document' }, { bytes: new TextEncoder().encode('the AI policy'), fileName: 'policy.txt', mediaType: 'text/plain' });
    await configureSso(source.deps, actor, { issuer: 'https://idp.example.com', clientId: 'aims', scopes: ['openid'], roleClaim: null, roleMap: {}, defaultRole: 'contributor', enabled: true, localLoginDisabled: false });
    const file = join(source.dir, 'backup.jsonl');
    const backup = await createBackup(source.deps, file);
    expect(backup.blobs).toBe(1);
    expect(backup.rows.sso_settings).toBe(1);

    const target = await open();
    const restored = await restoreBackup(target.deps, file);
    for (const table of ['organizations', 'users', 'memberships', 'trail_events', 'evidence_items', 'sso_settings']) expect(restored.rows[table], table).toBe(backup.rows[table]);
    const verified = await verifyTrail(target.deps.db, { blobs: target.deps.blobs });
    expect(verified).toMatchObject({ ok: true, organizations: 1, files: { checked: 1, firstMismatch: null } });
    expect((await target.query('select name from organizations'))[0]).toEqual({ name: 'Backed Up Ltd' });
    // A second restore into the now non-empty database is refused, and changes nothing.
    await expect(restoreBackup(target.deps, file)).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
  }, 120_000);
});
