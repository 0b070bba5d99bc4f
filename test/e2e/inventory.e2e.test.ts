import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Locator, Page } from 'playwright-core';
import { creditEngineAnswers } from '../support/inventory-fixtures.js';
import type { E2eBrowser } from './support/browser.js';
import type { E2eServer } from './support/e2e-server.js';
import { ADMIN, apiSession, atWidth, closeStory, expectAccessible, openAdminStory, pageScrollWidth, tableFit, type ApiSession } from './support/story.js';

// The Done-when through the web app: a credit-decision engine is inventoried with its
// model (recorded and versioned through the forms), dataset and supplier; screened through the
// wizard to high-risk under Annex III point 5(b); proposed by the server for wave 1; its model card
// downloaded as Markdown and the inventory exported as a CycloneDX ML-BOM. Bad input shows the
// server's reasons where they belong: a lifecycle jump under its field, a CSV's bad row and
// column, an ML-BOM's failing place. axe and a 400 px fit on every page.
const ENGINE = 'Credit decision engine';
const MODEL = 'credit-risk-xgb';
const SUPPLIER = 'Bureau Data GmbH';
const DATASET = 'loan-history';

let server: E2eServer;
let browser: E2eBrowser;
let admin: ApiSession;
let engineId = '';

async function api(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function created<T>(response: Promise<Response>): Promise<T> {
  const r = await response;
  expect(r.status, await r.clone().text()).toBe(201);
  return (await r.json()) as T;
}

/** At a phone width: nothing wider than the screen, every table's actions in view. */
async function fitsAt(page: Page, shot: string): Promise<void> {
  await atWidth(page, 400, async () => {
    await browser.screenshot(shot);
    expect(await pageScrollWidth(page), shot).toBeLessThanOrEqual(400);
    for (const table of await tableFit(page)) expect(table.clippedActions, table.caption).toEqual([]);
  });
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = (await Promise.all([page.waitForEvent('download'), click()])) as [Download, void];
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

const main = () => browser.page.getByRole('main');
const nav = () => browser.page.getByRole('navigation', { name: 'Main' });
const tab = (name: string) => browser.page.getByRole('tab', { name });
const row = (scope: Locator, text: string) => scope.getByRole('row').filter({ hasText: text });

describe('the AI system inventory in a real browser', () => {
  beforeAll(async () => {
    ({ server, browser } = await openAdminStory(async (started) => {
      server = started;
      admin = await apiSession(server, ADMIN.email, ADMIN.password);
      // The data vendor and its dataset come through the API; the model, its version, the system
      // and the supplier's link to it are made through the forms below.
      const supplier = await created<{ id: string }>(api('POST', '/suppliers', { name: SUPPLIER, kind: 'data_vendor', contractReference: 'MSA-2025-017', components: [{ name: 'Credit bureau feed', type: 'data', version: '2025.1' }] }));
      const dataset = await created<{ id: string }>(api('POST', '/datasets', { name: DATASET, description: 'Historic consumer loans with repayment outcome', supplierId: supplier.id }));
      await created(
        api('POST', `/datasets/${dataset.id}/versions`, {
          version: '2019-2024',
          source: 'Core banking system and bureau feed',
          collectionMethod: 'Export of closed loans',
          licence: 'Internal; bureau data under MSA-2025-017',
          consentBasis: 'GDPR Art. 6(1)(b) contract',
          containsPersonalData: true,
          preprocessingSteps: ['drop applicants under 18'],
          representativenessNotes: 'Under-represents applicants over 75',
          qualityChecks: [{ name: 'missing values < 2%', result: 'pass' }],
        }),
      );
    }));
  });

  afterAll(() => closeStory({ server, browser }));

  it('records the model and a trained version through the forms', async () => {
    const { page } = browser;
    await nav().getByRole('link', { name: 'AI systems' }).click();
    await page.getByRole('heading', { level: 1, name: 'AI systems' }).waitFor();
    await main().getByText('No AI systems yet').waitFor();
    await expectAccessible(browser, '70-inventory-empty');

    await page.getByRole('navigation', { name: 'Inventory pages' }).getByRole('link', { name: 'Models' }).click();
    await page.getByRole('heading', { level: 1, name: 'Models' }).waitFor();
    await main().getByRole('button', { name: 'Record model' }).click();
    const form = page.getByRole('form', { name: 'Record a model' });
    await form.getByLabel('Name').fill(MODEL);
    await form.getByLabel('Task').fill('classification');
    await form.getByLabel('Learning approach').selectOption('supervised');
    await form.getByLabel('Architecture family').fill('gradient boosted trees');
    await form.getByLabel('Model architecture').fill('XGBoost');
    await form.getByLabel('Inputs').fill('tabular');
    await form.getByLabel('Outputs').fill('probability');
    await form.getByLabel('Description').fill('Probability of default for consumer loan applications');
    await form.getByRole('button', { name: 'Record model' }).click();
    await page.getByRole('heading', { level: 1, name: `Model: ${MODEL}` }).waitFor();

    const version = page.getByRole('form', { name: 'Record a model version' });
    await version.getByLabel('Version', { exact: true }).fill('2.3.0');
    await version.getByLabel('Artifact digest').fill('sha256:ABC');
    await version.getByRole('button', { name: 'Record version' }).click();
    // The contract's reason, beside the field, before anything is sent.
    await version.getByText('Artifact digest must be sha256:, sha384: or sha512: followed by the lowercase hex digest').waitFor();
    await version.getByLabel('Artifact digest').fill(`sha256:${'ab'.repeat(32)}`);
    await version.getByLabel('Training date').fill('2025-03-01');
    await version.getByRole('group', { name: 'Trained on' }).getByLabel(`${DATASET} 2019-2024`).check();
    await version.getByLabel('Hyperparameters').fill('max_depth = 6\neta = 0.1\nobjective = binary:logistic');
    await version.getByRole('button', { name: 'Add metric' }).click();
    const metric = version.getByRole('group', { name: 'metric 1' });
    await metric.getByLabel('Metric').fill('AUC');
    await metric.getByLabel('Value').fill('0.87');
    await version.getByRole('button', { name: 'Add metric' }).click();
    const fairness = version.getByRole('group', { name: 'metric 2' });
    await fairness.getByLabel('Metric').fill('demographic parity difference');
    await fairness.getByLabel('Kind').selectOption('fairness');
    await fairness.getByLabel('Value').fill('0.03');
    await fairness.getByLabel('Group or slice').fill('age');
    await version.getByLabel('Known limitations').fill('not validated for small businesses');
    await version.getByRole('button', { name: 'Record version' }).click();
    await page.getByText('Version 2.3.0 recorded.').waitFor();
    const versions = page.getByRole('table', { name: `Versions of ${MODEL}` });
    const recorded = row(versions, '2.3.0');
    await recorded.getByText('AUC: 0.87').waitFor();
    await recorded.getByText('Fairness:').waitFor();
    await recorded.getByText(`${DATASET} 2019-2024`).waitFor();
    await expectAccessible(browser, '71-model-detail');
    await fitsAt(page, '71-model-detail-400');
  });

  it('registers the credit-decision engine through the form, with the field errors of the contract', async () => {
    const { page } = browser;
    await nav().getByRole('link', { name: 'AI systems' }).click();
    await main().getByRole('button', { name: 'Register system' }).click();
    const form = page.getByRole('form', { name: 'Register an AI system' });
    await form.getByRole('button', { name: 'Register system' }).click();
    await form.getByText('Name must not be empty').waitFor();
    await form.getByText('Our roles for it must name at least one role').waitFor();
    await expectAccessible(browser, '72-register-errors');

    await form.getByLabel('Name').fill(ENGINE);
    await form.getByLabel('Purpose').fill('Decides on consumer loan applications up to EUR 50,000');
    await form.getByLabel('Intended use').fill('Creditworthiness assessment of natural persons applying for consumer loans');
    await form.getByLabel('Foreseeable misuse').fill('Use for employment screening or for business loans');
    await form.getByLabel('Business objectives').fill('Faster, consistent credit decisions');
    await form.getByLabel('Success metrics').fill('default rate below 2%\ndecision within 1 minute');
    await form.getByLabel('Owner').selectOption({ label: `${ADMIN.name} (Admin)` });
    await form.getByLabel('Business unit').fill('Retail lending');
    await form.getByLabel('Regions').fill('EU\nDE');
    await form.getByLabel('Lifecycle stage').selectOption('deployed');
    const roles = form.getByRole('group', { name: 'Our roles for it' });
    for (const role of ['Developer', 'Provider', 'Deployer']) await roles.getByLabel(role).check();
    await form.getByLabel('Affected stakeholders').fill('loan applicants\ncredit officers');
    await form.getByLabel('Decisions and outputs').fill('Approve, refer or decline, with a probability of default');
    await form.getByLabel('Autonomy').selectOption('human_approved');
    await form.getByLabel('Human oversight').selectOption('human_in_the_loop');
    await form.getByLabel('Regulatory exposure').fill('EU AI Act\nGDPR\nConsumer Credit Directive');
    expect(await form.getByLabel('In the AIMS scope').isChecked()).toBe(true);
    await form.getByLabel('Impact on people').selectOption('high');
    await form.getByLabel('Safety impact').selectOption('low');
    await form.getByLabel('People affected a year').fill('100000');
    await form.getByLabel('Decisions a month').fill('20000');
    await form.getByRole('group', { name: 'Models it uses' }).getByLabel(MODEL).check();
    await form.getByRole('button', { name: 'Register system' }).click();

    await page.getByRole('heading', { level: 1, name: ENGINE }).waitFor();
    engineId = new URL(page.url()).pathname.split('/')[2] ?? '';
    expect(engineId).toMatch(/^[0-9a-f-]{36}$/);
    const glance = page.getByRole('region', { name: 'At a glance' });
    await glance.getByText('Not screened').waitFor();
    await main().getByText('Creditworthiness assessment of natural persons applying for consumer loans').waitFor();
    await expectAccessible(browser, '73-system-overview');
    await fitsAt(page, '73-system-overview-400');

    // The supplier's record names the systems that use what it supplies.
    // Before that, the vendor shows up only through the dataset the model was trained on.
    await tab('Suppliers').click();
    const suppliers = page.getByRole('table', { name: 'Suppliers of this system' });
    await row(suppliers, SUPPLIER).getByText(`Supplies the dataset ${DATASET}`).waitFor();
    expect(await row(suppliers, SUPPLIER).getByText('Supplies this system').count()).toBe(0);
    await page.goto(`${server.url}/suppliers`);
    await main().getByRole('link', { name: SUPPLIER }).click();
    await main().getByRole('button', { name: 'Edit' }).click();
    const supplier = page.getByRole('form', { name: `Edit ${SUPPLIER}` });
    await supplier.getByRole('group', { name: 'Systems that use them' }).getByLabel(ENGINE).check();
    await supplier.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    await main().getByRole('link', { name: ENGINE }).click();
    await page.waitForURL(/\?tab=suppliers$/);
    await row(suppliers, SUPPLIER).getByText('Supplies this system').waitFor();
    await row(suppliers, SUPPLIER).getByText('MSA-2025-017').waitFor();
    await expectAccessible(browser, '74-system-suppliers');
  });

  it('classifies it through the wizard, one question at a time, to high-risk under Annex III point 5(b)', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/systems/${engineId}`);
    await main().getByRole('link', { name: 'Classify (EU AI Act)' }).click();
    await page.getByRole('heading', { level: 1, name: `EU AI Act screening: ${ENGINE}` }).waitFor();
    await main().getByText('Screening, not legal advice').waitFor();

    const question = page.getByRole('form', { name: 'Screening question' });
    const currentId = async () => (await question.locator('input').first().getAttribute('name')) ?? '';
    // The first question by its words, as a person would answer it; its citations are shown.
    await question.getByRole('group', { name: 'What are you screening?' }).waitFor();
    await question.getByText('Art. 3(1)').first().waitFor();
    await question.getByRole('button', { name: 'Next' }).click();
    await question.getByText('Choose an answer.').waitFor();
    await expectAccessible(browser, '75-wizard-first-question');
    await fitsAt(page, '75-wizard-first-question-400');

    // Back returns to the question with its answer kept.
    await question.getByRole('radio', { name: /AI system/ }).first().check();
    await question.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('heading', { name: /^Question 2/ }).waitFor();
    await question.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { name: /^Question 1/ }).waitFor();
    expect(await question.locator('input[value="ai-system"]').isChecked()).toBe(true);

    // The server says which question comes next; the fixture's answers follow the path to 5(b).
    const answers = creditEngineAnswers();
    for (let step = 1; step <= 30; step++) {
      if (await page.getByRole('heading', { name: /^Result of/ }).isVisible()) break;
      await page.getByRole('heading', { name: new RegExp(`^Question ${step}\\b`) }).waitFor();
      const id = await currentId();
      const answer = answers[id];
      expect(answer, `an answer for ${id}`).toBeDefined();
      for (const value of Array.isArray(answer) ? answer : [answer]) await question.locator(`input[name="${id}"][value="${value}"]`).check();
      await question.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('heading', { name: new RegExp(`^(Question ${step + 1}\\b|Result of)`) }).waitFor();
    }
    const result = page.getByRole('region', { name: /^Result of/ });
    await result.getByText('High-risk AI system', { exact: true }).waitFor();
    await result.getByText('point 5(b)', { exact: true }).waitFor();
    await result.getByRole('region', { name: 'Obligations as Provider' }).getByText('Art. 9', { exact: true }).waitFor();
    await result.getByRole('region', { name: 'Obligations as Deployer' }).waitFor();
    await result.getByText('Required before use (Art. 27)').waitFor();
    await expectAccessible(browser, '76-wizard-result');
    await fitsAt(page, '76-wizard-result-400');

    await result.getByRole('button', { name: 'Save classification' }).click();
    await page.getByRole('heading', { level: 1, name: ENGINE }).waitFor();
    expect(await tab('Classification').getAttribute('aria-selected')).toBe('true');
    await main().getByRole('heading', { name: 'EU AI Act screening, version 1' }).waitFor();
    await main().getByText('Screening, not legal advice').waitFor();
    const versions = page.getByRole('table', { name: 'Screening versions' });
    await row(versions, ADMIN.email).getByText('5(b)').waitFor();
    await expectAccessible(browser, '77-system-classification');
    await fitsAt(page, '77-system-classification-400');
  });

  it('shows it proposed for wave 1 in the inventory, filtered by tier in the URL; an override needs a reason', async () => {
    const { page } = browser;
    await created(api('POST', '/systems', { name: 'Spam filter', purpose: 'Filters inbound e-mail', organizationRoles: ['deployer'], impactOnPeople: 'low', safetyImpact: 'none' }));
    await nav().getByRole('link', { name: 'AI systems' }).click();
    await main().getByRole('heading', { name: 'Wave 1 proposal: 1 system' }).waitFor();
    const table = page.getByRole('table', { name: 'AI systems' });
    const engine = row(table, ENGINE);
    await engine.getByText('Wave 1').waitFor();
    await engine.getByText('Proposed').waitFor();
    await engine.getByText('Annex III 5(b)').waitFor();
    // The score shown is the server's.
    const listed = (await (await api('GET', '/systems')).json()) as { items: Array<{ name: string; ranking: { score: number; proposedWave: number } }> };
    const scored = listed.items.find((s) => s.name === ENGINE);
    expect(scored?.ranking.proposedWave).toBe(1);
    expect(await engine.getByText(scored!.ranking.score.toFixed(1), { exact: true }).count()).toBe(1);
    // Highest score first, as the server sorts.
    expect(await table.locator('tbody tr').first().textContent()).toContain(ENGINE);
    await row(table, 'Spam filter').getByText('Not screened').waitFor();
    await expectAccessible(browser, '78-inventory-ranked');
    await fitsAt(page, '78-inventory-ranked-400');

    await main().getByLabel('Risk tier').selectOption('high-risk');
    await page.waitForURL(/\/systems\?tier=high-risk$/);
    await page.getByText('1 row', { exact: true }).waitFor();
    await page.reload();
    await page.getByText('1 row', { exact: true }).waitFor();
    expect(await main().getByLabel('Risk tier').inputValue()).toBe('high-risk');
    await main().getByLabel('Wave', { exact: true }).selectOption('1');
    await page.waitForURL(/tier=high-risk&wave=1$/);
    await page.getByText('1 row', { exact: true }).waitFor();
    await main().getByRole('button', { name: 'Clear filters' }).click();
    await page.getByText('2 rows', { exact: true }).waitFor();

    // The wave settings and the documented method are in view; the admin may store a new version.
    await main().getByRole('button', { name: 'Wave settings' }).click();
    const settings = page.getByRole('form', { name: 'Wave ranking settings' });
    await main().getByText('docs/wave-ranking.md').waitFor();
    await settings.getByLabel('Wave 1 threshold').fill('101');
    await settings.getByRole('button', { name: 'Store new version' }).click();
    await settings.getByText('Wave 1 threshold must be 0 to 100').waitFor();
    await expectAccessible(browser, '79-wave-settings');
    // A stricter threshold is a new version of the settings; the server re-ranks at once.
    await settings.getByLabel('Wave 1 threshold').fill('70');
    await settings.getByLabel('Why the change').fill('Pilot wave: only the most exposed systems');
    await settings.getByRole('button', { name: 'Store new version' }).click();
    await main().getByText('Version 1 stored; every score now uses it.').waitFor();
    await main().getByRole('heading', { name: 'Wave 1 proposal: 0 systems' }).waitFor();
    await row(table, ENGINE).getByText('Wave 2').waitFor();
    await settings.getByLabel('Wave 1 threshold').fill('50');
    await settings.getByRole('button', { name: 'Store new version' }).click();
    await main().getByText('Version 2 stored; every score now uses it.').waitFor();
    await main().getByRole('heading', { name: 'Wave 1 proposal: 1 system' }).waitFor();

    await row(table, ENGINE).getByRole('link', { name: ENGINE }).click();
    const override = page.getByRole('form', { name: 'Override the wave' });
    await override.getByLabel('Wave').selectOption('2');
    await override.getByRole('button', { name: 'Override wave' }).click();
    await override.getByText('Reason is required: say why the proposal is overridden').waitFor();
    await override.getByLabel('Reason').fill('Regulator review of the credit line expected in Q3');
    await override.getByRole('button', { name: 'Override wave' }).click();
    await page.getByText('Put in Wave 2.').waitFor();
    await nav().getByRole('link', { name: 'AI systems' }).click();
    await row(table, ENGINE).getByText('Overridden (proposed: Wave 1): “Regulator review of the credit line expected in Q3”').waitFor();
    await row(table, ENGINE).getByRole('link', { name: ENGINE }).click();
    await override.getByLabel('Wave').selectOption({ label: 'Back to the proposal' });
    await override.getByLabel('Reason').fill('Review moved to next year');
    await override.getByRole('button', { name: 'Override wave' }).click();
    await page.getByText('Returned to the proposal.').waitFor();
  });

  it('opens the model card tab and downloads it as Markdown; the datasets tab shows provenance and a review call', async () => {
    const { page } = browser;
    await page.goto(`${server.url}/systems/${engineId}`);
    await tab('Model card').click();
    await page.waitForURL(/\?tab=card$/);
    await main().getByText('Completeness by section').waitFor();
    await main().getByRole('heading', { name: 'Evaluation and fairness results' }).or(main().getByRole('heading', { name: /Evaluation/ })).first().waitFor();
    await expectAccessible(browser, '80-system-model-card');
    await fitsAt(page, '80-system-model-card-400');
    const markdown = await downloadText(page, () => main().getByRole('link', { name: 'Download Markdown' }).click());
    expect(markdown.name).toBe(`${MODEL}-2.3.0-model-card.md`);
    expect(markdown.text.startsWith('---\n')).toBe(true);
    expect(markdown.text).toContain(MODEL);
    expect(markdown.text).toContain('AUC');

    // The tabs follow the ARIA pattern: arrow keys move and select, focus goes along.
    await tab('Model card').press('ArrowLeft');
    await page.waitForURL(/\?tab=classification$/);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Classification');
    await tab('Models').click();
    await row(page.getByRole('table', { name: `Versions of ${MODEL}` }), '2.3.0').getByText('not validated for small businesses').waitFor();
    await tab('Datasets').click();
    await main().getByRole('heading', { name: `Dataset: ${DATASET}, version 2019-2024` }).waitFor();
    await main().getByText('GDPR Art. 6(1)(b) contract').waitFor();
    expect(await main().getByText('Review needed').count()).toBe(0);

    // A new version of the training data calls for a review of the system.
    await main().getByRole('link', { name: 'Open dataset' }).click();
    const version = page.getByRole('form', { name: 'Record a dataset version' });
    await version.getByLabel('Version', { exact: true }).fill('2019-2025');
    await version.getByLabel('Derived from').selectOption({ label: '2019-2024' });
    await version.getByLabel('Source').fill('Core banking system and bureau feed');
    await version.getByLabel('Contains personal data').check();
    await version.getByRole('button', { name: 'Add check' }).click();
    await version.getByRole('group', { name: 'check 1' }).getByLabel('Check', { exact: true }).fill('label leakage scan');
    await version.getByRole('group', { name: 'check 1' }).getByLabel('Result').selectOption('warning');
    await version.getByRole('button', { name: 'Record version' }).click();
    await main().getByText('Version 2019-2025 recorded: review needed').waitFor();
    await expectAccessible(browser, '81-dataset-review-needed');
    await main().getByRole('link', { name: ENGINE }).click();
    await main().getByText('Review needed').waitFor();
  });

  it('exports the inventory as a CycloneDX 1.6 ML-BOM; an invalid BOM is refused saying where', async () => {
    const { page } = browser;
    await nav().getByRole('link', { name: 'AI systems' }).click();
    const exported = await downloadText(page, () => main().getByRole('link', { name: 'Export ML-BOM' }).click());
    expect(exported.name).toBe('openaims-inventory.cdx.json');
    const bom = JSON.parse(exported.text) as { bomFormat: string; specVersion: string; components: Array<{ type: string; name: string; modelCard?: unknown }> };
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.specVersion).toBe('1.6');
    expect(bom.components.find((c) => c.type === 'machine-learning-model')?.modelCard).toBeDefined();
    expect(bom.components.some((c) => c.type === 'application' && c.name === ENGINE)).toBe(true);

    await main().getByRole('button', { name: 'Import ML-BOM' }).click();
    const form = page.getByRole('form', { name: 'Import a CycloneDX ML-BOM' });
    const broken = { ...bom, components: [{ ...bom.components[0], type: 'spaceship' }, ...bom.components.slice(1)] };
    await form.getByLabel('CycloneDX JSON file').setInputFiles({ name: 'broken.cdx.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    await form.getByRole('button', { name: 'Import' }).click();
    await form.getByRole('alert').filter({ hasText: /Nothing was imported\. The ML-BOM does not match the CycloneDX 1\.6 schema at \/components\/0/ }).waitFor();
    await row(page.getByRole('table', { name: 'Where the BOM fails' }), 'components.0').first().waitFor();
    await expectAccessible(browser, '82-mlbom-import-refused');
    await fitsAt(page, '82-mlbom-import-refused-400');

    // The export itself imports back and changes nothing.
    await form.getByLabel('CycloneDX JSON file').setInputFiles({ name: 'inventory.cdx.json', mimeType: 'application/json', buffer: Buffer.from(exported.text) });
    await form.getByRole('button', { name: 'Import' }).click();
    await main().getByText('Import done: 0 records created or updated').waitFor();
    await main().getByRole('button', { name: 'Import ML-BOM' }).click();
  });

  it('a CSV with a bad row imports nothing and names the row and column; an invalid lifecycle jump shows the server error', async () => {
    const { page } = browser;
    await main().getByRole('button', { name: 'Import CSV' }).click();
    const form = page.getByRole('form', { name: 'Import AI systems from CSV' });
    const csv = (roles: string) => `name,purpose,organizationRoles,lifecycleStage\nFraud screening,Flags suspicious card payments,deployer,planning\nCV ranking,Ranks job applicants,${roles},design\n`;
    await form.getByLabel('CSV file').setInputFiles({ name: 'systems.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('deployer;boss')) });
    await form.getByRole('button', { name: 'Import' }).click();
    await form.getByText('Nothing was imported: the file has 1 problem, listed below.').waitFor();
    const problem = row(page.getByRole('table', { name: 'Import problems' }), 'organizationRoles');
    await problem.getByRole('cell', { name: '3', exact: true }).waitFor();
    expect(await problem.textContent()).toMatch(/must be one of/);
    await expectAccessible(browser, '83-csv-import-problems');
    await fitsAt(page, '83-csv-import-problems-400');
    expect(await row(page.getByRole('table', { name: 'AI systems' }), 'Fraud screening').count()).toBe(0);

    await form.getByLabel('CSV file').setInputFiles({ name: 'systems.csv', mimeType: 'text/csv', buffer: Buffer.from(csv('deployer')) });
    await form.getByRole('button', { name: 'Import' }).click();
    await main().getByText('2 systems imported').waitFor();
    await main().getByRole('status').getByRole('link', { name: 'Fraud screening' }).click();
    await page.getByRole('heading', { level: 1, name: 'Fraud screening' }).waitFor();

    const stage = page.getByRole('form', { name: 'Move to another stage' });
    await stage.getByLabel('Move to').selectOption('deployed');
    await stage.getByRole('button', { name: 'Move stage' }).click();
    await stage.getByText('Move to cannot jump from planning to deployed: the next stage is design').waitFor();
    await expectAccessible(browser, '84-stage-jump-refused');
    await fitsAt(page, '84-stage-jump-refused-400');
    await stage.getByLabel('Move to').selectOption('design');
    await stage.getByRole('button', { name: 'Move stage' }).click();
    await page.getByText('Moved to Design.').waitFor();
    await stage.getByLabel('Move to').selectOption('planning');
    await stage.getByRole('button', { name: 'Move stage' }).click();
    await stage.getByText('Reason is required to move back from design to planning').waitFor();
    expect(browser.errors).toEqual([]);
  });
});
