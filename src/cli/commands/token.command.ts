import type { Command } from 'commander';
import { createApiToken } from '../../app/identity/create-api-token.js';
import { CreateApiTokenInputSchema } from '../../contracts/identity.contracts.js';
import { ROLES } from '../../domain/access/roles.js';
import { AppError } from '../../domain/shared/app-error.js';
import { parseDuration } from '../../domain/shared/duration.js';
import { ADMIN_HELP, actAsAdmin } from '../admin-actor.js';
import { registerTokenManagement } from './token-manage.command.js';
import { withApp } from '../app-session.js';
import { parseAsFlags, printResult, type CliIo } from '../cli-io.js';

const DAY_MS = 86_400_000;

/** Tokens live whole days; a shorter or fractional lifetime is refused rather than silently rounded. */
function wholeDays(text: string): number {
  const ms = parseDuration('expires-in', text);
  if (ms % DAY_MS !== 0) throw AppError.invalidField('expires-in', `must be whole days or weeks, such as 90d or 2w; got ${text}`);
  return ms / DAY_MS;
}

export function registerToken(program: Command, io: CliIo) {
  const token = program.command('token').description('API tokens for pipelines and integrations');
  registerTokenManagement(token, io);
  token
    .command('create')
    .description('create an API token; its secret is printed once and never again')
    .requiredOption('--email <email>', 'the member the token acts for')
    .requiredOption('--role <role>', `one of: ${ROLES.join(', ')} (no more than the member's own)`)
    .requiredOption('--name <name>', 'a name to recognise the token by, e.g. ci-release-gate')
    .option('--expires-in <duration>', 'lifetime in days or weeks, such as 90d or 2w (default: no expiry)')
    .option('--admin-email <email>', 'the admin acting (env AIMS_ADMIN_EMAIL)')
    .option('--org <id>', 'organization id, when the admin belongs to several')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', ADMIN_HELP)
    .action(async (options: { email: string; role: string; name: string; expiresIn?: string; adminEmail?: string; org?: string; json?: boolean }) => {
      const expiresInDays = options.expiresIn ? wholeDays(options.expiresIn) : undefined;
      const input = parseAsFlags(CreateApiTokenInputSchema, { email: options.email, role: options.role, name: options.name, expiresInDays }, { email: '--email', role: '--role', name: '--name', expiresInDays: '--expires-in' });
      const result = await withApp(io, async (deps) => createApiToken(deps, await actAsAdmin(io, deps, options), input));
      printResult(
        io,
        Boolean(options.json),
        result,
        `Token "${result.name}" (${result.role}) created${result.expiresAt ? `, expires ${result.expiresAt}` : ''}.\nCopy it now; it will not be shown again:\n\n${result.token}\n`,
      );
    });
}
