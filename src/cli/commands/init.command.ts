import type { Command } from 'commander';
import { initializeOrganization } from '../../app/identity/initialize-organization.js';
import { EmailSchema, PasswordSchema, nameSchema } from '../../contracts/common.contracts.js';
import { parseWith } from '../../contracts/parse.js';
import { z } from 'zod';
import { withApp } from '../app-session.js';
import { printResult, readSecret, type CliIo } from '../cli-io.js';

// Keys are the flags' names, so an error names the flag to fix.
const InitOptionsSchema = z.object({ org: nameSchema(120), 'admin-email': EmailSchema, 'admin-name': nameSchema(120), AIMS_ADMIN_PASSWORD: PasswordSchema });

export function registerInit(program: Command, io: CliIo) {
  program
    .command('init')
    .description('create the first organization and its admin; refuses once an organization exists')
    .requiredOption('--org <name>', 'organization name')
    .requiredOption('--admin-email <email>', "the first admin's email")
    .option('--admin-name <name>', "the first admin's display name", 'Administrator')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nThe password is read from AIMS_ADMIN_PASSWORD, or asked for on a terminal (at least 12 characters).')
    .action(async (options: { org: string; adminEmail: string; adminName: string; json?: boolean }) => {
      const password = await readSecret(io, 'AIMS_ADMIN_PASSWORD', 'Admin password: ');
      const input = parseWith(InitOptionsSchema, { org: options.org, 'admin-email': options.adminEmail, 'admin-name': options.adminName, AIMS_ADMIN_PASSWORD: password }, 'options');
      const result = await withApp(io, (deps) =>
        initializeOrganization(deps, { organizationName: input.org, adminEmail: input['admin-email'], adminName: input['admin-name'], adminPassword: input.AIMS_ADMIN_PASSWORD }),
      );
      printResult(io, Boolean(options.json), result, `Created organization "${result.organization.name}" (${result.organization.id}) with admin ${result.admin.email}.\nStart the server with "aims serve" and log in.`);
    });
}
