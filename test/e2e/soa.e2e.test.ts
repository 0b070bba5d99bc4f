import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { E2eBrowser } from './support/browser.js';
import type { E2eServer } from './support/e2e-server.js';
import { ADMIN, apiSession, atWidth, closeStory, expectAccessible, logInThroughUi, openAdminStory, pageScrollWidth, tableFit, type ApiSession } from './support/story.js';

// The Statement of Applicability in a real browser: an admin tailors controls through the form and
// links evidence another member uploaded; a second approver accepts it and sees the derived status
// turn implemented; issuing is refused with the server's blockers until every control is decided;
// the EU AI Act coverage shows Art. 9 with its mapped controls; a CSV import names its bad rows; a
// supplier's share of a control needs its contract, and supplier evidence decides the status.
const PAULA = { name: 'Paula Approver', email: 'paula@northwind.example', password: 'approver password 77' };
const CARL = { name: 'Carl Contributor', email: 'carl@northwind.example', password: 'contributor password 99' };
const CARL_EVIDENCE = 'Board minutes: AI policy approved';
const ADMIN_EVIDENCE = 'AI policy draft by Ada';
const EU_CROSSWALK = 'iso42001-2023_eu-ai-act-2024';

let server: E2eServer;
let browser: E2eBrowser;
let admin: ApiSession;

async function api(session: ApiSession, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function upload(session: ApiSession, title: string, validity: { validFrom?: string; validUntil?: string } = {}): Promise<string> {
  const form = new FormData();
  form.set('file', new Blob([`${title}\n`], { type: 'text/plain' }), `${title.toLowerCase().replace(/\W+/g, '-')}.txt`);
  form.set('title', title);
  form.set('kind', 'record');
  for (const [key, value] of Object.entries(validity)) form.set(key, value);
  const response = await fetch(`${server.url}/api/v1/evidence`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken }, body: form });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** At a phone width: nothing wider than the screen, every table's actions in view. */
async function fitsAt(page: Page, width: number, shot: string): Promise<void> {
  await atWidth(page, width, async () => {
    await browser.screenshot(shot);
    expect(await pageScrollWidth(page)).toBeLessThanOrEqual(width);
    for (const table of await tableFit(page)) expect(table.clippedActions, table.caption).toEqual([]);
  });
}

/** A status badge by its words (its icon is hidden from assistive technology, not from textContent). */
const badge = (scope: Locator, words: string) => scope.locator('.badge').filter({ hasText: new RegExp(`^[✓!✕i•]?\\s*${words}$`) });
const main = () => browser.page.getByRole('main');
const nav = () => browser.page.getByRole('navigation', { name: 'Main' });

async function openControl(controlId: string, title: string): Promise<void> {
  const { page } = browser;
  await page.goto(`${server.url}/soa/controls/${controlId}`);
  await page.getByRole('heading', { level: 1, name: `${controlId} ${title}` }).waitFor();
}

describe('the Statement of Applicability in a real browser', () => {
  beforeAll(async () => {
    ({ server, browser } = await openAdminStory(async (started) => {
      server = started;
      admin = await apiSession(server, ADMIN.email, ADMIN.password);
      for (const [person, role] of [
        [PAULA, 'approver'],
        [CARL, 'contributor'],
      ] as const) {
        expect((await api(admin, 'POST', '/users', { email: person.email, displayName: person.name, password: person.password, role })).status).toBe(201);
      }
      await upload(await apiSession(server, CARL.email, CARL.password), CARL_EVIDENCE);
    }));
  });

  afterAll(() => closeStory({ server, browser }));

  it('opens from the navigation: draft 1, 38 undecided controls, counts and exports of the draft', async () => {
    const { page } = browser;
    await nav().getByRole('link', { name: 'Statement of Applicability' }).click();
    await page.getByRole('heading', { level: 1, name: 'Statement of Applicability' }).waitFor();
    await main().getByRole('heading', { name: /Draft 1/ }).waitFor();
    await main().getByRole('heading', { name: '38 Annex A controls at a glance' }).waitFor();
    expect(await page.getByRole('list', { name: 'Controls by applicability' }).getByRole('link', { name: /38\s*Undecided/ }).count()).toBe(1);
    expect(await page.getByText('38 rows', { exact: true }).count()).toBe(1);
    // Exports of the working draft carry no version.
    expect(await main().getByRole('link', { name: /^CSV/ }).getAttribute('href')).toBe('/api/v1/soa/export?format=csv');
    expect(await main().getByRole('link', { name: /^OSCAL/ }).getAttribute('href')).toBe('/api/v1/soa/export?format=oscal');
    await expectAccessible(browser, '60-soa-draft');

    // A filter is a server query kept in the URL.
    await main().getByLabel('Objective').selectOption('A.2');
    await page.waitForURL(/\/soa\?objective=A\.2$/);
    await page.getByText('3 rows', { exact: true }).waitFor();
    await page.reload();
    await page.getByText('3 rows', { exact: true }).waitFor();
    expect(await main().getByLabel('Objective').inputValue()).toBe('A.2');
    await fitsAt(page, 400, '60-soa-draft-400');
    await main().getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('38 rows', { exact: true }).waitFor();
  });

  it('tailors controls through the form: an exclusion needs a justification; an owned, planned control is planned', async () => {
    const { page } = browser;
    await main().getByRole('link', { name: 'A.10.3', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /^A\.10\.3 / }).waitFor();
    const form = page.getByRole('form', { name: 'Decision for A.10.3' });
    await form.getByLabel('Applicability').selectOption('excluded');
    await form.getByRole('button', { name: 'Save decision' }).click();
    await form.getByText('Justification is required to exclude a control').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await expectAccessible(browser, '61-control-exclusion-error');

    await form.getByLabel('Justification').fill('We buy no AI components from suppliers.');
    await form.getByRole('button', { name: 'Save decision' }).click();
    await page.getByText('Decision saved in the draft.').waitFor();
    await badge(page.getByRole('region', { name: 'Status in the working draft' }), 'Not applicable').waitFor();

    await openControl('A.2.2', 'AI policy');
    // Our own one-line description from the catalog, never ISO's text.
    await page.getByText('Write down a policy for developing or using AI systems.').waitFor();
    const policy = page.getByRole('form', { name: 'Decision for A.2.2' });
    await policy.getByLabel('Applicability').selectOption('applicable');
    await policy.getByLabel('Owner').selectOption({ label: `${ADMIN.name} (Admin)` });
    await policy.getByLabel('Justification').fill('Top management sets direction for AI.');
    await policy.getByLabel('Implementation plan').fill('Board approves the AI policy in Q1.');
    await policy.getByRole('button', { name: 'Save decision' }).click();
    await page.getByText('Decision saved in the draft.').waitFor();
    const status = page.getByRole('region', { name: 'Status in the working draft' });
    await badge(status, 'Planned').waitFor();
    await status.getByText('no evidence linked').waitFor();
  });

  it('links evidence: your own upload cannot be accepted by you; another approver accepts it and the control is implemented', async () => {
    const { page } = browser;
    const ownId = await upload(admin, ADMIN_EVIDENCE);
    expect((await api(admin, 'POST', `/evidence/${ownId}/links`, { entityType: 'soa_control', entityId: 'A.2.2' })).status).toBe(201);

    await page.reload();
    const evidence = page.getByRole('region', { name: 'Evidence', exact: true });
    const link = page.getByRole('form', { name: 'Link evidence to A.2.2' });
    await link.getByLabel('Evidence').selectOption({ label: `${CARL_EVIDENCE} (board-minutes-ai-policy-approved.txt)` });
    await link.getByRole('button', { name: 'Link evidence' }).click();
    await page.getByText('Linked to A.2.2. An approver can now accept it.').waitFor();
    await evidence.getByRole('row').filter({ hasText: CARL_EVIDENCE }).waitFor();
    await page.getByRole('region', { name: 'Status in the working draft' }).getByText('linked evidence not yet accepted by an approver').waitFor();

    // Segregation of duties: the server refuses the admin's acceptance of their own upload.
    await evidence.getByRole('row').filter({ hasText: ADMIN_EVIDENCE }).getByRole('button', { name: `Accept ${ADMIN_EVIDENCE}` }).click();
    await page.getByRole('form', { name: `Accept ${ADMIN_EVIDENCE}` }).getByRole('button', { name: 'Accept evidence' }).click();
    await page.getByRole('alert').filter({ hasText: /segregation of duties/i }).waitFor();
    await expectAccessible(browser, '62-control-own-evidence-refused');

    await page.getByRole('button', { name: 'Log out' }).click();
    await logInThroughUi(page, PAULA.email, PAULA.password);
    await openControl('A.2.2', 'AI policy');
    // An approver does not tailor: the decision is read-only for them.
    expect(await page.getByRole('form', { name: 'Decision for A.2.2' }).count()).toBe(0);
    const rows = page.getByRole('region', { name: 'Evidence', exact: true }).getByRole('row');
    await rows.filter({ hasText: CARL_EVIDENCE }).getByRole('button', { name: `Accept ${CARL_EVIDENCE}` }).click();
    const accept = page.getByRole('form', { name: `Accept ${CARL_EVIDENCE}` });
    await accept.getByLabel('Note').fill('Signed minutes checked against the board register.');
    await accept.getByRole('button', { name: 'Accept evidence' }).click();
    await page.getByText(`“${CARL_EVIDENCE}” accepted as proof of A.2.2.`).waitFor();
    const status = page.getByRole('region', { name: 'Status in the working draft' });
    await badge(status, 'Implemented').waitFor();
    await status.getByText(/1 accepted piece\(s\) of evidence valid on/).waitFor();
    const accepted = rows.filter({ hasText: CARL_EVIDENCE });
    await badge(accepted, 'Current').waitFor();
    expect(await accepted.textContent()).toContain(PAULA.email);
    await page.getByRole('region', { name: 'Crosswalk mappings' }).getByRole('link', { name: /EU/ }).waitFor();
    await expectAccessible(browser, '63-control-implemented');
    await fitsAt(page, 400, '63-control-implemented-400');
  });

  it('issuing is refused with the blockers listed by control; once every control is decided it issues and freezes', async () => {
    const { page } = browser;
    await nav().getByRole('link', { name: 'Statement of Applicability' }).click();
    await main().getByRole('button', { name: 'Issue version 1' }).click();
    const issue = page.getByRole('form', { name: 'Issue version 1' });
    await issue.getByRole('button', { name: 'Issue version 1' }).click();
    await issue.getByRole('alert').filter({ hasText: 'Version 1 cannot be issued yet: 36 controls need attention. Nothing was issued.' }).waitFor();
    const blockers = page.getByRole('heading', { name: 'What stops version 1 (36 controls)' });
    await blockers.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('What stops version 1 (36 controls)');
    const a23 = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^A\.2\.3 / }) });
    expect(await a23.textContent()).toContain('Applicability: not decided yet');
    // A.2.2 and A.10.3 were decided in the form; they are not listed.
    expect(await page.getByRole('link', { name: /^A\.2\.2 / }).count()).toBe(0);
    await expectAccessible(browser, '64-soa-issue-blockers');
    await fitsAt(page, 400, '64-soa-issue-blockers-400');

    // The rest, quickly through the API as the admin.
    const soa = (await (await api(admin, 'GET', '/soa?applicability=undecided')).json()) as { controls: Array<{ controlId: string }> };
    const me = (await (await api(admin, 'GET', '/me')).json()) as { user: { id: string } };
    for (const { controlId } of soa.controls) {
      const body = { applicability: 'applicable', justification: 'Needed to treat our AI risks.', ownerUserId: me.user.id, implementationPlan: 'Document, then operate for a quarter.' };
      expect((await api(admin, 'PATCH', `/soa/controls/${controlId}`, body)).status).toBe(200);
    }

    await issue.getByLabel('Note for the record').fill('First SoA, approved by the board.');
    await issue.getByRole('button', { name: 'Issue version 1' }).click();
    await page.getByRole('status').filter({ hasText: 'Version 1 issued' }).waitFor();
    await page.waitForURL(/\/soa\?version=1$/);
    await main().getByRole('heading', { name: /Version 1\s*Issued/ }).waitFor();
    await main().getByText(`by ${PAULA.email}`, { exact: false }).first().waitFor();
    await main().getByText('Note: First SoA, approved by the board.').waitFor();
    // An issued version is read-only and its exports name it.
    expect(await main().getByRole('button', { name: /^Issue version/ }).count()).toBe(0);
    expect(await main().getByRole('link', { name: /^Printable HTML/ }).getAttribute('href')).toBe('/api/v1/soa/export?format=html&version=1');
    await expectAccessible(browser, '65-soa-issued');
  });

  it('compares the issued version with the draft that follows it', async () => {
    const { page } = browser;
    expect((await api(admin, 'PATCH', '/soa/controls/A.10.3', { applicability: 'applicable', justification: 'We now buy a scoring model.', ownerUserId: null })).status).toBe(200);
    await page.goto(`${server.url}/soa`);
    await main().getByRole('heading', { name: /Draft 2/ }).waitFor();
    await main().getByRole('link', { name: 'Compare versions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Compare SoA versions' }).waitFor();
    await main().getByRole('heading', { name: 'Version 1 → Draft 2: 1 control changed' }).waitFor();
    const table = page.getByRole('table', { name: 'Changes to A.10.3' });
    expect(await table.getByRole('row', { name: /Applicability/ }).textContent()).toContain('ExcludedApplicable');
    await expectAccessible(browser, '66-soa-compare');
  });

  it('crosswalk coverage: the EU AI Act view carries its caveat and shows Art. 9 with its mapped controls', async () => {
    const { page } = browser;
    await nav().getByRole('link', { name: 'Crosswalks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Crosswalks' }).waitFor();
    await main().getByText('Screening aid, not legal advice').waitFor();
    await expectAccessible(browser, '67-crosswalks');
    await main().getByRole('link', { name: /View coverage of .*Artificial Intelligence Act|View coverage of .*AI Act/i }).click();
    await page.waitForURL(new RegExp(`/crosswalks/${EU_CROSSWALK}$`));
    await main().getByText('Screening aid: an analyst mapping, not legal advice').waitFor();
    await main().getByText(/Guidance, not legal advice/).waitFor();
    await main().getByRole('list', { name: 'Items by coverage' }).waitFor();

    const art9 = page.getByRole('row').filter({ hasText: 'Art. 9' }).first();
    await art9.getByRole('button', { name: 'Show mappings and gaps of Art. 9' }).click();
    const detail = page.locator('#coverage-Art-9');
    await detail.getByRole('heading', { name: /Mapped from ISO\/IEC 42001/ }).waitFor();
    const controls = detail.getByRole('link', { name: /^A\.\d+\.\d+/ });
    expect(await controls.count()).toBeGreaterThan(0);
    await detail.getByText(/Clause 6\.1\.2/).waitFor();
    await detail.getByRole('heading', { name: /Gaps/ }).waitFor();
    await expectAccessible(browser, '68-coverage-eu-ai-act');
    await fitsAt(page, 400, '68-coverage-eu-ai-act-400');

    // A mapped control links to its SoA page.
    const first = (await controls.first().textContent()) ?? '';
    await controls.first().click();
    await page.getByRole('heading', { level: 1, name: first.trim() }).waitFor();
  });

  it('CSV import names the bad row and column and changes nothing; a good file reports its counts', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Log out' }).click();
    await logInThroughUi(page, ADMIN.email, ADMIN.password);
    await nav().getByRole('link', { name: 'Statement of Applicability' }).click();
    await main().getByRole('button', { name: 'Import CSV' }).click();
    const form = page.getByRole('form', { name: 'Import decisions from CSV' });
    await form.getByRole('button', { name: 'Import' }).click();
    await form.getByText('CSV file is required: choose a CSV file').waitFor();

    const bad = ['control_id,applicability,justification', 'A.2.4,applicable,Fine', 'A.5.1,applicable,Invented ID', 'A.2.3,excluded,'].join('\n');
    await form.getByLabel('CSV file').setInputFiles({ name: 'soa.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await form.getByRole('button', { name: 'Import' }).click();
    await form.getByRole('alert').filter({ hasText: 'Nothing was imported: the file has 2 problems, listed below.' }).waitFor();
    const problems = page.getByRole('table', { name: 'Import problems' });
    const row3 = problems.getByRole('row').filter({ hasText: 'A.5.1 is not an ISO/IEC 42001 Annex A control ID' });
    expect((await row3.getByRole('cell').allTextContents()).slice(0, 2)).toEqual(['3', 'control_id']);
    expect((await problems.getByRole('row').filter({ hasText: 'justification' }).getByRole('cell').allTextContents())[0]).toBe('4');
    await expectAccessible(browser, '69-soa-import-problems');
    await fitsAt(page, 400, '69-soa-import-problems-400');

    const good = ['control_id,applicability,justification', 'A.10.3,excluded,We buy no AI components after all.'].join('\n');
    await form.getByLabel('CSV file').setInputFiles({ name: 'soa.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await form.getByRole('button', { name: 'Import' }).click();
    await page.getByRole('status').filter({ hasText: '1 row read: 1 control changed, 0 unchanged.' }).waitFor();
    expect(await page.getByRole('table', { name: 'Import problems' }).count()).toBe(0);
    expect(browser.errors).toEqual([]);
  });

  it('shared responsibility: a supplier share needs its contract; expired supplier evidence needs review, valid evidence lets the control be implemented', async () => {
    const { page } = browser;
    expect((await api(admin, 'POST', '/suppliers', { name: 'ModelCo', kind: 'model_api' })).status).toBe(201);
    const carl = await apiSession(server, CARL.email, CARL.password);
    const lapsed = await upload(carl, 'ModelCo SOC 2 for 2023', { validFrom: '2023-01-01', validUntil: '2023-12-31' });
    const report = await upload(carl, 'ModelCo SOC 2 report', { validFrom: '2024-01-01', validUntil: '2099-12-31' });
    for (const id of [lapsed, report]) expect((await api(carl, 'POST', `/evidence/${id}/links`, { entityType: 'soa_control', entityId: 'A.10.2' })).status).toBe(201);

    await openControl('A.10.2', 'Allocating responsibilities');
    const panel = page.getByRole('region', { name: 'Shared responsibility' });
    const status = page.getByRole('region', { name: 'Status in the working draft' });
    await panel.getByText('No supplier shares').waitFor();
    await panel.getByText('counts as implemented only while supplier evidence is valid today').waitFor();

    // A shared control without a contract reference: the server's refusal lands under the field.
    const share = page.getByRole('form', { name: 'Supplier share of A.10.2' });
    await share.getByLabel('Supplier').selectOption({ label: 'ModelCo' });
    await share.getByLabel('Held by').selectOption('shared');
    await share.getByRole('button', { name: 'Add share' }).click();
    await share.getByText(/^⚠ Contract reference is required when the supplier holds the control \(ModelCo has no contract reference on record\)$/).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('contractReference');
    await expectAccessible(browser, '70-control-share-contract-error');

    await share.getByLabel('Contract reference').fill('MSA-7 §4.2');
    await share.getByRole('button', { name: 'Add share' }).click();
    await panel.getByText('ModelCo shares A.10.2 with us under MSA-7 §4.2. Saved in the draft.').waitFor();
    const row = panel.getByRole('row').filter({ hasText: 'ModelCo' });
    expect(await row.getByRole('cell').allTextContents()).toEqual(expect.arrayContaining(['ModelCo', 'Shared', 'MSA-7 §4.2']));
    await badge(row, 'None yet: needed').waitFor();
    await status.getByText('no supplier evidence from ModelCo').waitFor();

    // Supplier evidence that has expired: the control needs review.
    const mark = page.getByRole('form', { name: 'Mark supplier evidence for A.10.2' });
    await mark.getByLabel('Evidence').selectOption({ label: 'ModelCo SOC 2 for 2023' });
    await mark.getByRole('button', { name: 'Mark as supplier evidence' }).click();
    await badge(status, 'Needs review').waitFor();
    await status.getByText('supplier evidence from ModelCo has expired').waitFor();
    await badge(row, 'Not valid today').waitFor();

    // A current report: the review reason goes; once an approver accepts proof, it is implemented.
    await mark.getByLabel('Evidence').selectOption({ label: 'ModelCo SOC 2 report' });
    await mark.getByRole('button', { name: 'Mark as supplier evidence' }).click();
    await badge(row, 'Valid today').waitFor();
    await badge(status, 'Planned').waitFor();
    expect(await status.getByText(/supplier evidence from ModelCo/).count()).toBe(0);
    await status.getByText('linked evidence not yet accepted by an approver').waitFor();
    const evidence = page.getByRole('region', { name: 'Evidence', exact: true });
    await evidence.getByRole('row').filter({ hasText: 'ModelCo SOC 2 report' }).getByRole('button', { name: 'Accept ModelCo SOC 2 report' }).click();
    const accept = page.getByRole('form', { name: 'Accept ModelCo SOC 2 report' });
    await accept.getByLabel('Note').fill('Bridge letter covers the months since the audit period.');
    await accept.getByRole('button', { name: 'Accept evidence' }).click();
    await badge(status, 'Implemented').waitFor();
    // The approver's note is shown with the acceptance.
    await evidence.getByText('“Bridge letter covers the months since the audit period.”').waitFor();
    await expectAccessible(browser, '71-control-shared-implemented');
    await fitsAt(page, 400, '71-control-shared-implemented-400');

    // The SoA table marks the control quietly.
    await nav().getByRole('link', { name: 'Statement of Applicability' }).click();
    const a102 = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'A.10.2', exact: true }) });
    await a102.getByText('Shared with ModelCo').waitFor();
    await expectAccessible(browser, '72-soa-shared-hint');
    expect(browser.errors).toEqual([]);
  });
});
