import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, RESULTS_DIR, screenshot, useBrowser, visit } from './browser.js';

const DEMO_PASSWORD = 'demo-lösenord-navet';

/**
 * The heatmap's PNG export: "Ladda ner som PNG" draws the view shown (legend, healthcare
 * regions over their regions, the supports' titles) on a canvas and downloads it. The file must
 * be a PNG whose size follows the view: all 21 regions, or only one healthcare region's.
 */
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function downloadPng(page: Page, name: string) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ladda ner som PNG' }).click(),
  ]);
  const file = readFileSync(await download.path());
  mkdirSync(RESULTS_DIR, { recursive: true });
  copyFileSync(await download.path(), join(RESULTS_DIR, name));
  // IHDR follows the signature: length, type, then width and height as 32-bit big-endian.
  return {
    filename: download.suggestedFilename(),
    bytes: file.length,
    signature: [...file.subarray(0, 8)],
    chunk: file.subarray(12, 16).toString('latin1'),
    width: file.readUInt32BE(16),
    height: file.readUInt32BE(20),
  };
}

describe('the heatmap as a PNG', () => {
  const suite = useBrowser();

  it('downloads the view shown as a PNG', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/inforande')).toBe('Införande');
    const table = page.getByRole('table', { name: 'Införandestatus per kunskapsstöd och region' });
    await table.waitFor();
    const rows = await table.locator('tbody tr').count();
    expect(rows).toBeGreaterThan(0);

    const all = await downloadPng(page, 'heatmap-export.png');
    expect(all.filename).toBe('varmekarta-aktuell.png');
    expect(all.signature).toEqual(PNG_SIGNATURE);
    expect(all.chunk).toBe('IHDR');
    // Twice the drawn size: 21 region columns of 34 px beside the titles, a row per support.
    expect(all.width).toBeGreaterThanOrEqual(2 * (21 * 34 + 160));
    expect(all.height).toBeGreaterThanOrEqual(2 * (rows + 1) * 22);
    expect(all.bytes).toBeGreaterThan(10_000);
    expect(all.bytes).toBeLessThan(5_000_000);

    // One healthcare region: three columns, so a narrower picture with the same rows.
    await page.getByLabel('Sjukvårdsregion').selectOption({ label: 'Sydöstra sjukvårdsregionen' });
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    // (the administrator has no region of her own: nothing is pinned)
    await expect.poll(() => table.getByRole('columnheader').count()).toBe(1 + 1 + 3 + 1);
    const sydost = await downloadPng(page, 'heatmap-export-sydost.png');
    expect(sydost.signature).toEqual(PNG_SIGNATURE);
    expect(sydost.width).toBeLessThan(all.width - 2 * 17 * 34);
    expect(sydost.height).toBeGreaterThanOrEqual(all.height);
  });
});

describe('the heatmap at a glance', () => {
  const suite = useBrowser();

  async function signIn(context: BrowserContext, email: string) {
    const res = await context.request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
    expect(res.status(), await res.text()).toBe(200);
  }

  it('shows all 21 regions at 1366 px, the own region first, abbreviated headers with full names, Swedish filters and a legend', async () => {
    const { context, page } = await suite.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    await signIn(context, 'samordnare@demo.navet.example');
    expect(await visit(page, '/inforande')).toBe('Införande');
    const table = page.getByRole('table', { name: 'Införandestatus per kunskapsstöd och region' });
    await table.locator('tbody tr').first().waitFor();

    // Kronoberg's coordinator sees her region first, under its own heading.
    await expect.poll(() => table.getByRole('columnheader').first().innerText()).toBe('Din region');
    const regionLinks = table.locator('th.hm-region a');
    expect(await regionLinks.count()).toBe(21);
    expect(await regionLinks.first().getAttribute('aria-label')).toBe('Kron, Region Kronoberg');
    // A real accessible name: the header is named by the region's full name.
    await table.getByRole('columnheader', { name: 'Sthlm, Region Stockholm' }).waitFor();

    // Every column fits: the table does not scroll sideways at 1366 px.
    const scroll = page.locator('.table-scroll', { has: table });
    const [scrollWidth, clientWidth] = await scroll.evaluate((el) => [el.scrollWidth, el.clientWidth]);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    const last = await regionLinks.last().boundingBox();
    expect(last!.x + last!.width).toBeLessThanOrEqual(1366);

    // Focus shows the full name (the tooltip), as hover does.
    const tip = regionLinks.nth(3).locator('.hm-tip');
    expect(await tip.isVisible()).toBe(false);
    await regionLinks.nth(3).focus();
    await tip.waitFor({ state: 'visible' });
    expect(await tip.innerText()).toMatch(/^(Region |Västra Götalandsregionen)/);
    await screenshot(page, 'heatmap-1366-focus', { fullPage: false });
    // Escape dismisses it without moving focus (WCAG 1.4.13); it comes back on the next focus.
    await page.keyboard.press('Escape');
    await tip.waitFor({ state: 'hidden' });
    expect(await regionLinks.nth(3).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await regionLinks.nth(3).blur();
    await regionLinks.nth(3).focus();
    await tip.waitFor({ state: 'visible' });
    await regionLinks.nth(3).blur();
    await regionLinks.nth(5).hover();
    await regionLinks.nth(5).locator('.hm-tip').waitFor({ state: 'visible' });

    // Filters read Swedish, never slugs; the legend names every status.
    const types = await page.getByLabel('Typ av kunskapsstöd').locator('option').allInnerTexts();
    expect(types).toContain('Standardiserat vårdförlopp (SVF)');
    for (const o of types) expect(o).not.toMatch(/^[a-z]+(-[a-z]+)+$/);
    const legend = page.getByRole('region', { name: 'Teckenförklaring' });
    await legend
      .getByRole('listitem')
      .filter({ hasText: /\bInförd$/ })
      .waitFor();
    expect(await legend.getByRole('listitem').count()).toBeGreaterThanOrEqual(6);

    await page.mouse.move(0, 0);
    await screenshot(page, 'heatmap-1366', { fullPage: false });
    await expectAccessible(page, 'heatmap at 1366 px');
  });
});
