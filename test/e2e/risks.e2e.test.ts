import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { Harness } from '../support/harness.js';
import { creditEngineAnswers, inventoryCreditEngine } from '../support/inventory-fixtures.js';
import type { E2eBrowser } from './support/browser.js';
import type { E2eServer } from './support/e2e-server.js';
import { ADMIN, apiSession, atWidth, closeStory, expectAccessible, logInThroughUi, openAdminStory, pageScrollWidth, tableFit, type ApiSession } from './support/story.js';

// Impact assessment and risk register in a real browser: a governance lead writes the credit
// engine's impact assessment (an incomplete submit names its sections), an approver approves it;
// the risk owner registers a risk the server scores, treats it with A.6.2.4 and A.9.2 leaving a
// residual above the appetite; an approver accepts it (and is refused on a risk they own); the
// heatmap counts it; a regulatory change puts it in the review queue; a bad scoring method is
// refused field by field.
const GINA = { name: 'Gina Governance', email: 'gina@northwind.example', password: 'governance password 11' };
const RITA = { name: 'Rita Risk', email: 'rita@northwind.example', password: 'risk owner password 22' };
const PAULA = { name: 'Paula Approver', email: 'paula@northwind.example', password: 'approver password 77' };
const SYSTEM = 'Credit decision engine';
const RISK = 'Age bias in refusals';
const PAULAS_RISK = 'Model drift after rate change';

let server: E2eServer;
let browser: E2eBrowser;
let admin: ApiSession;
let ids: Record<string, string> = {};

async function api(session: ApiSession, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

/** The inventory fixture speaks to a harness; here its requests go to the real server with a session. */
function overHttp(): Harness {
  return { app: { request: (path: string, init: RequestInit) => fetch(`${server.url}${path}`, init) } } as unknown as Harness;
}

async function fitsAt(page: Page, width: number, shot: string): Promise<void> {
  await atWidth(page, width, async () => {
    await browser.screenshot(shot);
    // On failure, name what sticks out: elements past the edge, or whose text overflows them.
    const wide = await page.evaluate((w) =>
      [...document.querySelectorAll<HTMLElement>('main *')]
        .filter((e) => e.getBoundingClientRect().right + window.scrollX > w + 0.5 || (e.clientWidth > 0 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'))
        .slice(-4)
        .map((e) => `${e.tagName}.${e.className}: ${(e.textContent ?? '').slice(0, 50)}`),
      width,
    );
    expect(await pageScrollWidth(page), wide.join('\n')).toBeLessThanOrEqual(width);
    for (const table of await tableFit(page)) expect(table.clippedActions, table.caption).toEqual([]);
  });
}

const badge = (scope: Locator, words: string) => scope.locator('.badge').filter({ hasText: new RegExp(`^[✓!✕i•]?\\s*${words}$`) });
const main = () => browser.page.getByRole('main');
const nav = () => browser.page.getByRole('navigation', { name: 'Main' });

async function switchUser(person: { email: string; password: string }): Promise<void> {
  await browser.page.getByRole('button', { name: 'Log out' }).click();
  await logInThroughUi(browser.page, person.email, person.password);
}

describe('impact assessments and the AI risk register in a real browser', () => {
  beforeAll(async () => {
    ({ server, browser } = await openAdminStory(async (started) => {
      server = started;
      admin = await apiSession(server, ADMIN.email, ADMIN.password);
      for (const [person, role] of [
        [GINA, 'governance_lead'],
        [RITA, 'risk_owner'],
        [PAULA, 'approver'],
      ] as const) {
        const added = await api(admin, 'POST', '/users', { email: person.email, displayName: person.name, password: person.password, role });
        expect(added.status).toBe(201);
        ids[person.email] = ((await added.json()) as { id: string }).id;
      }
      const gina = await apiSession(server, GINA.email, GINA.password);
      const engine = await inventoryCreditEngine(overHttp(), { headers: { cookie: gina.cookie, 'x-csrf-token': gina.csrfToken } });
      ids = { ...ids, system: engine.systemId };
      expect((await api(gina, 'POST', `/systems/${engine.systemId}/classifications`, { answers: creditEngineAnswers() })).status).toBe(201);
    }));
  });

  afterAll(() => closeStory({ server, browser }));

  it('the governance lead starts the assessment; an incomplete submit names each missing section; the complete one is submitted', async () => {
    const { page } = browser;
    await switchUser(GINA);
    await nav().getByRole('link', { name: 'Impact assessments' }).click();
    await page.getByRole('heading', { level: 1, name: 'Impact assessments' }).waitFor();
    const start = page.getByRole('form', { name: 'Start an assessment' });
    await start.getByRole('button', { name: 'Start assessment' }).click();
    await start.getByText('AI system is required: choose one.').waitFor();
    await start.getByLabel('AI system').selectOption({ label: SYSTEM });
    await start.getByRole('button', { name: 'Start assessment' }).click();
    await page.getByRole('heading', { level: 1, name: `Impact assessment: ${SYSTEM}` }).waitFor();
    // The classification makes us a deployer of a high-risk system: Art. 27 is asked for.
    await main().getByText('Required: the latest EU AI Act classification makes you a deployer of a high-risk system.').waitFor();
    const form = page.getByRole('form', { name: 'Impact assessment' });
    await form.getByRole('heading', { name: 'Fundamental rights (EU AI Act Art. 27)' }).waitFor();

    // Labels by exact name: each section (a region) is named like its main field.
    const box = (name: string) => form.getByRole('textbox', { name, exact: true });
    await box('Purpose').fill('Decide consumer loan applications up to EUR 50,000');
    await form.getByRole('button', { name: 'Submit for approval' }).click();
    const alert = form.getByRole('alert');
    await alert.getByText(/^Not submitted: \d sections are incomplete\. Your changes are saved\.$/).waitFor();
    await alert.getByRole('link', { name: 'Intended use' }).waitFor();
    expect(await alert.getByRole('link', { name: 'Purpose' }).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toContain('form-alert');
    const intended = page.getByRole('region', { name: 'Intended use' });
    await intended.getByText('To submit: intended use is empty').waitFor();
    await badge(intended, 'Incomplete').waitFor();
    await badge(page.getByRole('region', { name: 'Purpose' }), 'Complete').waitFor();
    await page.getByRole('region', { name: 'Stakeholders' }).getByText('To submit: no affected stakeholder group').waitFor();
    await expectAccessible(browser, '70-assessment-incomplete');

    await box('Intended use').fill('Pre-screen applications; a credit officer takes every decision');
    await box('Foreseeable misuse').fill('Used as the only basis for a refusal, or for business loans');
    await form.getByRole('button', { name: 'Add a stakeholder group' }).click();
    await form.getByLabel('Group 1 name').fill('Loan applicants');
    await form.getByRole('button', { name: 'Add a stakeholder group' }).click();
    await form.getByLabel('Group 2 name').fill('Applicants over 75');
    await form.getByLabel('Group 2 is a vulnerable group').check();
    await form.getByRole('button', { name: 'Add a harm or benefit' }).click();
    await form.getByLabel('Item 1 affects').selectOption('groups');
    await form.getByLabel('Item 1 description').fill('Unfair refusal of older applicants');
    // A harm without its scores is refused by the contract before anything is sent.
    await form.getByRole('button', { name: 'Save draft' }).click();
    await form.getByText('Item 1 severity is required').waitFor();
    await form.getByLabel('Item 1 severity').selectOption({ label: '4 – Major' });
    await form.getByLabel('Item 1 likelihood').selectOption({ label: '3 – Possible' });
    for (const [label, text] of [
      ['Processes the system is used in', 'Credit officers use the score when deciding'],
      ['Period and frequency of use', 'Continuously, about 20,000 decisions a month'],
      ['People and groups likely affected', 'Consumers applying for loans in the EU'],
      ['Specific risks of harm', 'Discrimination by age'],
      ['How human oversight is carried out', 'Every refusal reviewed by a credit officer'],
      ['Measures if the risks materialise', 'Suspend automated pre-screening; complaint handling'],
    ] as const) {
      await box(label).fill(text);
    }
    await form.getByRole('button', { name: 'Add a mitigation' }).click();
    await form.getByLabel('Mitigation 1').fill('Monitor approval rates by age group');
    await box('Human oversight measures').fill('Human in the loop for every refusal');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await page.getByText('Draft saved: 8 of 8 sections complete.').waitFor();
    await fitsAt(page, 400, '71-assessment-complete-400');

    await form.getByRole('button', { name: 'Submit for approval' }).click();
    await page.getByText('Submitted for approval. An approver who did not write it decides it.').waitFor();
    await badge(main(), 'Submitted for approval').first().waitFor();
    // Submitted: read-only, and Gina (no approve permission) gets no decision panel.
    expect(await page.getByRole('form', { name: 'Impact assessment' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Decision' }).count()).toBe(0);
    await page.getByRole('region', { name: 'Stakeholders' }).getByText('Vulnerable group').waitFor();
    ids.assessment = page.url().split('/').pop() ?? '';
    await expectAccessible(browser, '72-assessment-submitted');
  });

  it('an approver approves the assessment; registering a risk is possible only after that', async () => {
    const { page } = browser;
    await switchUser(PAULA);
    await nav().getByRole('link', { name: 'Impact assessments' }).click();
    await main().getByRole('link', { name: `${SYSTEM}, version 1` }).click();
    const decision = page.getByRole('region', { name: 'Decision' });
    await expectAccessible(browser, '73-assessment-decision');
    await decision.getByLabel(/Note/).fill('Reviewed with legal');
    await decision.getByRole('button', { name: 'Approve' }).click();
    await page.getByText(`Version 1 approved. Risks of ${SYSTEM} can now be assessed.`).waitFor();
    await badge(main(), 'Approved').first().waitFor();
    const history = page.getByRole('table', { name: 'Versions of this assessment' });
    expect(await history.getByRole('row').filter({ hasText: 'Version 1 (this one)' }).textContent()).toContain(PAULA.email);
  });

  it('the risk owner registers a risk: the server scores it high and flags it until a control is linked', async () => {
    const { page } = browser;
    await switchUser(RITA);
    await nav().getByRole('link', { name: 'Risks' }).click();
    await page.getByRole('heading', { level: 1, name: 'AI risk register' }).waitFor();
    await main().getByRole('button', { name: 'Register risk' }).click();
    const form = page.getByRole('form', { name: 'Register a risk' });
    // The form offers the scales' labels, never a score or a level.
    expect(await form.getByLabel('Likelihood').locator('option').allTextContents()).toEqual(['Choose…', '1 – Rare', '2 – Unlikely', '3 – Possible', '4 – Likely', '5 – Almost certain']);
    expect(await form.getByLabel(/level/i).count()).toBe(0);
    await form.getByRole('button', { name: 'Register risk' }).click();
    await form.getByText('AI system is required').waitFor();
    await expectAccessible(browser, '74-register-risk-errors');

    await form.getByLabel('AI system').selectOption({ label: SYSTEM });
    await form.getByLabel('Owner').selectOption({ label: `${RITA.name} (Risk owner)` });
    await form.getByLabel('Title').fill(RISK);
    await form.getByLabel('Source', { exact: true }).selectOption('impact_assessment');
    await form.getByLabel('Likelihood').selectOption('3');
    await form.getByLabel('Severity').selectOption('3');
    await form.getByLabel('Stakeholder impact').selectOption('4');
    await form.getByRole('button', { name: 'Register risk' }).click();
    await page.getByRole('status').filter({ hasText: `“${RISK}” registered` }).getByText('The server scored it 12, level High, with scoring method version 1.').waitFor();

    const row = page.getByRole('table', { name: 'AI risks' }).getByRole('row').filter({ hasText: RISK });
    await row.getByText('inherent level is high but no Annex A control is linked').waitFor();
    expect(await row.locator('.level').first().textContent()).toMatch(/^12\s*·?\s*,?\s*High$/);
    await badge(row, 'Open').waitFor();
    await main().getByText('1 risk is flagged, for example a high risk without an Annex A control.').waitFor();
    expect(await main().getByRole('link', { name: /^CSV/ }).getAttribute('href')).toBe('/api/v1/risks/export?format=csv');
    expect(await main().getByRole('link', { name: /^Printable document/ }).getAttribute('href')).toBe('/api/v1/risks/export?format=html');
    await expectAccessible(browser, '75-register');

    // Filters are server queries kept in the URL.
    await main().getByLabel('Current level').selectOption('critical');
    await page.waitForURL(/\/risks\?level=critical$/);
    await main().getByText('No risks match these filters').waitFor();
    await main().getByLabel('Current level').selectOption('high');
    await page.waitForURL(/\/risks\?level=high$/);
    await page.reload();
    await page.getByRole('table', { name: 'AI risks' }).getByRole('row').filter({ hasText: RISK }).waitFor();
    expect(await main().getByLabel('Current level').inputValue()).toBe('high');
    await fitsAt(page, 400, '75-register-400');
  });

  it('treating it with A.6.2.4 and A.9.2 and a residual above the appetite requires acceptance', async () => {
    const { page } = browser;
    await main().getByRole('link', { name: RISK }).click();
    await page.getByRole('heading', { level: 1, name: RISK }).waitFor();
    const treatment = page.getByRole('form', { name: 'Treatment' });
    await treatment.getByLabel('Treatment option').selectOption('mitigate');
    await treatment.getByLabel('Residual likelihood').selectOption('3');
    await treatment.getByLabel('Residual severity').selectOption('2');
    await treatment.getByLabel('Residual stakeholder impact').selectOption('4');
    // Mitigation without a control: the server says so beside the control picker.
    await treatment.getByRole('button', { name: 'Save treatment' }).click();
    await treatment.getByText('Controls mitigation relies on at least one Annex A control; link it').waitFor();
    await treatment.getByLabel(/^A\.6\.2\.4 /).check();
    await treatment.getByLabel(/^A\.9\.2 /).check();
    await treatment.getByText('Selected: A.6.2.4, A.9.2').waitFor();
    await treatment.getByLabel('Treatment plan').fill('Validate per age group; human review of every refusal');
    await treatment.getByRole('button', { name: 'Save treatment' }).click();
    await page.getByText('Treatment saved. Status: Acceptance required.').waitFor();
    const status = page.getByRole('region', { name: 'Status', exact: true });
    await badge(status, 'Acceptance required').waitFor();
    await status.getByText('residual level high is above the appetite (medium); no acceptance yet').waitFor();
    expect(await status.getByText('no Annex A control is linked').count()).toBe(0);
    const scores = page.getByRole('table', { name: 'Scores' });
    expect(await scores.getByRole('row', { name: /Residual/ }).textContent()).toMatch(/12\s*·?\s*,?\s*High/);
    // Rita owns the risk and holds no acceptance permission: she is told who must accept.
    await page.getByRole('region', { name: 'Acceptance of the residual risk' }).getByText(/An approver who does not own this risk must accept/).waitFor();
    const controls = page.getByRole('region', { name: 'Treatment' }).getByRole('link', { name: /^A\.9\.2 / });
    expect(await controls.getAttribute('href')).toBe('/soa/controls/A.9.2');
    await page.getByRole('region', { name: 'Trail of this risk' }).getByText('Risk treated', { exact: true }).waitFor();
    await expectAccessible(browser, '76-risk-acceptance-required');
    await fitsAt(page, 400, '76-risk-acceptance-required-400');
    // The control page names the risks it treats by title, each linking back to the risk.
    const riskPathname = new URL(page.url()).pathname;
    await controls.click();
    await page.getByRole('heading', { level: 1, name: /^A\.9\.2 / }).waitFor();
    const linked = main().getByRole('link', { name: RISK, exact: true });
    expect(await linked.getAttribute('href')).toBe(riskPathname);
    await linked.click();
    await page.getByRole('heading', { level: 1, name: RISK }).waitFor();
  });

  it('an approver accepts it, but not a risk they own themselves', async () => {
    const { page } = browser;
    // A second risk, owned by Paula, prepared through the API.
    const rita = await apiSession(server, RITA.email, RITA.password);
    const own = await api(rita, 'POST', '/risks', { systemId: ids.system, title: PAULAS_RISK, ownerUserId: ids[PAULA.email], likelihood: 5, severity: 4, stakeholderImpact: 4 });
    expect(own.status).toBe(201);
    const ownId = ((await own.json()) as { id: string }).id;
    expect((await api(rita, 'PUT', `/risks/${ownId}/treatment`, { treatment: 'transfer', controlIds: ['A.10.3'], residual: { likelihood: 4, severity: 4, stakeholderImpact: 4 } })).status).toBe(200);

    await switchUser(PAULA);
    const expiresOn = new Date(Date.now() + 180 * 86_400_000).toISOString().slice(0, 10);
    await page.goto(`${server.url}/risks/${ownId}`);
    await page.getByRole('heading', { level: 1, name: PAULAS_RISK }).waitFor();
    const refused = page.getByRole('form', { name: 'Accept the residual risk' });
    await refused.getByLabel('Justification').fill('Mine to accept');
    await refused.getByLabel('Acceptance expires on').fill(expiresOn);
    await refused.getByRole('button', { name: 'Accept residual risk' }).click();
    await refused.getByRole('alert').filter({ hasText: 'Segregation of duties: you own this risk, so another approver must accept it.' }).waitFor();
    await expectAccessible(browser, '77-own-risk-refused');

    await nav().getByRole('link', { name: 'Risks' }).click();
    await main().getByRole('link', { name: RISK }).click();
    const accept = page.getByRole('form', { name: 'Accept the residual risk' });
    await accept.getByLabel('Justification').fill('Board accepts until the retraining in Q2');
    await accept.getByLabel('Acceptance expires on').fill(expiresOn);
    await accept.getByRole('button', { name: 'Accept residual risk' }).click();
    await page.getByText(`Residual high risk accepted until ${expiresOn}.`).waitFor();
    await badge(page.getByRole('region', { name: 'Status', exact: true }), 'Accepted').waitFor();
    const acceptance = page.getByRole('region', { name: 'Acceptance of the residual risk' });
    await acceptance.getByText('Board accepts until the retraining in Q2').waitFor();
    expect(await acceptance.textContent()).toContain(PAULA.email);
    await page.getByRole('region', { name: 'Trail of this risk' }).getByText('Risk accepted', { exact: true }).waitFor();
    await expectAccessible(browser, '78-risk-accepted');
  });

  it('the heatmap counts the risks in their cells, as tables with headers', async () => {
    const { page } = browser;
    await nav().getByRole('link', { name: 'Risks' }).click();
    await main().getByRole('navigation', { name: 'Risk pages' }).getByRole('link', { name: 'Heatmap' }).click();
    await page.getByRole('heading', { level: 1, name: 'Risk heatmap' }).waitFor();
    const inherent = page.getByRole('table', { name: /^Inherent risk/ });
    // Likelihood 3 (Possible) × impact 4: the first risk; 5 × 4: Paula's.
    const possible = inherent.getByRole('row', { name: /^3 Possible/ });
    expect((await possible.getByRole('cell').allTextContents())[3]).toBe('1High');
    expect((await inherent.getByRole('row', { name: /^5 Almost certain/ }).getByRole('cell').allTextContents())[3]).toBe('1Critical');
    expect((await possible.getByRole('cell').allTextContents())[0]).toBe('0Low');
    const residual = page.getByRole('table', { name: /^Residual risk/ });
    expect((await residual.getByRole('row', { name: /^3 Possible/ }).getByRole('cell').allTextContents())[3]).toBe('1High');
    await expectAccessible(browser, '79-heatmap');
    await fitsAt(page, 400, '79-heatmap-400');
  });

  it('a regulatory change puts the risk and the assessment in the review queue', async () => {
    const { page } = browser;
    await switchUser(GINA);
    await nav().getByRole('link', { name: 'Risks' }).click();
    await main().getByRole('navigation', { name: 'Risk pages' }).getByRole('link', { name: 'Review queue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Review queue' }).waitFor();
    await main().getByText('Nothing is due for review').waitFor();
    const form = page.getByRole('form', { name: 'Record a regulatory change' });
    await form.getByRole('button', { name: 'Record regulatory change' }).click();
    await form.getByText('What changed must not be empty').waitFor();
    await form.getByLabel('What changed').fill('Digital Omnibus adopted');
    await form.getByLabel(SYSTEM).check();
    await form.getByRole('button', { name: 'Record regulatory change' }).click();
    await page.getByRole('status').filter({ hasText: 'Regulatory change recorded' }).waitFor();
    const queue = page.getByRole('table', { name: 'Items due for review' });
    const riskRow = queue.getByRole('row').filter({ hasText: RISK });
    await riskRow.getByText('Regulatory change: Digital Omnibus adopted').waitFor();
    await queue.getByRole('row').filter({ hasText: 'Impact assessment v1' }).waitFor();
    await expectAccessible(browser, '80-review-queue');
    await fitsAt(page, 400, '80-review-queue-400');

    await riskRow.getByRole('link', { name: RISK }).click();
    await badge(page.getByRole('region', { name: 'Status', exact: true }), 'Review due').waitFor();
    await page.goto(`${server.url}/impact-assessments/${ids.assessment}`);
    await page.getByRole('alert').filter({ hasText: 'Review due' }).getByText('Regulatory change: Digital Omnibus adopted').waitFor();
    await main().getByRole('button', { name: 'Start version 2' }).waitFor();
    await expectAccessible(browser, '81-assessment-review-due');
  });

  it('the scoring method: a bad change is refused on its field; a good one is version 2 and re-scores the open risks', async () => {
    const { page } = browser;
    await nav().getByRole('link', { name: 'Risks' }).click();
    await main().getByRole('navigation', { name: 'Risk pages' }).getByRole('link', { name: 'Scoring method' }).click();
    await page.getByRole('heading', { level: 1, name: 'Risk scoring method' }).waitFor();
    await main().getByRole('heading', { name: 'Version 1 in force' }).waitFor();
    expect(await main().getByRole('link', { name: /^Methodology document/ }).getAttribute('href')).toBe('/api/v1/scoring-method/document');
    await expectAccessible(browser, '82-scoring-method');
    await main().getByRole('button', { name: 'Edit the method' }).click();
    const form = page.getByRole('form', { name: 'Change the scoring method' });
    await form.getByLabel('Medium from score').fill('1');
    await form.getByLabel('Reason for the change').fill('Stricter after the internal audit');
    await form.getByRole('button', { name: 'Save as version 2' }).click();
    await form.getByText('Medium from score must be higher than the level below').waitFor();
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('1');
    await expectAccessible(browser, '83-scoring-method-refused');
    await fitsAt(page, 400, '83-scoring-method-refused-400');
    await form.getByLabel('Medium from score').fill('3');
    await form.getByLabel('High from score').fill('6');
    await form.getByLabel('Critical from score').fill('15');
    await form.getByRole('button', { name: 'Save as version 2' }).click();
    await page.getByRole('status').filter({ hasText: 'Version 2 is in force' }).getByText('2 open risks were re-scored').waitFor();
    await page.getByRole('table', { name: 'Scoring method versions' }).getByRole('row').filter({ hasText: 'Stricter after the internal audit' }).waitFor();
    expect(browser.errors).toEqual([]);
  });
});
