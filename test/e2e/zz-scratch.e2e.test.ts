import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, type E2eBrowser } from './support/browser.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';
import { ADMIN, logInThroughUi, setUpByApi } from './support/story.js';

let server: E2eServer;
let browser: E2eBrowser;
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
it('ax tree', async () => {
  const { page } = browser;
  await page.setViewportSize({ width: Number(process.env.W ?? 390), height: 844 });
  await page.goto(`${server.url}/people`);
  await page.getByRole('table', { name: 'Members' }).getByRole('row').nth(1).waitFor();
  const cdp = await browser.context.newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { role?: { value: string }; name?: { value: string }; ignored: boolean }[] };
  const roles = nodes.filter((n) => !n.ignored).map((n) => `${n.role?.value}:${n.name?.value ?? ''}`).filter((r) => /table|row|cell|header/i.test(r));
  console.log(roles.join('\n'));
  await page.goto(`${server.url}/trail`);
  await page.getByRole('button', { name: /View change/ }).first().click();
  await page.evaluate(() => document.querySelector('.table__row--open')?.scrollIntoView({ block: 'start' }));
  await page.mouse.wheel(0, -70);
  await page.waitForTimeout(300);
  console.log(await page.evaluate(() => JSON.stringify({ y: window.scrollY, banner: document.querySelector('.banner')?.getBoundingClientRect().top, se: document.scrollingElement?.scrollTop })));
  await browser.screenshot('people-390', { viewport: true });
  expect(1).toBe(1);
});
