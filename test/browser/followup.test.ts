import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, settled, useBrowser, visit } from './browser.js';
import { demoPeriod } from '../../src/modules/demo/dates.js';

const november = demoPeriod('2026-11');

/**
 * Follow-up end to end: the demo indicator's control chart with its special-cause signal, an
 * import with a bad row (the report names it; nothing is imported until "only valid rows" is
 * chosen), the new period in the chart, and the national heatmap — each page checked with axe.
 */
describe('follow-up: import, charts and the heatmap', () => {
  const suite = useBrowser();

  it('imports values, shows the chart and renders the heatmap', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/planer-och-uppfoljning')).toBe('Planer och uppföljning');
    await expectAccessible(page, 'follow-up home');
    await page.getByRole('link', { name: 'Behandlingsstart inom fyra veckor efter beslut' }).first().click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Behandlingsstart inom fyra veckor efter beslut');
    await settled(page);
    const chart = page.getByRole('region', { name: /Region Kronoberg: Styrdiagram/ }).getByRole('img');
    await chart.waitFor();
    await page.getByText(/Signaler för särskilda orsaker: .*förskjutning.*förbättring/).waitFor();
    await expectAccessible(page, 'indicator page');
    await screenshot(page, 'followup-indicator', { docs: true });

    await page.getByRole('link', { name: 'Läs in värden' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toMatch(/^Läs in värden/);
    await page.getByLabel('Fil (CSV eller XLSX)').setInputFiles({
      name: 'sydostra-november.csv',
      mimeType: 'text/csv',
      // The month after the demo's last value (the demo's periods move with the clock), for two of
      // Sydöstra's regions: the indicator is Sydöstra's own, which holds only its regions' values.
      buffer: Buffer.from(
        `Region;Period;Andel\nKalmar;${november};84,5\nRegion Atlantis;${november};80\nÖstergötland;${november};71\n`,
      ),
    });
    const problems = page.getByRole('table', { name: 'Rader med fel' });
    await problems.getByRole('cell', { name: 'Okänd region "Region Atlantis".' }).waitFor();
    await page.getByText('3 rader: 2 giltiga, 1 med fel.').waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Läs in' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'import report');
    await screenshot(page, 'followup-import-report', { docs: true });
    await page.getByLabel('Läs bara in de giltiga raderna (raderna med fel hoppas över)').check();
    await page.getByRole('button', { name: 'Läs in' }).click();
    await page.getByRole('status').getByText('Klart: 2 värden lästes in för 1 perioder.').waitFor();
    await page.getByRole('link', { name: 'Visa diagrammet' }).click();
    await settled(page);
    // The page shows Kronoberg by default; Kalmar's chart is a query away.
    await visit(page, `${new URL(page.url()).pathname}?region=08`);
    await settled(page);
    await page.getByText(`Senaste värde för Region Kalmar län: 84,5 % (${november})`, { exact: false }).waitFor();

    expect(await visit(page, '/inforande')).toBe('Införande');
    const heatmap = page.getByRole('table', { name: 'Införandestatus per kunskapsstöd och region' });
    await heatmap.waitFor();
    expect(await heatmap.getByRole('columnheader').count()).toBeGreaterThan(21);
    expect(await heatmap.locator('tbody tr').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'heatmap');
    await screenshot(page, 'followup-heatmap', { docs: true });
    // The header's link is named by the region's abbreviation and full name (issue 17: all 21 fit).
    await page.getByRole('link', { name: /^Kron, Region Kronoberg/ }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Införande i Region Kronoberg');
    await settled(page);
    await expectAccessible(page, 'region drill-down');
  }, 180_000);
});
