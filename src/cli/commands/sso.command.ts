import type { Command } from 'commander';
import { configureSso, getSsoSettings } from '../../app/sso/configure-sso.js';
import { ConfigureSsoInputSchema, type SsoSettingsOutput } from '../../contracts/sso.contracts.js';
import { AppError } from '../../domain/shared/app-error.js';
import { ADMIN_HELP, actAsAdmin } from '../admin-actor.js';
import { withApp } from '../app-session.js';
import { parseAsFlags, printResult, type CliIo } from '../cli-io.js';

interface SetOptions {
  issuer: string;
  clientId: string;
  clientSecretEnv?: string;
  noClientSecret?: boolean;
  scopes?: string;
  roleClaim?: string;
  roleMap?: string;
  defaultRole?: string;
  disable?: boolean;
  localLogin?: string;
  adminEmail?: string;
  org?: string;
  json?: boolean;
}

const FLAGS: Record<string, string> = {
  issuer: '--issuer', clientId: '--client-id', clientSecret: '--client-secret-env', scopes: '--scopes', roleClaim: '--role-claim',
  roleMap: '--role-map', defaultRole: '--default-role', enabled: '--disable', localLoginDisabled: '--local-login',
};

function describe(s: SsoSettingsOutput): string {
  return [
    `issuer        ${s.issuer}`,
    `client id     ${s.clientId} (${s.hasClientSecret ? 'secret stored, encrypted' : 'public client, no secret'})`,
    `scopes        ${s.scopes.join(' ')}`,
    `role claim    ${s.roleClaim ?? '(none)'}  map: ${Object.entries(s.roleMap).map(([k, v]) => `${k}=${v}`).join(', ') || '(none)'}  default: ${s.defaultRole ?? '(refuse)'}`,
    `sso           ${s.enabled ? 'on' : 'off'}; password login ${s.localLoginDisabled ? 'off' : 'on'}`,
    `login url     ${s.loginUrl}`,
  ].join('\n');
}

/** `aims sso show|set`: the organization's OpenID Connect provider, as a named admin. */
export function registerSso(program: Command, io: CliIo) {
  const sso = program.command('sso').description("single sign-on (OpenID Connect): the organization's identity provider");
  sso
    .command('show')
    .description('show the settings (never the client secret)')
    .option('--admin-email <email>', 'the admin acting (env AIMS_ADMIN_EMAIL)')
    .option('--org <id>', 'organization id, when the admin belongs to several')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', ADMIN_HELP)
    .action(async (options: { adminEmail?: string; org?: string; json?: boolean }) => {
      const settings = await withApp(io, async (deps) => getSsoSettings(deps, await actAsAdmin(io, deps, options)));
      printResult(io, Boolean(options.json), settings, describe(settings));
    });
  sso
    .command('set')
    .description('set the identity provider, the role mapping and whether password login stays on')
    .requiredOption('--issuer <url>', "the provider's issuer URL")
    .requiredOption('--client-id <id>', 'the client id registered at the provider')
    .option('--client-secret-env <name>', 'read the client secret from this environment variable (kept encrypted with AIMS_SECRETS_KEY); omit to keep the stored one')
    .option('--no-client-secret', 'remove the stored secret (a public client, PKCE only)')
    .option('--scopes <list>', 'space-separated scopes (default "openid email profile")')
    .option('--role-claim <claim>', 'ID token claim with group or role names, e.g. groups')
    .option('--role-map <pairs>', 'claim value=role pairs, comma-separated, e.g. "aims-admins=admin,staff=contributor"')
    .option('--default-role <role>', 'role for people whose claim maps to none (omit to refuse them)')
    .option('--disable', 'keep the settings but turn SSO off')
    .option('--local-login <on|off>', 'password login into this organization', 'on')
    .option('--admin-email <email>', 'the admin acting (env AIMS_ADMIN_EMAIL)')
    .option('--org <id>', 'organization id, when the admin belongs to several')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', ADMIN_HELP)
    .action(async (options: SetOptions) => {
      if (options.localLogin !== 'on' && options.localLogin !== 'off') throw AppError.invalidField('--local-login', 'must be on or off');
      let clientSecret: string | null | undefined;
      if (options.noClientSecret === false) clientSecret = null;
      else if (options.clientSecretEnv) {
        clientSecret = io.env[options.clientSecretEnv];
        if (!clientSecret) throw AppError.invalidField('--client-secret-env', `the environment variable ${options.clientSecretEnv} is not set`);
      }
      const roleMap: Record<string, string> = {};
      for (const pair of (options.roleMap ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
        const eq = pair.lastIndexOf('=');
        if (eq <= 0) throw AppError.invalidField('--role-map', `"${pair}" is not value=role`);
        roleMap[pair.slice(0, eq)] = pair.slice(eq + 1);
      }
      const input = parseAsFlags(
        ConfigureSsoInputSchema,
        {
          issuer: options.issuer, clientId: options.clientId, ...(clientSecret !== undefined ? { clientSecret } : {}),
          ...(options.scopes ? { scopes: options.scopes.split(/\s+/).filter(Boolean) } : {}), roleClaim: options.roleClaim ?? null, roleMap,
          defaultRole: options.defaultRole ?? null, enabled: !options.disable, localLoginDisabled: options.localLogin === 'off',
        },
        FLAGS,
      );
      const settings = await withApp(io, async (deps) => configureSso(deps, await actAsAdmin(io, deps, options), input));
      printResult(io, Boolean(options.json), settings, describe(settings));
    });
}
