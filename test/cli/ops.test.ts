import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aims, freshDataDir } from './cli-helpers.js';

const ADMIN = { AIMS_ADMIN_EMAIL: 'ops-admin@example.com', AIMS_ADMIN_PASSWORD: 'an admin password for ops' };

describe('operations from the CLI', () => {
  it('sends jobs by name, runs them in `aims worker`, stops on request, and lists failed ones', async () => {
    const env = { AIMS_DATA_DIR: freshDataDir(), AIMS_JOB_POLL_MS: '100', AIMS_JOB_SCHEDULES: 'trail.verify=off;system.sweep=off' };
    expect((await aims(['init', '--org', 'Ops Ltd', '--admin-email', ADMIN.AIMS_ADMIN_EMAIL], { ...env, ...ADMIN })).exitCode).toBe(0);
    const sent = await aims(['jobs', 'run', 'system.echo', '--payload', '{"message":"hi","failAttempts":99}', '--json'], env);
    expect(sent.exitCode).toBe(0);
    expect(sent.json).toMatchObject({ name: 'system.echo', jobId: expect.any(String) });

    const badName = await aims(['jobs', 'run', 'nope'], env);
    expect(badName.exitCode).toBe(2);
    expect(badName.stderr).toContain('"nope" is not a known job');
    const badPayload = await aims(['jobs', 'run', 'system.echo', '--payload', '{"delayMs":"soon"}'], env);
    expect(badPayload.exitCode).toBe(2);
    expect(badPayload.stderr).toContain('delayMs');
    expect((await aims(['jobs', 'run', 'system.echo', '--payload', 'not json'], env)).stderr).toContain('--payload: is not valid JSON');

    // Retries back off 1 s, 2 s, 4 s: the job is dead after about 7 s.
    const worker = await aims(['worker', '--json'], { ...env, AIMS_LOG_LEVEL: 'silent' });
    expect(worker.json).toMatchObject({ database: 'sqlite', jobs: 'table' });
    expect(worker.stop).toBeDefined();
    const deadline = Date.now() + 20_000;
    let failed: unknown[] = [];
    while (Date.now() < deadline) {
      failed = (await aims(['jobs', 'failed', '--json'], env)).json as unknown[];
      if (failed.length) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await worker.stop!();
    expect(failed).toEqual([expect.objectContaining({ jobId: (sent.json as { jobId: string }).jobId, name: 'system.echo', attempts: 4 })]);
    expect((await aims(['jobs', 'failed', '--limit', '0'], env)).stderr).toContain('--limit');
  }, 60_000);

  it('configures single sign-on as a named admin, never printing the secret', async () => {
    const env = { AIMS_DATA_DIR: freshDataDir(), AIMS_SECRETS_KEY: randomBytes(32).toString('hex'), IDP_SECRET: 'the-client-secret-value', ...ADMIN };
    await aims(['init', '--org', 'SSO Ltd', '--admin-email', ADMIN.AIMS_ADMIN_EMAIL], env);
    const set = await aims(['sso', 'set', '--issuer', 'https://idp.example.com/realms/aims', '--client-id', 'openaims', '--client-secret-env', 'IDP_SECRET', '--role-claim', 'groups', '--role-map', 'aims-admins=admin,staff=contributor', '--local-login', 'off', '--json'], env);
    expect(set.exitCode).toBe(0);
    expect(set.json).toMatchObject({ issuer: 'https://idp.example.com/realms/aims', hasClientSecret: true, localLoginDisabled: true, roleMap: { 'aims-admins': 'admin', staff: 'contributor' } });
    expect(set.stdout).not.toContain('the-client-secret-value');
    const shown = await aims(['sso', 'show'], env);
    expect(shown.stdout).toContain('password login off');
    expect(shown.stdout).not.toContain('the-client-secret-value');

    const bad = await aims(['sso', 'set', '--issuer', 'http://idp.example.com', '--client-id', 'x', '--default-role', 'external_auditor'], env);
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toMatch(/--issuer|--default-role/);
    expect((await aims(['sso', 'set', '--issuer', 'https://idp.example.com', '--client-id', 'x', '--client-secret-env', 'MISSING'], env)).stderr).toContain('--client-secret-env');
  }, 60_000);
});

describe('a misconfigured DATABASE_URL', () => {
  it.each([
    ['postgres://aims:s3cret-pw@127.0.0.1:1/aims', /DATABASE_URL: cannot use PostgreSQL at postgres:\/\/aims:\*\*\*@127\.0\.0\.1:1\/aims: nothing accepts connections/],
    ['postgres://aims@no-such-host.invalid/aims', /DATABASE_URL: cannot use PostgreSQL at .*no-such-host\.invalid.*: the host name (does not resolve|could not be resolved)/],
    ['mysql://aims@localhost/aims', /DATABASE_URL: must start with postgres:\/\//],
  ])('%s stops every command with an error naming it, and never the password', async (url, message) => {
    const result = await aims(['db', 'migrate'], { DATABASE_URL: url, AIMS_DATA_DIR: freshDataDir() });
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toContain('s3cret-pw');
  }, 30_000);
});
