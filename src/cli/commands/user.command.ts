import type { Command } from 'commander';
import { addUser } from '../../app/identity/add-user.js';
import { AddUserInputSchema } from '../../contracts/identity.contracts.js';
import { ROLES } from '../../domain/access/roles.js';
import { ADMIN_HELP, actAsAdmin } from '../admin-actor.js';
import { registerUserManagement } from './user-manage.command.js';
import { withApp } from '../app-session.js';
import { parseAsFlags, printResult, readSecret, type CliIo } from '../cli-io.js';

export function registerUser(program: Command, io: CliIo) {
  const user = program.command('user').description('people and their roles');
  registerUserManagement(user, io);
  user
    .command('add')
    .description('add a user to the organization with a role')
    .requiredOption('--email <email>', "the new user's email")
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')}`)
    .option('--name <name>', 'display name (default: the email)')
    .option('--access-expires-at <iso>', 'when the access ends (required for external_auditor), e.g. 2027-03-31T00:00:00Z')
    .option('--admin-email <email>', 'the admin acting (env AIMS_ADMIN_EMAIL)')
    .option('--org <id>', 'organization id, when the admin belongs to several')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', `\nThe new user's password is read from AIMS_USER_PASSWORD, or asked for on a terminal.${ADMIN_HELP}`)
    .action(async (options: { email: string; role: string; name?: string; accessExpiresAt?: string; adminEmail?: string; org?: string; json?: boolean }) => {
      const result = await withApp(io, async (deps) => {
        const admin = await actAsAdmin(io, deps, options);
        const password = await readSecret(io, 'AIMS_USER_PASSWORD', `Password for ${options.email}: `);
        const input = parseAsFlags(
          AddUserInputSchema,
          { email: options.email, displayName: options.name ?? options.email, password, role: options.role, accessExpiresAt: options.accessExpiresAt },
          { email: '--email', displayName: '--name', password: 'AIMS_USER_PASSWORD', role: '--role', accessExpiresAt: '--access-expires-at' },
        );
        return addUser(deps, admin, input);
      });
      printResult(io, Boolean(options.json), result, `Added ${result.email} as ${result.role}${result.accessExpiresAt ? ` until ${result.accessExpiresAt}` : ''} (${result.id}).`);
    });
}
