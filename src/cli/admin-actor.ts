import { verifyCredentials } from '../app/identity/log-in.js';
import type { Actor, AppDeps } from '../app/shared/context.js';
import { EmailSchema } from '../contracts/common.contracts.js';
import { parseWith } from '../contracts/parse.js';
import { readSecret, type CliIo } from './cli-io.js';

export interface AdminOptions {
  adminEmail?: string;
  org?: string;
}

/**
 * Local commands that change people or tokens act as a named admin, who proves it with their
 * password: having the database file is not a licence to mint admins, and the trail names who did it.
 */
export async function actAsAdmin(io: CliIo, deps: AppDeps, options: AdminOptions): Promise<Actor> {
  const email = parseWith(EmailSchema, options.adminEmail ?? io.env.AIMS_ADMIN_EMAIL, 'admin-email (or AIMS_ADMIN_EMAIL)');
  const password = await readSecret(io, 'AIMS_ADMIN_PASSWORD', `Password for ${email}: `);
  const { actor } = await verifyCredentials(deps, { email, password, organizationId: options.org });
  return { ...actor, label: `${actor.label} (cli)` };
}

export const ADMIN_HELP = '\nActs as the admin given by --admin-email (or AIMS_ADMIN_EMAIL), whose password is read from AIMS_ADMIN_PASSWORD or asked for on a terminal.';
