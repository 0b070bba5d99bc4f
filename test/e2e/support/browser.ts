import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM } from './paths.js';

export interface E2eBrowser {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions seen so far (failed-request noise filtered out). */
  errors: string[];
  /**
   * Saves a screenshot when AIMS_E2E_SCREENSHOTS names a folder (outside the repo): the full page,
   * or with `viewport` only what is on screen now (a long phone page, scrolled to what matters).
   */
  screenshot(name: string, options?: { viewport?: boolean }): Promise<void>;
  close(): Promise<void>;
}

// Debian's chromium, never a downloaded one. Playwright refuses --user-data-dir in args, so the
// profile is the persistent context's own fresh temp dir.
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export async function launchBrowser(): Promise<E2eBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'aims-e2e-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ARGS,
    viewport: { width: 1360, height: 900 },
    locale: 'en-GB',
    timezoneId: 'UTC',
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // The browser logs every 4xx response; the app expects those (401 before login, 400 on a bad form).
    if (message.type() === 'error' && !/Failed to load resource/.test(message.text())) errors.push(`console: ${message.text()}`);
  });
  const shots = process.env.AIMS_E2E_SCREENSHOTS;
  if (shots) mkdirSync(shots, { recursive: true });
  return {
    context,
    page,
    errors,
    screenshot: async (name, options) => {
      if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: !options?.viewport });
    },
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
