import type { Command } from 'commander';
import { changeMemberAccess } from '../../app/identity/change-member-access.js';
import { getMemberByEmail } from '../../app/identity/find-member-by-email.js';
import { listUsers } from '../../app/identity/list-users.js';
import { removeMember } from '../../app/identity/remove-member.js';
import { UpdateUserInputSchema } from '../../contracts/identity.contracts.js';
import { ROLES } from '../../domain/access/roles.js';
import { ADMIN_HELP, actAsAdmin } from '../admin-actor.js';
import { withApp } from '../app-session.js';
import { parseAsFlags, printResult, type CliIo } from '../cli-io.js';

interface AdminFlags {
  adminEmail?: string;
  org?: string;
  json?: boolean;
}

function adminOptions(command: Command): Command {
  return command
    .option('--admin-email <email>', 'the admin acting (env AIMS_ADMIN_EMAIL)')
    .option('--org <id>', 'organization id, when the admin belongs to several')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', ADMIN_HELP);
}

/** `aims user list|change|remove`: the same use cases as the web app's People page. */
export function registerUserManagement(user: Command, io: CliIo) {
  adminOptions(user.command('list').description("list the organization's members and roles")).action(async (options: AdminFlags) => {
    const page = await withApp(io, async (deps) => listUsers(deps, await actAsAdmin(io, deps, options), { limit: 200 }));
    const lines = page.items.map((u) => `${u.email.padEnd(36)} ${u.role.padEnd(17)} ${u.accessExpiresAt ? `until ${u.accessExpiresAt}` : ''}`.trimEnd());
    printResult(io, Boolean(options.json), page, lines.join('\n'));
  });

  adminOptions(
    user
      .command('change')
      .description("change a member's role or access end; takes effect at once")
      .requiredOption('--email <email>', 'the member')
      .option('--role <role>', `one of: ${ROLES.join(', ')}`)
      .option('--access-expires-at <iso>', 'when the access ends, e.g. 2027-03-31T00:00:00Z')
      .option('--no-expiry', 'remove the access end (not for external_auditor)'),
  ).action(async (options: AdminFlags & { email: string; role?: string; accessExpiresAt?: string; expiry: boolean }) => {
    const accessExpiresAt = options.expiry === false ? null : options.accessExpiresAt;
    const input = parseAsFlags(UpdateUserInputSchema, { role: options.role, accessExpiresAt }, { role: '--role', accessExpiresAt: '--access-expires-at' });
    const result = await withApp(io, async (deps) => {
      const admin = await actAsAdmin(io, deps, options);
      return changeMemberAccess(deps, admin, (await getMemberByEmail(deps, admin, options.email)).id, input);
    });
    printResult(io, Boolean(options.json), result, `${result.email} is now ${result.role}${result.accessExpiresAt ? ` until ${result.accessExpiresAt}` : ''}.`);
  });

  adminOptions(
    user.command('remove').description('remove a member: their sessions end and their tokens are revoked').requiredOption('--email <email>', 'the member'),
  ).action(async (options: AdminFlags & { email: string }) => {
    const removed = await withApp(io, async (deps) => {
      const admin = await actAsAdmin(io, deps, options);
      const member = await getMemberByEmail(deps, admin, options.email);
      await removeMember(deps, admin, member.id);
      return member;
    });
    printResult(io, Boolean(options.json), { removed }, `Removed ${removed.email} from the organization; their sessions ended and their tokens were revoked.`);
  });
}
