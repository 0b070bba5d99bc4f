import type { Command } from 'commander';
import { listApiTokens } from '../../app/identity/list-api-tokens.js';
import { revokeApiToken } from '../../app/identity/revoke-api-token.js';
import { IdSchema } from '../../contracts/common.contracts.js';
import { parseWith } from '../../contracts/parse.js';
import { ADMIN_HELP, actAsAdmin } from '../admin-actor.js';
import { withApp } from '../app-session.js';
import { printResult, type CliIo } from '../cli-io.js';

/** `aims token list|revoke`: tokens without their secrets, and revocation by id. */
export function registerTokenManagement(token: Command, io: CliIo) {
  token
    .command('list')
    .description("list the organization's API tokens (never their secrets)")
    .option('--admin-email <email>', 'the admin acting (env AIMS_ADMIN_EMAIL)')
    .option('--org <id>', 'organization id, when the admin belongs to several')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', ADMIN_HELP)
    .action(async (options: { adminEmail?: string; org?: string; json?: boolean }) => {
      const page = await withApp(io, async (deps) => listApiTokens(deps, await actAsAdmin(io, deps, options), { limit: 200 }));
      const lines = page.items.map((t) => `${t.id}  ${t.prefix}…  ${t.name.padEnd(24)} ${t.role.padEnd(17)} ${t.revokedAt ? 'revoked' : t.expiresAt ? `expires ${t.expiresAt}` : 'no expiry'}`);
      printResult(io, Boolean(options.json), page, lines.length ? lines.join('\n') : 'No tokens.');
    });

  token
    .command('revoke')
    .description('revoke an API token at once')
    .argument('<id>', 'the token id (from "aims token list")')
    .option('--admin-email <email>', 'the admin acting (env AIMS_ADMIN_EMAIL)')
    .option('--org <id>', 'organization id, when the admin belongs to several')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', ADMIN_HELP)
    .action(async (id: string, options: { adminEmail?: string; org?: string; json?: boolean }) => {
      const tokenId = parseWith(IdSchema, id, 'id');
      const result = await withApp(io, async (deps) => revokeApiToken(deps, await actAsAdmin(io, deps, options), tokenId));
      printResult(io, Boolean(options.json), result, `Revoked token "${result.name}" at ${result.revokedAt}.`);
    });
}
