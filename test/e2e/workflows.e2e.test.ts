import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2eBrowser } from './support/browser.js';
import type { E2eServer } from './support/e2e-server.js';
import { ADMIN, RISK_OWNER, apiSession, atWidth, bearerStatus, expectAccessible, expectNoRawRoleIds, logInThroughUi, pageScrollWidth, tableFit, uploadByApi, openAdminStory, closeStory } from './support/story.js';

// An initialized installation, in order: evidence upload and links, the trail, people and API
// tokens, a lost CSRF key, and what a non-admin role sees, with axe-core on each page.
const EVIDENCE_TITLE = 'Model card: triage classifier v3';
const EVIDENCE_BYTES = Buffer.from('# Model card\n\nIntended use: emergency triage support.\n', 'utf8');

let server: E2eServer;
let browser: E2eBrowser;

describe('everyday work in a real browser', () => {
  beforeAll(async () => {
    ({ server, browser } = await openAdminStory());
  });

  afterAll(() => closeStory({ server, browser }));

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

  it('tokens: an empty expiry is refused until "No expiry" is ticked, and every action fits at 1280 and 390 px', async () => {
    const { page } = browser;
    const create = page.getByRole('form', { name: 'Create an API token' });
    const days = create.getByLabel('Expires after (days)');
    const noExpiry = create.getByRole('checkbox', { name: 'No expiry' });
    await create.getByLabel('Name').fill('Nightly evidence sync');
    await create.getByLabel('Acts for').selectOption(ADMIN.email);
    await create.getByLabel('Role').selectOption('contributor');

    // Clearing the days is not a silent "never": the form refuses and says what to do.
    await days.fill('');
    await create.getByText('Enter how many days the token should work, or tick “No expiry”.').waitFor();
    await create.getByRole('button', { name: 'Create token' }).click();
    await create.getByText('Expires after (days) is required: enter 1–3650 days, or tick “No expiry”').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    expect(await page.getByRole('row').filter({ hasText: 'Nightly evidence sync' }).count()).toBe(0);

    // Never expiring is an explicit choice, and the form says so plainly before and on the button.
    expect(await noExpiry.isChecked()).toBe(false);
    await noExpiry.check();
    expect(await days.isDisabled()).toBe(true);
    expect(await create.getByText('Expires after (days) is required').count()).toBe(0);
    await create.getByRole('status').filter({ hasText: 'Never expires' }).waitFor();
    expect(await create.getByRole('status').textContent()).toContain('This token will work until someone revokes it.');
    await expectAccessible(browser, '14-token-form-never-expires');
    await create.getByRole('button', { name: 'Create token that never expires' }).click();
    const secret = await page.getByLabel('Token secret').inputValue();
    await page.getByRole('button', { name: 'I have stored the secret' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Nightly evidence sync' });
    expect(await row.getByRole('cell').nth(4).innerText()).toContain('Never');
    // The form is back to a 90-day token, with the box unticked.
    expect(await noExpiry.isChecked()).toBe(false);
    expect(await days.inputValue()).toBe('90');

    // A used token has a "Last used" time: the widest the row gets. Then ask to revoke it.
    expect(await bearerStatus(server, '/api/v1/me', secret)).toBe(200);
    await page.reload();
    await row.getByRole('cell').nth(5).getByRole('time').waitFor();
    await row.getByRole('button', { name: 'Revoke Nightly evidence sync' }).click();
    await row.getByRole('button', { name: 'Yes, revoke' }).waitFor();

    await atWidth(page, 1280, async () => {
      // At 1280 px nothing scrolls sideways: the Revoke buttons and the confirmation are whole.
      await browser.screenshot('15-tokens-1280');
      await expect.poll(() => tableFit(page)).toEqual([{ caption: 'API tokens', overflows: false, clippedActions: [] }]);
      const revokeBox = await page.getByRole('button', { name: 'Yes, revoke' }).boundingBox();
      const tableBox = await page.locator('.data-table__scroll').boundingBox();
      expect(revokeBox!.x + revokeBox!.width).toBeLessThanOrEqual(tableBox!.x + tableBox!.width);
      await expectAccessible(browser, '15-tokens-1280');
    });
    await atWidth(page, 390, async () => {
      // On a phone each token is a card of label and value lines, its actions on a line of their own.
      await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
      await expect.poll(() => tableFit(page)).toEqual([{ caption: 'API tokens', overflows: false, clippedActions: [] }]);
      const confirm = (await row.getByRole('button', { name: 'Yes, revoke' }).boundingBox())!;
      const lastUsed = (await row.getByRole('cell').nth(5).boundingBox())!;
      expect(confirm.y).toBeGreaterThan(lastUsed.y);
      expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
      await expectAccessible(browser, '16-tokens-390');
    });

    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await row.getByText('Revoked').waitFor();
  });

  it('trail: a change opens as a full-width row under its event, before and after side by side, readable at 1280 and 390 px', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/trail`);
    const table = page.getByRole('table', { name: 'Trail events' });
    const revoked = table.getByRole('row').filter({ hasText: 'API token revoked' }).first();
    const toggle = revoked.getByRole('button', { name: /^View change #\d+$/ });
    const seq = Number(await revoked.getByRole('cell').first().textContent());
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');

    await atWidth(page, 1280, async () => {
      // By keyboard: Enter opens the change in a row of its own, right under the event.
      await toggle.focus();
      await page.keyboard.press('Enter');
      const open = revoked.getByRole('button', { name: `Hide change #${seq}` });
      expect(await open.getAttribute('aria-expanded')).toBe('true');
      const change = page.getByRole('region', { name: `Change #${seq}: API token revoked` });
      await change.waitFor();
      expect(await open.getAttribute('aria-controls')).toBe(await change.getAttribute('id'));
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(`▾Hide change #${seq}`);
      const detailRow = page.locator('tr.table__detail-row');
      expect(await detailRow.count()).toBe(1);
      expect(await detailRow.locator(':scope > td').getAttribute('colspan')).toBe('7');
      expect(await page.evaluate(() => document.querySelector('tr.table__detail-row')?.previousElementSibling?.textContent ?? '')).toContain('API token revoked');

      // Full width: the change spans the table's box, not one narrow column.
      const box = (await change.boundingBox())!;
      const tableBox = (await page.locator('.data-table__scroll').boundingBox())!;
      expect(box.width).toBeGreaterThan(tableBox.width * 0.9);

      // Before and after side by side, each column wide enough for a timestamp on one line.
      const fields = change.getByRole('table');
      const before = (await fields.getByRole('columnheader', { name: 'Before' }).boundingBox())!;
      const after = (await fields.getByRole('columnheader', { name: 'After' }).boundingBox())!;
      expect(Math.abs(before.y - after.y)).toBeLessThan(2);
      expect(after.x).toBeGreaterThan(before.x + before.width - 1);
      expect(before.width).toBeGreaterThan(250);
      expect(after.width).toBeGreaterThan(250);
      // The field that changed is marked, with its old and new values.
      const revokedAt = fields.getByRole('row', { name: /^Revoked at/ });
      expect(await revokedAt.getByRole('rowheader').textContent()).toBe('Revoked atchanged');
      expect(await revokedAt.getByRole('cell').first().textContent()).toBe('none');
      expect(await revokedAt.getByRole('cell').last().textContent()).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
      // A field that did not change is shown once, across both columns.
      const role = fields.getByRole('row', { name: /^Role/ });
      expect(await role.getByRole('cell').allTextContents()).toEqual(['Contributor unchanged']);
      expect(await role.getByRole('cell').getAttribute('colspan')).toBe('2');
      // Values are monospace and no value is cut or broken inside a short word: each fits its cell on one line.
      const values = await change.locator('.change__value').evaluateAll((nodes) =>
        nodes.map((n) => ({ font: getComputedStyle(n).fontFamily, lines: Math.round(n.getBoundingClientRect().height / parseFloat(getComputedStyle(n).lineHeight || '20')), text: n.textContent ?? '' })),
      );
      expect(values.length).toBeGreaterThan(5);
      for (const v of values) {
        expect(v.font, v.text).toMatch(/mono/i);
        expect(v.lines, v.text).toBeLessThanOrEqual(1);
      }
      await expectAccessible(browser, '17-trail-change-1280');

      // The recorded JSON, exactly as hashed, is one more click away.
      await change.getByText('Recorded JSON').click();
      expect(await change.locator('pre').last().textContent()).toContain('"revokedAt": "');
      await change.getByText('Recorded JSON').click();
    });

    await atWidth(page, 390, async () => {
      const change = page.getByRole('region', { name: `Change #${seq}: API token revoked` });
      await change.scrollIntoViewIfNeeded();
      // The table scrolls sideways inside its box, but the change stays within the screen.
      const box = (await change.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(390);
      expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
      // Stacked: each field's before sits above its after, both as wide as the change.
      const fields = change.getByRole('table');
      const revokedAt = fields.getByRole('row', { name: /^Revoked at/ });
      const [beforeCell, afterCell] = [(await revokedAt.getByRole('cell').first().boundingBox())!, (await revokedAt.getByRole('cell').last().boundingBox())!];
      expect(afterCell.y).toBeGreaterThanOrEqual(beforeCell.y + beforeCell.height - 1);
      expect(beforeCell.width).toBeGreaterThan(box.width * 0.8);
      // Each stacked value is labelled (a "Before"/"After" line drawn from its data-side).
      const labels = await revokedAt.getByRole('cell').evaluateAll((cells) => cells.map((c) => [c.getAttribute('data-side'), getComputedStyle(c, '::before').display]));
      expect(labels).toEqual([['Before', 'block'], ['After', 'block']]);
      // Scrolled so the opened event sits just under the banner, as someone tapping "View" sees it.
      await page.evaluate(() => {
        document.querySelector('.table__row--open')?.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -70);
      });
      await browser.screenshot('18-trail-change-390', { viewport: true });
      await browser.screenshot('18-trail-change-390-full');
      expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
    });

    // A creation shows the one recorded state, with roles by their labels; Hide closes it again.
    const added = table.getByRole('row').filter({ hasText: 'User added' }).first();
    await added.getByRole('button', { name: /^View change/ }).click();
    const addedChange = page.getByRole('region', { name: /^Change #\d+: User added$/ }).filter({ hasText: RISK_OWNER.email });
    await addedChange.waitFor();
    expect(await addedChange.getByRole('columnheader').allTextContents()).toEqual(['Field', 'After']);
    expect(await addedChange.getByRole('row', { name: /^Role/ }).getByRole('cell').textContent()).toBe('Risk owner');
    await expectNoRawRoleIds(page, 'the trail with changes open');
    await revoked.getByRole('button', { name: `Hide change #${seq}` }).click();
    expect(await page.getByRole('region', { name: `Change #${seq}: API token revoked` }).count()).toBe(0);
    expect(await revoked.getByRole('button', { name: `View change #${seq}` }).getAttribute('aria-expanded')).toBe('false');
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
    await page.getByLabel('Filter by text').fill('');

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

  it('at 1280 px no table needs sideways scrolling: evidence, trail, people and tokens', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Log out' }).click();
    await logInThroughUi(page, ADMIN.email, ADMIN.password);
    await atWidth(page, 1280, async () => {
      for (const [path, caption, ready] of [
        ['/evidence', 'Evidence', 'Bulk record 49'],
        ['/trail', 'Trail events', 'Evidence uploaded'],
        ['/people', 'Members', RISK_OWNER.email],
        ['/tokens', 'API tokens', 'Nightly evidence sync'],
      ] as const) {
        await page.goto(`${server.url}${path}`);
        await page.getByRole('table', { name: caption }).getByRole('row').filter({ hasText: ready }).first().waitFor();
        expect(await tableFit(page), path).toEqual([{ caption, overflows: false, clippedActions: [] }]);
      }
      const evidenceId = await page.evaluate(async () => ((await (await fetch('/api/v1/evidence?limit=1')).json()) as { items: { id: string }[] }).items[0]?.id);
      await page.goto(`${server.url}/evidence/${evidenceId}`);
      await page.getByRole('heading', { level: 2, name: 'Linked to' }).waitFor();
      expect(await tableFit(page)).toEqual([{ caption: 'Links', overflows: false, clippedActions: [] }]);
    });
    expect(browser.errors).toEqual([]);
  });

  it('a record changed behind the application is shown as such on home and on the trail', async () => {
    const { page } = browser;
    server.tamper(`update evidence_items set valid_until = '2099-12-31'`);
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await page.getByText('Records differ').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trail' }).click();
    await page.getByRole('button', { name: 'Verify chain' }).click();
    const result = page.locator('.verify__result');
    await result.getByText('Records differ').waitFor();
    expect(await result.textContent()).toMatch(/chain is intact .* changed outside OpenAIMS/s);
  });
});
