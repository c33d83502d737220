/**
 * Shared helpers for the browser suite: one Chromium per test file, an axe check on every
 * page visited, screenshots, and sign-in through the API (the UI sign-in has its own test).
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const RESULTS_DIR = join(root, 'test-results', 'browser');
export const DOCS_SCREENSHOTS = join(root, 'docs', 'screenshots');

export const baseURL = (): string => inject('baseURL');

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--font-render-hinting=none',
  '--lang=sv-SE',
];

export interface Suite {
  browser: Browser;
  /** A fresh context (own cookies and localStorage) with a page. */
  newPage(options?: { signedIn?: boolean; lang?: 'sv' | 'en' }): Promise<{ context: BrowserContext; page: Page }>;
}

export function useBrowser(): Suite {
  const suite = {} as Suite;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    suite.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    suite.newPage = async ({ signedIn = false, lang } = {}) => {
      const context = await suite.browser.newContext({
        baseURL: baseURL(),
        viewport: { width: 1280, height: 860 },
        locale: 'sv-SE',
        timezoneId: 'Europe/Stockholm',
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      if (lang) await context.addInitScript({ content: `localStorage.setItem('navet.lang', ${JSON.stringify(lang)});` });
      if (signedIn) await signInViaApi(context);
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      return { context, page };
    };
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await suite.browser?.close();
  });
  return suite;
}

export async function signInViaApi(context: BrowserContext): Promise<void> {
  const res = await context.request.post('/api/v1/auth/login', {
    data: { email: inject('adminEmail'), password: inject('adminPassword') },
  });
  expect(res.status(), await res.text()).toBe(200);
}

/** The demo users' password (src/modules/demo): the README names it for newcomers. */
export const DEMO_PASSWORD = 'demo-lösenord-navet';

/** Signs a demo user in (samordnare@demo.navet.example, …) through the API, in this browser context. */
export async function signInAsDemo(context: BrowserContext, email: string): Promise<void> {
  const res = await context.request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
}

/** Waits until the page has its h1 and nothing is still loading. */
export async function settled(page: Page): Promise<void> {
  await page.locator('main h1').waitFor();
  // Polling through locators: the app's CSP forbids the eval that waitForFunction(string) needs.
  await expect.poll(() => page.locator('main .loading').count(), { timeout: 10_000 }).toBe(0);
  await expect
    .poll(async () => (await page.locator('main h1').innerText()).trim(), { timeout: 10_000 })
    .not.toMatch(/^(Laddar|Loading) …$/);
}

/** axe on the current state of the page; serious and critical violations fail the test. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad
    .map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`)
    .join('\n');
  expect(bad, `axe violations on ${label}:\n${report}`).toEqual([]);
}

/** Whether the element matched by `selector` has keyboard focus. */
export async function hasFocus(page: Page, selector: string): Promise<boolean> {
  return (await page.locator(`${selector}:focus`).count()) > 0;
}

/** Go to a path, wait for it to settle, check it with axe, and return the h1 text. */
export async function visit(page: Page, path: string): Promise<string> {
  await page.goto(path);
  await settled(page);
  const errors = await page.locator('main .alert-error').allInnerTexts();
  expect(errors, `error shown on ${path}`).toEqual([]);
  await expectAccessible(page, path);
  return (await page.locator('main h1').innerText()).trim();
}

/** A picture of one element (for example a chart taller than the viewport) for the README. */
export async function screenshotElement(locator: Locator, name: string): Promise<void> {
  mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
  await locator.screenshot({ path: join(DOCS_SCREENSHOTS, `${name}.png`) });
}

export async function screenshot(page: Page, name: string, options: { docs?: boolean; fullPage?: boolean } = {}): Promise<void> {
  const file = join(RESULTS_DIR, `${name}.png`);
  mkdirSync(dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: options.fullPage ?? true });
  if (options.docs) {
    // For the README: the top of the page, at most 1 200 px tall, to keep the PNGs small.
    mkdirSync(DOCS_SCREENSHOTS, { recursive: true });
    const height = Math.min(1200, await page.evaluate('document.documentElement.scrollHeight'));
    await page.screenshot({
      path: join(DOCS_SCREENSHOTS, `${name}.png`),
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height },
    });
  }
}

/**
 * Picks an option of a searchable list (components/Combobox.tsx): types part of its name, waits
 * for the option and clicks it; the field then shows the chosen name.
 */
export async function pickFromList(page: Page, combobox: Locator, query: string, option: string): Promise<void> {
  await combobox.fill(query);
  const listbox = page.locator(`#${await combobox.getAttribute('aria-controls')}`);
  await listbox
    .getByRole('option')
    .filter({ has: page.getByText(option, { exact: true }) })
    .first()
    .click();
  await expect.poll(() => combobox.inputValue()).toBe(option);
}

/**
 * Opens a step or tab of a page (components/StepNav.tsx): clicks its link in the named
 * navigation and waits until the link is the current one and the URL names it (`?flik=`).
 */
export async function openStep(page: Page, nav: string, step: string): Promise<void> {
  const link = page.getByRole('navigation', { name: nav }).getByRole('link', { name: new RegExp(`^${step}( |$)`) });
  await link.click();
  await expect.poll(() => link.getAttribute('aria-current')).toMatch(/^(step|page)$/);
}
