import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2eBrowser } from './support/browser.js';
import type { E2eServer } from './support/e2e-server.js';
import { ADMIN, apiSession, atWidth, closeStory, expectAccessible, logInThroughUi, openAdminStory, pageScrollWidth, tableFit, type ApiSession } from './support/story.js';

// Issue 11: a job that keeps failing goes to a dead-letter state, visible in the UI. An admin sees
// the organization's failed jobs with their last error, retries one, is refused a second retry of
// another with the server's reason; a contributor has no such page in the navigation.
const CARL = { name: 'Carl Contributor', email: 'carl@northwind.example', password: 'contributor password 99' };
const NIGHTLY = { jobId: randomUUID(), name: 'system.echo', error: 'echo was told to fail attempt 4', failedAt: '2026-03-02T08:15:00.000Z' };
const WEEKLY = { jobId: randomUUID(), name: 'system.echo', error: 'trail check timed out after 60 s', failedAt: '2026-03-01T06:00:00.000Z' };

let server: E2eServer;
let browser: E2eBrowser;
let admin: ApiSession;
let organizationId: string;

async function api(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** A dead letter written straight into the table, as the job queue writes one after the last attempt. */
function insertDeadLetter(job: typeof NIGHTLY, message: string): void {
  const payload = JSON.stringify({ message }).replaceAll("'", "''");
  server.tamper(
    `insert into job_dead_letters (job_id, name, organization_id, payload_json, attempts, last_error, failed_at) values ('${job.jobId}', '${job.name}', '${organizationId}', '${payload}', 4, '${job.error}', '${job.failedAt}')`,
  );
}

/** A job's row, found by its error (both rows are the same job name). */
const rowOf = (job: typeof NIGHTLY) => browser.page.getByRole('row').filter({ hasText: job.error });
const jobsLink = () => browser.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Background jobs' });

describe('failed background jobs in a real browser', () => {
  beforeAll(async () => {
    ({ server, browser } = await openAdminStory(async (started) => {
      server = started;
      admin = await apiSession(server, ADMIN.email, ADMIN.password);
      expect((await api('POST', '/users', { email: CARL.email, displayName: CARL.name, password: CARL.password, role: 'contributor' })).status).toBe(201);
      organizationId = ((await (await api('GET', '/me')).json()) as { organization: { id: string } }).organization.id;
    }));
  });

  afterAll(() => closeStory({ server, browser }));

  it('with nothing failed, the page says so', async () => {
    const { page } = browser;
    await jobsLink().click();
    await page.getByRole('heading', { level: 1, name: 'Background jobs' }).waitFor();
    await page.getByText('No failed jobs').waitFor();
    await page.getByText('Every background job finished or is still being retried.').waitFor();
    await expectAccessible(browser, '95-jobs-empty');
  });

  it('an admin sees each failed job with its attempts, last error and when it failed', async () => {
    const { page } = browser;
    insertDeadLetter(NIGHTLY, 'nightly');
    insertDeadLetter(WEEKLY, "weekly 'quoted'");
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Background jobs' }).waitFor();
    await rowOf(NIGHTLY).waitFor();
    const cells = await rowOf(NIGHTLY).getByRole('cell').allInnerTexts();
    expect(cells.slice(0, 5).map((c) => c.replace(/\s+/g, ' ').trim())).toEqual([`system.echo id …${NIGHTLY.jobId.slice(-8)}`, '4', NIGHTLY.error, '2 Mar 2026, 08:15', '✕ Failed']);
    // Newest first, as the server sends them.
    const errors = await page.getByRole('row').filter({ hasText: 'system.echo' }).allInnerTexts();
    expect(errors.findIndex((t) => t.includes(NIGHTLY.error))).toBeLessThan(errors.findIndex((t) => t.includes(WEEKLY.error)));
    await expectAccessible(browser, '96-jobs-failed');

    await atWidth(page, 400, async () => {
      expect(await tableFit(page)).toEqual([{ caption: 'Failed background jobs', overflows: false, clippedActions: [] }]);
      expect(await pageScrollWidth(page)).toBeLessThanOrEqual(400);
      await expectAccessible(browser, '97-jobs-failed-400');
    });
  });

  it('retrying sends the job again once; the row then says which job it became', async () => {
    const { page } = browser;
    await rowOf(NIGHTLY).getByRole('button', { name: /^Retry/ }).click();
    const done = page.getByRole('status').filter({ hasText: '“system.echo” was sent again' });
    await done.waitFor();
    await rowOf(NIGHTLY).locator('.badge', { hasText: 'Retried' }).waitFor();
    expect(await rowOf(NIGHTLY).getByRole('button', { name: /^Retry/ }).count()).toBe(0);

    // The server agrees: the dead letter names its new job, and the retry is on the trail.
    const listed = (await (await api('GET', '/jobs/failed')).json()) as { items: { jobId: string; retriedAsJobId: string | null }[] };
    const newJobId = listed.items.find((j) => j.jobId === NIGHTLY.jobId)?.retriedAsJobId;
    expect(newJobId).toEqual(expect.any(String));
    await done.getByText(`It runs as job …${(newJobId ?? '').slice(-8)}.`).waitFor();
    const trail = (await (await api('GET', `/trail?entityType=job&entityId=${NIGHTLY.jobId}`)).json()) as { items: { action: string }[] };
    expect(trail.items.map((e) => e.action)).toEqual(['job.retried']);
    await expectAccessible(browser, '98-jobs-retried');
  });

  it('a second retry of the same failed job is refused with the server’s reason', async () => {
    const { page } = browser;
    // Someone else retries it first, behind this page's back; the page still offers Retry.
    expect((await api('POST', `/jobs/failed/${WEEKLY.jobId}/retry`)).status).toBe(200);
    await rowOf(WEEKLY).getByRole('button', { name: /^Retry/ }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Could not retry “system.echo”' });
    await refused.getByText(/^This job was already retried as job [0-9a-f-]{36} at \d{4}-\d\d-\d\dT/).waitFor();
    // The list is read again, so the row now shows the retry and no button.
    await rowOf(WEEKLY).locator('.badge', { hasText: 'Retried' }).waitFor();
    expect(await page.getByRole('button', { name: /^Retry/ }).count()).toBe(0);
    await expectAccessible(browser, '99-jobs-refused');
    expect(browser.errors).toEqual([]);
  });

  it('a member without jobs:read has no such entry and the page says who may see it', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Log out' }).click();
    await logInThroughUi(page, CARL.email, CARL.password);
    expect(await jobsLink().count()).toBe(0);
    await page.goto(`${server.url}/jobs`);
    await page.getByRole('heading', { level: 1, name: 'Background jobs' }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Only an admin can see the organization’s failed background jobs.' }).waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
  });
});
