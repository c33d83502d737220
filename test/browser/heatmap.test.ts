import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RESULTS_DIR, useBrowser, visit } from './browser.js';

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
    await expect.poll(() => table.getByRole('columnheader').count()).toBe(1 + 1 + 3 + 1);
    const sydost = await downloadPng(page, 'heatmap-export-sydost.png');
    expect(sydost.signature).toEqual(PNG_SIGNATURE);
    expect(sydost.width).toBeLessThan(all.width - 2 * 17 * 34);
    expect(sydost.height).toBeGreaterThanOrEqual(all.height);
  });
});
