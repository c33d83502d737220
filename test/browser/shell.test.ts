import { describe, expect, it } from 'vitest';
import { expectAccessible, hasFocus, screenshot, settled, useBrowser, visit } from './browser.js';

/** The main navigation of a visitor who is not signed in: only what opens for them. */
const NAV = [
  'Organisation',
  'Vem sitter var',
  'Kunskapsstöd',
  'Diarium',
  'Beslut och protokoll',
  'Införande',
  'Planer och uppföljning',
  'Insyn och API',
];

/** Areas with real pages; the others say they are not built yet. */
const BUILT = NAV;

/** Areas where nothing opens without signing in: left out of an anonymous visitor's menu. */
const SIGNED_IN_ONLY = ['Personer och uppdrag', 'Remisser', 'Ärenden och beslut', 'Möten', 'Delaktighet'];

describe('the shell', () => {
  const suite = useBrowser();

  it('has a start page with landmarks, one h1 and a link to every capability area', async () => {
    const { page } = await suite.newPage();
    expect(await visit(page, '/')).toBe('Välkommen till Navet');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
    for (const role of ['banner', 'navigation', 'main', 'contentinfo'] as const) {
      expect(await page.getByRole(role).count(), role).toBeGreaterThan(0);
    }
    expect(await page.locator('h1').count()).toBe(1);
    await page.getByRole('contentinfo').getByText('Version ').waitFor();
    await screenshot(page, 'start', { docs: true });
  });

  it('loads every area from the main navigation, each with its own h1 and focus on it', async () => {
    const { page } = await suite.newPage();
    await visit(page, '/');
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    for (const name of SIGNED_IN_ONLY) expect(await nav.getByRole('link', { name, exact: true }).count(), name).toBe(0);
    for (const name of NAV) {
      await nav.getByRole('link', { name, exact: true }).click();
      await expect.poll(() => page.locator('main h1').innerText()).toBe(name);
      await settled(page);
      expect(await page.locator('h1').count()).toBe(1);
      // focus moves to the new page's heading after a client-side navigation
      await expect.poll(() => hasFocus(page, '#page-title')).toBe(true);
      if (!BUILT.includes(name)) await page.getByText('Den här delen är inte byggd ännu.').waitFor();
      await expectAccessible(page, name);
    }
    await screenshot(page, 'not-built');
  });

  it('works from the keyboard: skip link first, then into the navigation', async () => {
    const { page } = await suite.newPage();
    await visit(page, '/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Hoppa till huvudinnehållet' });
    await expect.poll(() => hasFocus(page, '.skip-link')).toBe(true);
    expect(await skip.innerText()).toBe('Hoppa till huvudinnehållet');
    await screenshot(page, 'skip-link', { fullPage: false });

    // keep tabbing: the header controls come first, then the main navigation
    let inNav = false;
    for (let i = 0; i < 10 && !inNav; i++) {
      await page.keyboard.press('Tab');
      inNav = await hasFocus(page, 'nav[aria-label="Huvudmeny"] a');
    }
    expect(inNav).toBe(true);
    expect(await page.locator(':focus').innerText()).toBe('Startsida');

    // Enter on a nav link navigates and puts focus on the new h1
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Organisation');
    await expect.poll(() => hasFocus(page, '#page-title')).toBe(true);

    // the skip link moves focus to main
    await page.goto('/');
    await settled(page);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => hasFocus(page, 'main#main')).toBe(true);
  });

  it('switches to English and remembers it', async () => {
    const { page } = await suite.newPage();
    await visit(page, '/organisation');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Organisation');
    await page.getByRole('navigation', { name: 'Main menu' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.goto('/');
    await settled(page);
    expect(await page.locator('main h1').innerText()).toBe('Welcome to Navet');
    await expectAccessible(page, 'start (en)');
    await screenshot(page, 'start-en');
    await page.getByRole('button', { name: 'Svenska' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Välkommen till Navet');
    expect(await page.locator('html').getAttribute('lang')).toBe('sv');
  });

  it('reflows at 320 px: no sideways scrolling, the menu folds behind a button', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    await page.setViewportSize({ width: 320, height: 720 });
    const paths = [
      '/',
      '/organisation/regioner/13',
      '/organisation/programomraden',
      '/admin/anvandare',
      '/admin/granskningslogg',
    ];
    for (const path of paths) {
      await visit(page, path);
      expect(await page.evaluate<number>('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(320);
    }
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    expect(await nav.getByRole('link', { name: 'Remisser' }).isVisible()).toBe(false);
    await nav.getByRole('button', { name: 'Meny' }).click();
    await nav.getByRole('link', { name: 'Remisser' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Remisser');
    expect(await nav.getByRole('link', { name: 'Remisser' }).isVisible()).toBe(false);
    await screenshot(page, 'mobile-not-built');
  });

  it('has an accessibility statement with a feedback link, and a not-found page', async () => {
    const { page } = await suite.newPage();
    expect(await visit(page, '/tillganglighet')).toBe('Tillgänglighetsredogörelse');
    expect(await page.locator('main a[href^="mailto:"]').count()).toBe(1);
    expect(await visit(page, '/finns-inte')).toBe('Sidan finns inte');
  });
});
