import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { retainUntilExit } from '../../src/storage/database.js';
import { aims, freshDataDir } from './cli-helpers.js';

const ADMIN = { AIMS_ADMIN_PASSWORD: 'a long admin password' };
const COMMANDS = [['serve'], ['init'], ['db', 'migrate'], ['user', 'add'], ['token', 'create'], ['trail', 'verify'], ['backup'], ['restore'], ['evidence', 'upload'], ['evidence', 'list'], ['user', 'list'], ['user', 'change'], ['user', 'remove'], ['token', 'list'], ['token', 'revoke']];

describe('aims CLI', () => {
  let dataDir: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    dataDir = freshDataDir();
    env = { AIMS_DATA_DIR: dataDir, ...ADMIN };
    const init = await aims(['init', '--org', 'Acme AI', '--admin-email', 'Lead@Acme.example', '--json'], env);
    expect(init.exitCode, init.stderr).toBe(0);
    expect(init.json).toMatchObject({ organization: { name: 'Acme AI' }, admin: { email: 'lead@acme.example', role: 'admin' } });
  });

  it.each(COMMANDS)('documents %s with --help and offers --json', async (...command) => {
    const result = await aims([...command, '--help'], {});
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain('--json');
  });

  it('refuses a second init with a clear message and exit code 2', async () => {
    const result = await aims(['init', '--org', 'Other', '--admin-email', 'x@y.example'], env);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toMatch(/already initialized/);
  });

  it('names the flag or variable at fault, with exit code 2', async () => {
    const empty = { AIMS_DATA_DIR: freshDataDir() };
    const noPassword = await aims(['init', '--org', 'X', '--admin-email', 'a@b.example', '--json'], empty);
    expect(noPassword.exitCode).toBe(2);
    expect(noPassword.json).toMatchObject({ error: { code: 'VALIDATION_FAILED', details: { fields: [{ field: 'AIMS_ADMIN_PASSWORD' }] } } });
    const badEmail = await aims(['init', '--org', 'X', '--admin-email', 'not-an-email'], { ...empty, ...ADMIN });
    expect(badEmail.exitCode).toBe(2);
    expect(badEmail.stderr).toMatch(/admin-email must be an email/);
    const missingFlag = await aims(['token', 'create', '--email', 'a@b.example'], env);
    expect(missingFlag.exitCode).toBe(2);
    expect(missingFlag.stderr).toMatch(/required option '--role/);
    expect((await aims(['no-such-command'], env)).exitCode).toBe(2);
    const badDuration = await aims(['token', 'create', '--admin-email', 'lead@acme.example', '--email', 'lead@acme.example', '--role', 'admin', '--name', 'x', '--expires-in', '12h'], env);
    expect(badDuration.exitCode).toBe(2);
    expect(badDuration.stderr).toMatch(/expires-in: must be whole days/);
  });

  it('adds a user and issues a token only for an admin who proves their password', async () => {
    const wrong = await aims(['user', 'add', '--admin-email', 'lead@acme.example', '--email', 'ci@acme.example', '--role', 'contributor'], { ...env, AIMS_ADMIN_PASSWORD: 'wrong password!!', AIMS_USER_PASSWORD: 'pipeline password' });
    expect(wrong.exitCode).toBe(2);
    expect(wrong.stderr).toMatch(/email or password is wrong/);
    const added = await aims(['user', 'add', '--admin-email', 'lead@acme.example', '--email', 'ci@acme.example', '--role', 'contributor', '--json'], { ...env, AIMS_USER_PASSWORD: 'pipeline password' });
    expect(added.exitCode, added.stderr).toBe(0);
    expect(added.json).toMatchObject({ email: 'ci@acme.example', role: 'contributor' });
    const token = await aims(['token', 'create', '--admin-email', 'lead@acme.example', '--email', 'ci@acme.example', '--role', 'contributor', '--name', 'release-gate', '--expires-in', '90d', '--json'], env);
    expect(token.exitCode, token.stderr).toBe(0);
    expect((token.json as { token: string }).token).toMatch(/^aims_/);
    const text = await aims(['token', 'create', '--admin-email', 'lead@acme.example', '--email', 'ci@acme.example', '--role', 'contributor', '--name', 'nightly'], env);
    expect(text.stdout).toMatch(/will not be shown again/);
  });

  it('lists, changes and removes members and lists and revokes tokens, as a named admin', async () => {
    const admin = { ...env, AIMS_ADMIN_EMAIL: 'lead@acme.example' };
    await aims(['user', 'add', '--email', 'temp@acme.example', '--role', 'contributor'], { ...admin, AIMS_USER_PASSWORD: 'temporary password' });
    const created = await aims(['token', 'create', '--email', 'temp@acme.example', '--role', 'contributor', '--name', 'temp-token', '--json'], admin);
    const list = await aims(['user', 'list'], admin);
    expect(list.stdout).toMatch(/temp@acme\.example\s+contributor/);
    const changed = await aims(['user', 'change', '--email', 'temp@acme.example', '--role', 'approver', '--json'], admin);
    expect(changed.exitCode, changed.stderr).toBe(0);
    expect(changed.json).toMatchObject({ role: 'approver' });
    const badRole = await aims(['user', 'change', '--email', 'temp@acme.example', '--role', 'boss'], admin);
    expect(badRole.exitCode).toBe(2);
    expect(badRole.stderr).toMatch(/--role must be one of/);
    const tokens = await aims(['token', 'list', '--json'], admin);
    const tokenId = (tokens.json as { items: Array<{ id: string; name: string }> }).items.find((t) => t.name === 'temp-token')!.id;
    expect(tokenId).toBe((created.json as { id: string }).id);
    expect((await aims(['token', 'revoke', tokenId], admin)).stdout).toMatch(/Revoked token "temp-token"/);
    expect((await aims(['token', 'revoke', 'not-an-id'], admin)).exitCode).toBe(2);
    const removed = await aims(['user', 'remove', '--email', 'temp@acme.example'], admin);
    expect(removed.exitCode, removed.stderr).toBe(0);
    const again = await aims(['user', 'remove', '--email', 'temp@acme.example'], admin);
    expect(again.exitCode).toBe(2);
    expect(again.stderr).toMatch(/not a member/);
    expect((await aims(['trail', 'verify'], admin)).exitCode).toBe(0);
  });

  it('verifies the trail, and fails naming the event once a row is edited', async () => {
    const dir = freshDataDir();
    const localEnv = { AIMS_DATA_DIR: dir, ...ADMIN };
    await aims(['init', '--org', 'Tamper Test', '--admin-email', 'a@tamper.example'], localEnv);
    const ok = await aims(['trail', 'verify', '--json'], localEnv);
    expect(ok.exitCode).toBe(0);
    expect(ok.json).toMatchObject({ ok: true, eventsChecked: 2 });
    const sqlite = retainUntilExit(new BetterSqlite3(join(dir, 'aims.db')));
    const event = retainUntilExit(sqlite.prepare('select id from trail_events where seq = 1')).get() as { id: string };
    retainUntilExit(sqlite.prepare(`update trail_events set actor_label = 'mallory@evil.example' where seq = 1`)).run();
    sqlite.close();
    const broken = await aims(['trail', 'verify'], localEnv);
    expect(broken.exitCode).toBe(1);
    expect(broken.stdout).toContain(event.id);
    expect(broken.stdout).toMatch(/BROKEN .* event #1 .*altered/);
    const brokenJson = await aims(['trail', 'verify', '--json'], localEnv);
    expect(brokenJson.json).toMatchObject({ ok: false, firstBreak: { seq: 1, eventId: event.id, reason: 'hash_mismatch' } });
  });

  it('backs up and restores into an empty data dir; refuses a tampered backup with exit code 1', async () => {
    const file = join(freshDataDir(), 'aims.backup');
    const backup = await aims(['backup', '--out', file, '--json'], env);
    expect(backup.exitCode, backup.stderr).toBe(0);
    const target = { AIMS_DATA_DIR: freshDataDir() };
    const restore = await aims(['restore', file], target);
    expect(restore.exitCode, restore.stderr).toBe(0);
    expect((await aims(['trail', 'verify', '--json'], target)).json).toMatchObject({ ok: true });
    expect((await aims(['restore', file], target)).exitCode).toBe(2);

    const { gunzipSync, gzipSync } = await import('node:zlib');
    const { readFileSync } = await import('node:fs');
    const tampered = gunzipSync(readFileSync(file)).toString('utf8').replace('"action":"user.added"', '"action":"user.removed"');
    const tamperedFile = `${file}.tampered`;
    writeFileSync(tamperedFile, gzipSync(tampered));
    const refused = await aims(['restore', tamperedFile, '--json'], { AIMS_DATA_DIR: freshDataDir() });
    expect(refused.exitCode).toBe(1);
    expect(refused.json).toMatchObject({ error: { code: 'INTEGRITY_FAILED' } });
  });

  it('refuses to check or export a database that is not there, instead of reporting an empty one clean', async () => {
    const missing = { AIMS_DATA_DIR: join(freshDataDir(), 'typo') };
    const verify = await aims(['trail', 'verify'], missing);
    expect(verify.exitCode).toBe(2);
    expect(verify.stderr).toMatch(/no OpenAIMS database at .*typo/);
    const backup = await aims(['backup', '--out', join(freshDataDir(), 'b')], missing);
    expect(backup.exitCode).toBe(2);
    const { existsSync } = await import('node:fs');
    expect(existsSync(join(missing.AIMS_DATA_DIR, 'aims.db'))).toBe(false);
  });

  it('names the flag for bad options and a missing output folder', async () => {
    const badDate = await aims(['user', 'add', '--admin-email', 'lead@acme.example', '--email', 'x@acme.example', '--role', 'external_auditor', '--access-expires-at', 'next week'], { ...env, AIMS_USER_PASSWORD: 'pipeline password' });
    expect(badDate.exitCode).toBe(2);
    expect(badDate.stderr).toMatch(/--access-expires-at must be an ISO-8601 date-time/);
    const noFolder = await aims(['backup', '--out', '/nonexistent-folder/b.aimsbak'], env);
    expect(noFolder.exitCode).toBe(2);
    expect(noFolder.stderr).toMatch(/out: the folder \/nonexistent-folder does not exist/);
  });

  it('keeps the database and backups readable by their owner only', async () => {
    const { statSync } = await import('node:fs');
    expect(statSync(join(dataDir, 'aims.db')).mode & 0o777).toBe(0o600);
    expect(statSync(dataDir).mode & 0o077).toBe(0);
    const file = join(freshDataDir(), 'private.aimsbak');
    await aims(['backup', '--out', file], env);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('refuses to back up a damaged installation unless forced, and restores it only on explicit acceptance', async () => {
    const dir = freshDataDir();
    const local = { AIMS_DATA_DIR: dir, ...ADMIN };
    await aims(['init', '--org', 'Damaged', '--admin-email', 'a@damaged.example'], local);
    const sqlite = retainUntilExit(new BetterSqlite3(join(dir, 'aims.db')));
    retainUntilExit(sqlite.prepare(`update organizations set name = 'Renamed behind the back'`)).run();
    sqlite.close();
    const verify = await aims(['trail', 'verify'], local);
    expect(verify.exitCode).toBe(1);
    expect(verify.stdout).toMatch(/Records DO NOT MATCH the trail/);
    const file = join(freshDataDir(), 'damaged.aimsbak');
    const refused = await aims(['backup', '--out', file], local);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/does not verify .*--force/);
    expect((await aims(['backup', '--out', file, '--force'], local)).exitCode).toBe(0);
    const target = { AIMS_DATA_DIR: freshDataDir() };
    expect((await aims(['restore', file], target)).exitCode).toBe(1);
    const accepted = await aims(['restore', file, '--accept-broken-trail', '--json'], target);
    expect(accepted.exitCode, accepted.stderr).toBe(0);
    expect(accepted.json).toMatchObject({ acceptedProblem: expect.stringMatching(/changed outside OpenAIMS/) });
    // The damage stays visible after the restore.
    expect((await aims(['trail', 'verify'], target)).exitCode).toBe(1);
  });

  it('migrates on demand and reports when nothing is pending', async () => {
    const result = await aims(['db', 'migrate', '--json'], env);
    expect(result.exitCode).toBe(0);
    expect(result.json).toEqual({ dialect: 'sqlite', applied: [] });
  });

  it('serves on the given port until stopped', async () => {
    const run = await aims(['serve', '--port', '0', '--json'], env);
    expect(run.exitCode).toBe(0);
    const { url } = run.json as { url: string };
    try {
      expect(await (await fetch(`${url}/api/v1/health`)).json()).toEqual({ status: 'ok' });
    } finally {
      await run.stop!();
    }
  });

  it('says so, with exit code 2, when the port is taken', async () => {
    const first = await aims(['serve', '--port', '0', '--json'], env);
    const port = new URL((first.json as { url: string }).url).port;
    try {
      const second = await aims(['serve', '--port', port], env);
      expect(second.exitCode).toBe(2);
      expect(second.stderr).toMatch(new RegExp(`port: ${port} is already in use`));
    } finally {
      await first.stop!();
    }
  });

  it('runs as the package binary', async () => {
    const result = await promisify(execFile)(process.execPath, ['bin/aims.js', 'trail', 'verify', '--json'], { env: { ...process.env, AIMS_DATA_DIR: dataDir, AIMS_LOG_LEVEL: 'silent' } });
    expect(JSON.parse(result.stdout)).toMatchObject({ ok: true });
  });
});
