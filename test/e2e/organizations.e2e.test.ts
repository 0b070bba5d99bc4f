import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2eBrowser } from './support/browser.js';
import type { E2eServer } from './support/e2e-server.js';
import { ADMIN, ORG, RISK_OWNER, apiSession, atWidth, expectAccessible, expectNoRawRoleIds, logInThroughUi, pageScrollWidth, uploadByApi, openAdminStory, closeStory } from './support/story.js';

// An admin in one organization creates a second, switches into it and back: the switcher in the
// banner, the new session and CSRF token, and that each organization sees only its own data.
const LAB = 'Northwind Research Lab';
const AUDITOR = { name: 'Ingrid Internal', email: 'ingrid@lab.example', password: 'internal audit password 7' };

let server: E2eServer;
let browser: E2eBrowser;

const switcherButton = () => browser.page.getByRole('banner').getByRole('button', { name: /switch organization/ });
const csrfInTab = () => browser.page.evaluate(() => window.sessionStorage.getItem('aims.csrfToken'));
async function sessionCookie(): Promise<string> {
  const cookies = await browser.context.cookies(server.url);
  const cookie = cookies.find((c) => c.httpOnly);
  if (!cookie) throw new Error('no session cookie');
  return `${cookie.name}=${cookie.value}`;
}
async function meWith(cookie: string): Promise<number> {
  return (await fetch(`${server.url}/api/v1/me`, { headers: { cookie } })).status;
}

describe('organizations in a real browser', () => {
  beforeAll(async () => {
    ({ server, browser } = await openAdminStory(async (started) => {
      await uploadByApi(started, await apiSession(started, ADMIN.email, ADMIN.password), 'Data protection impact assessment', 'dpia.txt');
    }));
  });

  afterAll(() => closeStory({ server, browser }));

  it('with one organization there is no switcher; an admin creates another from the People page', async () => {
    const { page } = browser;
    const banner = page.getByRole('banner');
    expect(await banner.textContent()).toContain(ORG);
    expect(await switcherButton().count()).toBe(0);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('main').getByRole('link', { name: 'New organization' }).click();
    await page.getByRole('heading', { level: 1, name: 'New organization' }).waitFor();
    const form = page.getByRole('form', { name: 'Create an organization' });
    await form.getByRole('button', { name: 'Create organization' }).click();
    await form.getByText('Organization name is required').waitFor();
    // Names are unique: the server's refusal lands beside the field.
    await form.getByLabel('Organization name').fill(ORG.toUpperCase());
    await form.getByRole('button', { name: 'Create organization' }).click();
    await form.getByText(/Organization name an organization named ".*" already exists/).waitFor();
    await form.getByLabel('Organization name').fill(LAB);
    await expectAccessible(browser, '20-new-organization-form');
    await form.getByRole('button', { name: 'Create organization' }).click();

    // Created, not yet entered: the page offers to switch, and says where we still are.
    const ready = page.getByRole('heading', { name: `“${LAB}” is ready` });
    await ready.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe(`“${LAB}” is ready`);
    expect(await banner.textContent()).toContain(ORG);
    await page.getByRole('link', { name: `Stay in ${ORG}` }).waitFor();
    // The switcher appears now that there are two.
    await switcherButton().waitFor();
    await expectAccessible(browser, '21-new-organization-created');
  });

  it('switching moves the session: new cookie and CSRF token, the old session ended, only the new organization’s data', async () => {
    const { page } = browser;
    const oldCookie = await sessionCookie();
    const oldCsrf = await csrfInTab();
    expect(oldCsrf).toBeTruthy();

    await page.getByRole('button', { name: `Switch to ${LAB}` }).click();
    await page.getByRole('status').filter({ hasText: `You are now in ${LAB} as Admin.` }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    expect(await page.getByRole('banner').textContent()).toContain(LAB);
    await expect.poll(() => page.title()).toBe(`Home · ${LAB} · OpenAIMS`);
    // Focus is on the new page's heading, as after any navigation.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    const newCsrf = await csrfInTab();
    expect(newCsrf).toBeTruthy();
    expect(newCsrf).not.toBe(oldCsrf);
    const newCookie = await sessionCookie();
    expect(newCookie).not.toBe(oldCookie);
    expect(await meWith(oldCookie)).toBe(401);
    expect(await meWith(newCookie)).toBe(200);

    // The app's data is the new organization's: one person, no evidence, its own trail.
    expect(await page.getByRole('region', { name: 'People' }).locator('.stat-card__value').textContent()).toBe('1');
    expect(await page.getByRole('region', { name: 'Evidence' }).locator('.stat-card__value').textContent()).toBe('0');
    await expectAccessible(browser, '25-switched-home');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trail' }).click();
    const trail = page.getByRole('table', { name: 'Trail events' });
    await trail.getByRole('row').filter({ hasText: 'Organization created' }).waitFor();
    expect(await trail.getByRole('row').filter({ hasText: 'Evidence uploaded' }).count()).toBe(0);

    // Writes work at once with the new CSRF token: add a member here.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    const add = page.getByRole('form', { name: 'Add a person' });
    await add.getByLabel('Full name').fill(AUDITOR.name);
    await add.getByLabel('Email').fill(AUDITOR.email);
    await add.getByLabel('Initial password').fill(AUDITOR.password);
    await add.getByLabel('Role').selectOption('internal_auditor');
    await add.getByRole('button', { name: 'Add person' }).click();
    await page.getByText(`${AUDITOR.name} (${AUDITOR.email}) can now log in as Internal auditor.`).waitFor();
    expect(await page.getByRole('table', { name: 'Members' }).locator('tbody tr').count()).toBe(2);
    await expectNoRawRoleIds(page, 'people after switching');
  });

  it('the switcher: a labelled button opening the list, by keyboard, with Escape; switching back reloads that data', async () => {
    const { page } = browser;
    const button = switcherButton();
    expect(await button.textContent()).toContain(LAB);
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    await button.focus();
    await page.keyboard.press('Enter');
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    const list = page.getByRole('list', { name: 'Your organizations' });
    await list.waitFor();
    const current = list.getByRole('listitem').filter({ hasText: LAB });
    expect(await current.getAttribute('aria-current')).toBe('true');
    expect(await current.textContent()).toContain('Admin · current');
    const back = list.getByRole('button', { name: `Switch to ${ORG} Admin` });
    // Focus went into the list, on the first organization to switch to.
    await expect.poll(() => back.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('+ New organization');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => back.evaluate((el) => el === document.activeElement)).toBe(true);
    await expectAccessible(browser, '22-switcher-open-1280');

    await atWidth(page, 1280, async () => {
      await browser.screenshot('23-switcher-open-1280');
    });
    await atWidth(page, 390, async () => {
      // On a phone the banner keeps the switcher (the brand shrinks to its icon) and the list fits the screen.
      await button.waitFor();
      const panel = (await page.locator('.org-switcher__panel').boundingBox())!;
      expect(panel.x).toBeGreaterThanOrEqual(0);
      expect(panel.x + panel.width).toBeLessThanOrEqual(390);
      const logout = (await page.getByRole('button', { name: 'Log out' }).boundingBox())!;
      expect(logout.x + logout.width).toBeLessThanOrEqual(390);
      expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
      await expectAccessible(browser, '24-switcher-open-390');
    });

    // Escape closes and gives focus back to the button.
    await page.keyboard.press('Escape');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await list.isVisible()).toBe(false);
    await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
    // A click elsewhere closes it too.
    await button.click();
    await list.waitFor();
    await page.mouse.click(700, 860);
    await expect.poll(() => button.getAttribute('aria-expanded')).toBe('false');

    // Switch back from a page that belongs to this organization: we land on the same section there.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await button.click();
    await list.getByRole('button', { name: `Switch to ${ORG} Admin` }).click();
    await page.getByRole('status').filter({ hasText: `You are now in ${ORG} as Admin.` }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
    const members = page.getByRole('table', { name: 'Members' });
    await members.getByRole('row').filter({ hasText: ADMIN.email }).waitFor();
    expect(await members.getByRole('row').filter({ hasText: AUDITOR.email }).count()).toBe(0);
    // The notice goes with the next navigation.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Evidence', exact: true }).click();
    await page.getByRole('row').filter({ hasText: 'Data protection impact assessment' }).waitFor();
    expect(await page.getByText(`You are now in ${ORG} as Admin.`).count()).toBe(0);

    // From a detail page, switching lands on the list of that section (the item is not there).
    await page.getByRole('link', { name: 'Data protection impact assessment' }).click();
    await page.getByRole('heading', { level: 1, name: 'Data protection impact assessment' }).waitFor();
    await button.click();
    await list.getByRole('button', { name: `Switch to ${LAB} Admin` }).click();
    await page.getByRole('heading', { level: 1, name: 'Evidence' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/evidence');
    await page.getByText('No evidence yet').waitFor();
  });

  it('someone in a single organization sees no switcher and cannot create organizations', async () => {
    const { page } = browser;
    const admin = await apiSession(server, ADMIN.email, ADMIN.password);
    const added = await fetch(`${server.url}/api/v1/users`, {
      method: 'POST',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ email: RISK_OWNER.email, displayName: RISK_OWNER.name, password: RISK_OWNER.password, role: 'risk_owner' }),
    });
    expect(added.status).toBe(201);

    await page.getByRole('button', { name: 'Log out' }).click();
    await logInThroughUi(page, RISK_OWNER.email, RISK_OWNER.password);
    expect(await page.getByRole('banner').textContent()).toContain(ORG);
    expect(await page.getByRole('banner').textContent()).toContain('Risk owner');
    expect(await switcherButton().count()).toBe(0);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
    await page.getByRole('row').filter({ hasText: RISK_OWNER.email }).waitFor();
    expect(await page.getByRole('link', { name: 'New organization' }).count()).toBe(0);
    await expectNoRawRoleIds(page, 'people as a risk owner');
    await page.goto(`${server.url}/organizations/new`);
    await page.getByText('Only an admin can create an organization.').waitFor();
    expect(browser.errors).toEqual([]);
  });
});
