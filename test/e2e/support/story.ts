import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from './axe.js';
import { launchBrowser, type E2eBrowser } from './browser.js';
import { startE2eServer, type E2eServer } from './e2e-server.js';

/** The organization and people the browser stories use. */
export const ORG = 'Northwind Health AI';
export const ADMIN = { name: 'Ada Admin', email: 'ada@northwind.example', password: 'correct horse battery staple' };
export const RISK_OWNER = { name: 'Rita Risk', email: 'rita@northwind.example', password: 'another long password 42' };

/** Saves a screenshot (when asked for) and asserts axe-core finds nothing serious or critical. */
export async function expectAccessible(browser: E2eBrowser, name: string): Promise<void> {
  await browser.screenshot(name);
  expect(await seriousViolations(browser.page), `axe on ${name}`).toEqual([]);
}

/** First-run setup through the API, for stories that start after it. */
export async function setUpByApi(server: E2eServer): Promise<void> {
  const response = await fetch(`${server.url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ organizationName: ORG, adminEmail: ADMIN.email, adminName: ADMIN.name, adminPassword: ADMIN.password, setupCode: server.setupCode }),
  });
  expect(response.status).toBe(201);
}

/** Logs in through the login page and waits for the app frame. */
export async function logInThroughUi(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

/** The HTTP status of an API call made with a bearer token. */
export async function bearerStatus(server: E2eServer, path: string, token: string): Promise<number> {
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return response.status;
}

export interface ApiSession {
  cookie: string;
  csrfToken: string;
}

/** Logs in over HTTP, as a second browser would, to prepare data quickly. */
export async function apiSession(server: E2eServer, email: string, password: string): Promise<ApiSession> {
  const response = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  expect(response.status).toBe(200);
  const body = (await response.json()) as { csrfToken: string };
  return { cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrfToken: body.csrfToken };
}

/** Uploads a small evidence file over HTTP with a session. */
export async function uploadByApi(server: E2eServer, session: ApiSession, title: string, fileName: string): Promise<void> {
  const form = new FormData();
  form.set('file', new Blob([`${title}\n`], { type: 'text/plain' }), fileName);
  form.set('title', title);
  form.set('kind', 'record');
  const response = await fetch(`${server.url}/api/v1/evidence`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    body: form,
  });
  expect(response.status).toBe(201);
}

/** Role ids as the API spells them; the UI shows labels ("Risk owner") instead. */
const RAW_ROLE_IDS = /\b(governance_lead|risk_owner|system_owner|internal_auditor|external_auditor)\b/;

/** Asserts no role id is visible anywhere on the page (hidden and collapsed content excepted). */
export async function expectNoRawRoleIds(page: Page, where: string): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text.match(RAW_ROLE_IDS)?.[0], `raw role id on ${where}`).toBeUndefined();
}

export interface TableFit {
  caption: string;
  /** The table is wider than its box, so part of it is scrolled out of view. */
  overflows: boolean;
  /** Buttons in an actions column not wholly inside the table's visible box or the viewport. */
  clippedActions: string[];
}

/** For every data table on the page: does it fit its box, and are its action buttons wholly visible? */
export async function tableFit(page: Page): Promise<TableFit[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.data-table__scroll')].map((box) => {
      const rect = box.getBoundingClientRect();
      const clippedActions = [...box.querySelectorAll<HTMLElement>('.table__actions button')]
        .filter((button) => {
          const r = button.getBoundingClientRect();
          return r.left < rect.left - 0.5 || r.right > rect.right + 0.5 || r.right > window.innerWidth + 0.5 || button.scrollWidth > button.clientWidth + 1;
        })
        .map((button) => button.textContent ?? '');
      return { caption: box.querySelector('caption')?.textContent ?? '', overflows: box.scrollWidth > box.clientWidth + 1, clippedActions };
    }),
  );
}

/** Runs a step at a viewport width (height 900, or 844 for a phone), then restores the default. */
export async function atWidth<T>(page: Page, width: number, step: () => Promise<T>): Promise<T> {
  await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
  try {
    return await step();
  } finally {
    await page.setViewportSize({ width: 1360, height: 900 });
  }
}

/** The page is no wider than the viewport (nothing but a table box scrolls sideways). */
export async function pageScrollWidth(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

/**
 * The common opening of a story: a fresh server, first-run setup done, optional seed data written
 * through the API, then a browser logged in as the admin.
 */
export async function openAdminStory(seed?: (server: E2eServer) => Promise<void>): Promise<{ server: E2eServer; browser: E2eBrowser }> {
  const server = await startE2eServer();
  await setUpByApi(server);
  await seed?.(server);
  const browser = await launchBrowser();
  await browser.page.goto(server.url);
  await logInThroughUi(browser.page, ADMIN.email, ADMIN.password);
  return { server, browser };
}

/** Closes what openAdminStory opened, whatever of it got started. */
export async function closeStory(story: { server?: E2eServer; browser?: E2eBrowser }): Promise<void> {
  await story.browser?.close();
  await story.server?.stop();
}
