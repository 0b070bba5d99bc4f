import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { E2eBrowser } from './support/browser.js';
import type { E2eServer } from './support/e2e-server.js';
import { ADMIN, RISK_OWNER, apiSession, atWidth, bearerStatus, expectAccessible, expectNoRawRoleIds, logInThroughUi, pageScrollWidth, tableFit, type ApiSession, openAdminStory, closeStory } from './support/story.js';

// An admin manages members on the People page: changes a role, is refused demoting the only
// admin, removes a member (whose token then stops working); a non-admin sees none of it.
const CARL = { name: 'Carl Contributor', email: 'carl@northwind.example', password: 'contributor password 99' };

let server: E2eServer;
let browser: E2eBrowser;
let carlToken: string;

async function post(session: ApiSession, path: string, body: unknown): Promise<Response> {
  return fetch(`${server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify(body),
  });
}

const rowOf = (email: string) => browser.page.getByRole('row').filter({ hasText: email });
const focused = () => browser.page.evaluate(() => document.activeElement?.textContent ?? document.activeElement?.tagName ?? null);

async function openPeople(): Promise<void> {
  const { page } = browser;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'People' }).click();
  await page.getByRole('heading', { level: 1, name: 'People' }).waitFor();
  await rowOf(ADMIN.email).waitFor();
}

describe('managing members in a real browser', () => {
  beforeAll(async () => {
    ({ server, browser } = await openAdminStory(async (started) => {
      server = started;
      const admin = await apiSession(server, ADMIN.email, ADMIN.password);
      for (const [person, role] of [
        [RISK_OWNER, 'risk_owner'],
        [CARL, 'contributor'],
      ] as const) {
        expect((await post(admin, '/users', { email: person.email, displayName: person.name, password: person.password, role })).status).toBe(201);
      }
      const created = await post(admin, '/tokens', { email: CARL.email, name: 'Carl pipeline', role: 'contributor', expiresInDays: 30 });
      expect(created.status).toBe(201);
      carlToken = ((await created.json()) as { token: string }).token;
      expect(await bearerStatus(server, '/api/v1/me', carlToken)).toBe(200);
    }));
  });

  afterAll(() => closeStory({ server, browser }));

  it('an admin changes a member’s role; an external auditor needs an access end; the list shows the new role', async () => {
    const { page } = browser;
    await openPeople();
    // Your own row has no "Remove": that would end this session.
    expect(await rowOf(ADMIN.email).getByRole('button', { name: /^Remove/ }).count()).toBe(0);

    const toggle = rowOf(RISK_OWNER.email).getByRole('button', { name: `Change role of ${RISK_OWNER.name}` });
    await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');
    const form = page.getByRole('form', { name: `Change role of ${RISK_OWNER.name}` });
    await form.waitFor();
    // Focus lands on the role select, which shows the current role by its label.
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    expect(await form.getByLabel('Role').inputValue()).toBe('risk_owner');

    await form.getByLabel('Role').selectOption({ label: 'External auditor' });
    await form.getByText('Required: an external auditor’s access must end.').waitFor();
    await form.getByRole('button', { name: 'Save change' }).click();
    await form.getByText('Access ends is required for an external auditor').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('datetime-local');

    // The form open, at 1280 px: screenshot, axe, and every action in view.
    await atWidth(page, 1280, async () => {
      await expectAccessible(browser, '40-people-change-role-1280');
      expect(await tableFit(page)).toEqual([{ caption: 'Members', overflows: false, clippedActions: [] }]);
      expect(await pageScrollWidth(page)).toBeLessThanOrEqual(1280);
    });
    await atWidth(page, 390, async () => {
      expect(await tableFit(page)).toEqual([{ caption: 'Members', overflows: false, clippedActions: [] }]);
      expect(await pageScrollWidth(page)).toBeLessThanOrEqual(390);
    });

    await form.getByLabel('Role').selectOption({ label: 'Governance lead' });
    await form.getByRole('button', { name: 'Save change' }).click();
    await page.getByRole('status').filter({ hasText: `${RISK_OWNER.name} is now Governance lead.` }).waitFor();
    await form.waitFor({ state: 'detached' });
    await rowOf(RISK_OWNER.email).getByRole('cell', { name: 'Governance lead', exact: true }).waitFor();
    // Focus goes back to the button that opened the form.
    await expect.poll(focused).toBe(`Change role of ${RISK_OWNER.name}`);
    await expectNoRawRoleIds(page, 'people after a role change');
  });

  it('demoting the only admin is refused with the server’s reason beside the field', async () => {
    const { page } = browser;
    await rowOf(ADMIN.email).getByRole('button', { name: `Change role of ${ADMIN.name}` }).click();
    const form = page.getByRole('form', { name: `Change role of ${ADMIN.name}` });
    await form.getByLabel('Role').selectOption({ label: 'Contributor' });
    await form.getByRole('button', { name: 'Save change' }).click();
    await form.getByRole('alert').filter({ hasText: 'This is the last admin of the organization; make someone else admin first.' }).waitFor();
    await form.getByText('Role the organization needs an admin').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await expectAccessible(browser, '41-people-last-admin');

    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    await expect.poll(focused).toBe(`Change role of ${ADMIN.name}`);
    expect(await rowOf(ADMIN.email).getByRole('cell', { name: 'Admin', exact: true }).count()).toBe(1);
  });

  it('removing a member asks first, says what happens, and their token stops working', async () => {
    const { page } = browser;
    await rowOf(CARL.email).getByRole('button', { name: `Remove ${CARL.name}` }).click();
    const confirm = page.getByRole('group', { name: new RegExp(`Remove ${CARL.name}`) });
    await confirm.getByText('Their sessions here end at once and their API tokens are revoked.').waitFor();
    await expect.poll(focused).toMatch(new RegExp(`^Remove ${CARL.name}`));
    await expectAccessible(browser, '42-people-remove-confirm');
    // Still there until confirmed.
    expect(await bearerStatus(server, '/api/v1/me', carlToken)).toBe(200);

    await confirm.getByRole('button', { name: `Yes, remove ${CARL.name}` }).click();
    await page.getByRole('status').filter({ hasText: `${CARL.name} (${CARL.email}) was removed` }).waitFor();
    await rowOf(CARL.email).waitFor({ state: 'detached' });
    await expect.poll(focused).toBe('Members');
    expect(await bearerStatus(server, '/api/v1/me', carlToken)).toBe(401);
    expect(browser.errors).toEqual([]);
  });

  it('a member without user:manage sees the list but no actions', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Log out' }).click();
    await logInThroughUi(page, RISK_OWNER.email, RISK_OWNER.password);
    await openPeople();
    await rowOf(RISK_OWNER.email).getByRole('cell', { name: 'Governance lead', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /^Change role/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Add a person' }).count()).toBe(0);
    await expectAccessible(browser, '43-people-non-admin');
  });
});
