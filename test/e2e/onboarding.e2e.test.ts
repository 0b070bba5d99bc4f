import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type E2eBrowser } from './support/browser.js';
import { startE2eServer, type E2eServer } from './support/e2e-server.js';
import { ADMIN, ORG, expectAccessible } from './support/story.js';

// A fresh installation, in order: first-run setup with the server's code, login (by keyboard
// only), the home page, and logout, with axe-core on each page.
let server: E2eServer;
let browser: E2eBrowser;

describe('onboarding in a real browser', () => {
  beforeAll(async () => {
    server = await startE2eServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('first run: the setup page checks its input and creates the organization with the setup code', async () => {
    const { page } = browser;
    expect(server.setupCode).toBeTruthy();
    await page.goto(server.url);
    await expect.poll(() => page.title()).toBe('Set up OpenAIMS · OpenAIMS');
    await page.getByRole('heading', { level: 1, name: 'Set up OpenAIMS' }).waitFor();
    await expectAccessible(browser, '01-setup');

    // The zod contract refuses a short password before anything is sent.
    await page.getByLabel('Setup code').fill('wrong-code');
    await page.getByLabel('Organization name').fill(ORG);
    await page.getByLabel('Full name').fill(ADMIN.name);
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password', { exact: true }).fill('short');
    await page.getByLabel('Repeat password').fill('short');
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByText('Password must be at least 12 characters').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');

    // The server refuses the wrong setup code, and its field error lands beside the field.
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Repeat password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByText('Setup code does not match').waitFor();
    await browser.screenshot('02-setup-errors');

    await page.getByLabel('Setup code').fill(server.setupCode!);
    await page.getByRole('button', { name: 'Create organization' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await page.getByText('Your organization is ready').waitFor();
    expect(await page.getByLabel('Email').inputValue()).toBe(ADMIN.email);
    expect(await (await fetch(`${server.url}/api/v1/setup`)).json()).toEqual({ initialized: true });
  });

  it('login page: a wrong password is refused with the server message', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await expectAccessible(browser, '03-login');
    await page.getByLabel('Email').fill(ADMIN.email);
    await page.getByLabel('Password').fill('not the password at all');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('alert').filter({ hasText: 'Email or password is wrong' }).waitFor();
  });

  it('keyboard only: Tab and Enter log in and land on the home page with the organization', async () => {
    const { page } = browser;
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    const focused = () => page.evaluate(() => {
      const el = document.activeElement;
      return el ? `${el.tagName.toLowerCase()}:${el.getAttribute('type') ?? ''}:${el.textContent ?? ''}` : '';
    });
    await expect.poll(focused).toBe('input:email:');
    await page.keyboard.type(ADMIN.email);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('input:password:');
    await page.keyboard.type(ADMIN.password);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('button:submit:Log in');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await expect.poll(() => page.title()).toBe(`Home · ${ORG} · OpenAIMS`);
    const banner = page.getByRole('banner');
    expect(await banner.textContent()).toContain(ORG);
    expect(await banner.textContent()).toContain(ADMIN.name);
    // Focus moved to the page heading, so the next Tab continues from the page, not the login form.
    await expect.poll(focused).toBe('h1::Home');
  });

  it('home: shows who I am, a verified trail and the counts', async () => {
    const { page } = browser;
    const main = page.getByRole('main');
    await main.getByText(`Welcome, Ada. This is the AI management system of ${ORG}.`).waitFor();
    const trailCard = page.getByRole('region', { name: 'Trail integrity' });
    await trailCard.getByText('Verified').waitFor();
    expect(await trailCard.textContent()).toMatch(/\d+ events checked/);
    expect(await page.getByRole('region', { name: 'People' }).locator('.stat-card__value').textContent()).toBe('1');
    expect(await page.getByRole('region', { name: 'Evidence' }).locator('.stat-card__value').textContent()).toBe('0');
    expect(await page.getByRole('region', { name: 'Your access' }).textContent()).toContain('Admin');
    await main.getByText('No evidence yet').waitFor();
    await main.getByText('Organization created').first().waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const name of ['Home', 'Evidence', 'Trail', 'People', 'API tokens']) await nav.getByRole('link', { name, exact: true }).waitFor();
    expect(await nav.getByRole('link', { name: /API reference/ }).getAttribute('href')).toBe('/api/docs');
    await expectAccessible(browser, '04-home');
  });

  it('logging out returns to the login page and the session no longer works', async () => {
    const { page } = browser;
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    await page.getByText('You have logged out.').waitFor();
    await page.goto(`${server.url}/trail`);
    await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
    expect(browser.errors).toEqual([]);
  });
});
