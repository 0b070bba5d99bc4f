import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type E2eBrowser } from './support/browser.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';
import {
  ADMIN,
  RISK_OWNER,
  apiSession,
  atWidth,
  bearerStatus,
  expectAccessible,
  expectNoRawRoleIds,
  logInThroughUi,
  pageScrollWidth,
  setUpByApi,
  tableFit,
  uploadByApi,
} from './support/story.js';

// An initialized installation, in order: evidence upload and links, the trail, people and API
// tokens, a lost CSRF key, and what a non-admin role sees, with axe-core on each page.
const EVIDENCE_TITLE = 'Model card: triage classifier v3';
const EVIDENCE_BYTES = Buffer.from('# Model card\n\nIntended use: emergency triage support.\n', 'utf8');

let server: E2eServer;
let browser: E2eBrowser;

describe('everyday work in a real browser', () => {
  beforeAll(async () => {
    server = await startE2eServer();
    await setUpByApi(server);
    browser = await launchBrowser();
    await browser.page.goto(server.url);
    await logInThroughUi(browser.page, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('evidence: an upload through the form is listed, fingerprinted and linkable', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evidence', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Evidence' }).waitFor();
    await page.getByText('No evidence yet').waitFor();
    await expectAccessible(browser, '05-evidence-empty');

    await page.getByRole('main').getByRole('button', { name: 'Upload evidence' }).click();
    const form = page.getByRole('form', { name: 'Upload evidence' });
    // Client-side contract checks: a title and a file are required...
    await form.getByRole('button', { name: 'Upload evidence' }).click();
    await form.getByText('Title is required').waitFor();
    await form.getByText('File is required').waitFor();
    // ...and validity may not end before it starts (the contract's refinement).
    await form.getByLabel('Title').fill('Draft');
    await form.getByLabel('Valid from').fill('2026-06-01');
    await form.getByLabel('Valid until').fill('2026-01-01');
    await form.getByRole('button', { name: 'Upload evidence' }).click();
    await form.getByText('Valid until must be on or after the validFrom date').waitFor();
    await form.getByLabel('Title').fill('');
    await form.getByLabel('File').setInputFiles({ name: 'model-card.md', mimeType: 'text/markdown', buffer: EVIDENCE_BYTES });
    expect(await form.getByText('File is required').count()).toBe(0);
    expect(await form.getByLabel('Title').inputValue()).toBe('model-card');
    await form.getByLabel('Title').fill(EVIDENCE_TITLE);
    await form.getByLabel('Kind').selectOption('report');
    await form.getByLabel('Valid from').fill('2026-01-01');
    await form.getByLabel('Valid until').fill('2099-12-31');
    await form.getByLabel('Description').fill('Signed off by the model risk committee.');
    await expectAccessible(browser, '06-evidence-upload-form');
    await form.getByRole('button', { name: 'Upload evidence' }).click();

    await page.getByRole('status').filter({ hasText: 'Evidence uploaded' }).waitFor();
    const row = page.getByRole('row').filter({ hasText: EVIDENCE_TITLE });
    await row.waitFor();
    const sha = createHash('sha256').update(EVIDENCE_BYTES).digest('hex');
    expect(await row.textContent()).toContain('Report');
    expect(await row.textContent()).toContain(sha.slice(0, 12));
    expect(await page.getByText('1 row', { exact: true }).count()).toBe(1);
    await expectAccessible(browser, '07-evidence-list');

    await row.getByRole('link', { name: EVIDENCE_TITLE }).click();
    await page.getByRole('heading', { level: 1, name: EVIDENCE_TITLE }).waitFor();
    await page.getByText(sha, { exact: true }).waitFor();
    // The download is a real browser download of the stored bytes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download file' }).click()]);
    expect(download.suggestedFilename()).toBe('model-card.md');
    expect(readFileSync(await download.path()).equals(EVIDENCE_BYTES)).toBe(true);

    await page.getByText('Not linked yet').waitFor();
    await page.getByRole('button', { name: 'Use this organization' }).click();
    await page.getByRole('button', { name: 'Add link' }).click();
    await page.getByRole('row').filter({ hasText: 'Organization' }).waitFor();
    await expectAccessible(browser, '08-evidence-detail');
  });

  it('trail: lists the events, filters them, and verifies the chain', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Trail' }).waitFor();
    const table = page.getByRole('table', { name: 'Trail events' });
    for (const action of ['Organization created', 'Session opened', 'Evidence uploaded', 'Evidence linked']) {
      await table.getByRole('row').filter({ hasText: action }).first().waitFor();
    }
    const uploaded = table.getByRole('row').filter({ hasText: 'Evidence uploaded' });
    expect(await uploaded.textContent()).toContain(ADMIN.email);
    expect(await uploaded.locator('td').nth(5).textContent()).toMatch(/^[0-9a-f]{12}$/);

    await page.getByRole('button', { name: 'Verify chain' }).click();
    await page.getByText('Chain intact').waitFor();
    expect(await page.locator('.verify__result').textContent()).toMatch(/[1-9]\d* events checked, no break found/);
    await expectAccessible(browser, '09-trail');

    await page.getByRole('form', { name: 'Filter the trail' }).getByLabel('Entity type').fill('evidence');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await expect.poll(() => page.url()).toContain('entityType=evidence');
    await table.getByRole('row').filter({ hasText: 'Evidence uploaded' }).waitFor();
    await expect.poll(() => table.getByRole('row').filter({ hasText: 'Session opened' }).count()).toBe(0);
    expect(await table.getByRole('row').filter({ hasText: 'Evidence uploaded' }).count()).toBe(1);

    // A deep link loads the same filtered view (the server answers every page path with the app).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Trail' }).waitFor();
    expect(await page.getByRole('form', { name: 'Filter the trail' }).getByLabel('Entity type').inputValue()).toBe('evidence');
    await table.getByRole('row').filter({ hasText: 'Evidence linked' }).waitFor();
  });

  it('people and tokens: add a member, create a token shown once that works, then revoke it', async () => {
    const { page } = browser;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    const add = page.getByRole('form', { name: 'Add a person' });
    await add.getByLabel('Full name').fill(RISK_OWNER.name);
    await add.getByLabel('Email').fill(RISK_OWNER.email);
    await add.getByLabel('Initial password').fill(RISK_OWNER.password);
    // Roles are offered and refused by their labels, never by their ids.
    expect(await add.getByLabel('Role').locator('option').allTextContents()).toEqual([
      'Admin',
      'Governance lead',
      'Risk owner',
      'System owner',
      'Contributor',
      'Approver',
      'Internal auditor',
      'External auditor',
    ]);
    await add.getByLabel('Role').selectOption('external_auditor');
    await add.getByRole('button', { name: 'Add person' }).click();
    await add.getByText('Access ends is required for the External auditor role: their access must end').waitFor();
    await expectNoRawRoleIds(page, 'the refused person form');
    await add.getByLabel('Role').selectOption('risk_owner');
    await add.getByRole('button', { name: 'Add person' }).click();
    await page.getByText(`${RISK_OWNER.name} (${RISK_OWNER.email}) can now log in as Risk owner.`).waitFor();
    await page.getByRole('row').filter({ hasText: RISK_OWNER.email }).waitFor();
    await expectAccessible(browser, '10-people');

    const members = page.getByRole('table', { name: 'Members' });
    expect(await members.getByRole('row').filter({ hasText: RISK_OWNER.email }).textContent()).toContain('Risk owner');
    await expectNoRawRoleIds(page, 'people');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API tokens' }).click();
    await page.getByText('No API tokens yet').waitFor();
    const create = page.getByRole('form', { name: 'Create an API token' });
    await create.getByLabel('Name').fill('CI release gate');
    await create.getByLabel('Acts for').selectOption(RISK_OWNER.email);
    expect(await create.getByLabel('Acts for').locator('option:checked').textContent()).toBe(`${RISK_OWNER.name} <${RISK_OWNER.email}> · Risk owner`);
    await create.getByLabel('Role').selectOption('admin');
    await create.getByRole('button', { name: 'Create token' }).click();
    // The server refuses a token stronger than its owner, naming the field and the owner's role by its label.
    await create.getByText(`Role a token cannot hold more than its owner: ${RISK_OWNER.email} is Risk owner`).waitFor();
    await expectNoRawRoleIds(page, 'the refused token form');
    await create.getByLabel('Role').selectOption('contributor');
    // A token with 90 days says when it stops working.
    await create.getByText(/^Expires on \d{1,2} \w{3} \d{4}\.$/).waitFor();
    await create.getByRole('button', { name: 'Create token' }).click();

    const secretBox = page.getByLabel('Token secret');
    await secretBox.waitFor();
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^aims_/);
    await page.getByText('This is the only time it is shown.').waitFor();
    await expectAccessible(browser, '11-token-created');
    expect(await bearerStatus(server, '/api/v1/me', secret)).toBe(200);

    await page.getByRole('button', { name: 'I have stored the secret' }).click();
    expect(await page.getByLabel('Token secret').count()).toBe(0);
    const tokenRow = page.getByRole('row').filter({ hasText: 'CI release gate' });
    expect(await tokenRow.textContent()).toContain('Active');
    expect(await tokenRow.textContent()).not.toContain(secret);
    await tokenRow.getByRole('button', { name: 'Revoke CI release gate' }).click();
    await tokenRow.getByRole('button', { name: 'Yes, revoke' }).click();
    await tokenRow.getByText('Revoked').waitFor();
    expect(await bearerStatus(server, '/api/v1/me', secret)).toBe(401);
  });

  it('a tab that lost its CSRF key gets it back from the server on load and can write', async () => {
    const { page } = browser;
    await page.evaluate(() => window.sessionStorage.clear());
    await page.goto(`${server.url}/evidence`);
    await page.getByRole('heading', { level: 1, name: 'Evidence' }).waitFor();
    await page.getByRole('main').getByRole('button', { name: 'Upload evidence' }).click();
    const form = page.getByRole('form', { name: 'Upload evidence' });
    await form.getByLabel('File').setInputFiles({ name: 'recovered.txt', mimeType: 'text/plain', buffer: Buffer.from('written after a storage loss') });
    await form.getByLabel('Title').fill('Incident log after a storage loss');
    await form.getByRole('button', { name: 'Upload evidence' }).click();
    await page.getByRole('row').filter({ hasText: 'Incident log after a storage loss' }).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: 'Log in' }).count()).toBe(0);
  });

  it('a risk owner sees no admin actions, and the layout fits a phone', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Log out' }).click();
    await logInThroughUi(page, RISK_OWNER.email, RISK_OWNER.password);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    // Risk owners contribute evidence, but do not manage people or tokens.
    await page.getByRole('main').getByRole('link', { name: 'Upload evidence' }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'People' }).waitFor();
    expect(await nav.getByRole('link', { name: 'API tokens' }).count()).toBe(0);
    expect(await page.getByRole('banner').textContent()).toContain('Risk owner');

    await nav.getByRole('link', { name: 'People' }).click();
    await page.getByRole('row').filter({ hasText: 'ada@northwind.example' }).waitFor();
    expect(await page.getByRole('form', { name: 'Add a person' }).count()).toBe(0);
    await page.goto(`${server.url}/tokens`);
    await page.getByText('Only an admin can see and manage API tokens.').waitFor();

    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.goto(server.url);
      await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
      await page.getByRole('region', { name: 'Evidence' }).getByText('2', { exact: true }).waitFor();
      await expectAccessible(browser, '12-home-phone');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    } finally {
      await page.setViewportSize({ width: 1360, height: 900 });
    }
    expect(browser.errors).toEqual([]);
  });

  it('long lists page with "Load more" and sort and filter what is loaded', async () => {
    const { page } = browser;
    const session = await apiSession(server, RISK_OWNER.email, RISK_OWNER.password);
    // Two items exist already; 49 more make 51, one past the first page.
    for (let i = 1; i <= 49; i += 1) await uploadByApi(server, session, `Bulk record ${i}`, `bulk-${i}.txt`);

    await page.goto(`${server.url}/evidence`);
    const table = page.getByRole('table', { name: 'Evidence' });
    const rows = table.locator('tbody tr');
    await page.getByText('50+ rows').waitFor();
    expect(await rows.count()).toBe(50);
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.getByText('51 rows').waitFor();
    expect(await rows.count()).toBe(51);
    expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);

    const titleHeader = table.getByRole('columnheader', { name: /Title/ });
    await titleHeader.getByRole('button').click();
    expect(await titleHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(await rows.first().locator('td').first().textContent()).toBe('Bulk record 1');
    await titleHeader.getByRole('button').click();
    expect(await titleHeader.getAttribute('aria-sort')).toBe('descending');
    expect(await rows.first().locator('td').first().textContent()).toBe(EVIDENCE_TITLE);

    await page.getByLabel('Filter by text').fill('record 4');
    await page.getByText('11 of 51 shown').waitFor();
    expect(await rows.count()).toBe(11);
    await page.getByLabel('Filter by text').fill('no such evidence');
    await page.getByText('No matches').waitFor();
    await browser.screenshot('13-evidence-many');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trail' }).click();
    const events = page.getByRole('table', { name: 'Trail events' }).locator('tbody tr');
    await page.getByText('50+ rows').waitFor();
    await page.getByRole('button', { name: 'Load more' }).click();
    await expect.poll(() => events.count()).toBeGreaterThan(50);
    // Newest first across pages: sequence numbers keep falling.
    const seqs = (await events.locator('td:first-child').allTextContents()).map(Number);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(seqs.at(-1)).toBe(1);
  });
});
