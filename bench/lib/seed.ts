import { addUser } from '../../src/app/identity/add-user.js';
import { createApiToken } from '../../src/app/identity/create-api-token.js';
import { initializeOrganization } from '../../src/app/identity/initialize-organization.js';
import type { Actor, AppDeps } from '../../src/app/shared/context.js';
import { loadConfig } from '../../src/config.js';
import { composeApp } from '../../src/main.js';

export const ADMIN_EMAIL = 'admin@bench.example';
const PASSWORD = 'bench password, not a secret';

/** The product's own composition root on SQLite in `dataDir`, logging off. */
export function openApp(dataDir: string): Promise<AppDeps> {
  return composeApp(loadConfig({ AIMS_DATA_DIR: dataDir, AIMS_LOG_LEVEL: 'silent' }));
}

/** `aims init` in-process: the first organization and its admin, returned as the actor use cases take. */
export async function initOrganization(deps: AppDeps): Promise<Actor> {
  const { organization, admin } = await initializeOrganization(deps, {
    organizationName: 'Bench Org',
    adminEmail: ADMIN_EMAIL,
    adminName: 'Bench Admin',
    adminPassword: PASSWORD,
  });
  return { type: 'user', organizationId: organization.id, userId: admin.id, tokenId: null, role: 'admin', label: ADMIN_EMAIL };
}

/** A read-only member (internal auditor) and an API token of theirs: what a reporting pipeline would hold. */
export async function createReaderToken(deps: AppDeps, admin: Actor): Promise<string> {
  const email = 'auditor@bench.example';
  await addUser(deps, admin, { email, displayName: 'Bench Auditor', password: PASSWORD, role: 'internal_auditor' });
  const created = await createApiToken(deps, admin, { email, name: 'bench-reader', role: 'internal_auditor' });
  return created.token;
}
