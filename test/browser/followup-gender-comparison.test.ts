import type { APIRequestContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { expectAccessible, RESULTS_DIR, screenshot, settled, useBrowser } from './browser.js';

/**
 * An indicator from Kolada with values by gender for Region Kronoberg, its healthcare region
 * (Sydöstra) and the country: the indicator page compares the three levels for Totalt, Kvinnor
 * and Män, with a legend, the table alternative and "Källa: Kolada" under the charts.
 */
async function post(request: APIRequestContext, path: string, data: unknown): Promise<{ id: string }> {
  const me = await request.get('/api/v1/me');
  const headers = { 'X-CSRF-Token': ((await me.json()) as { csrfToken: string }).csrfToken };
  const res = await request.post(path, { headers, data });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return (await res.json()) as { id: string };
}

describe('follow-up: region, healthcare region and nation by gender', () => {
  const suite = useBrowser();

  it('shows the three levels per gender with a legend, the attribution and a table', async () => {
    const { page, context } = await suite.newPage({ signedIn: true });
    const ind = await post(context.request, '/api/v1/indicators', {
      code: `KOLADA-JMF-${Date.now()}`,
      name: 'Andel invånare med fast vårdkontakt (jämförelse)',
      definition: 'Andel invånare som har en fast vårdkontakt i primärvården.',
      unit: '%',
      direction: 'higher',
      periodicity: 'year',
      source: 'kolada',
    });
    const rows = [['Område', 'Kön', 'År', 'Värde']];
    const base = { Kronoberg: 62, 'Södra sjukvårdsregionen': 60, Riket: 57 } as const;
    for (const [area, b] of Object.entries(base)) {
      for (const [g, d] of [
        ['Totalt', 0],
        ['Kvinnor', 3],
        ['Män', -3],
      ] as const) {
        for (const year of [2021, 2022, 2023, 2024])
          rows.push([area, g, String(year), String(b + d + (year - 2021) * 1.5).replace('.', ',')]);
      }
    }
    await post(context.request, `/api/v1/indicators/${ind.id}/imports`, {
      fileName: 'kolada-jamforelse.csv',
      format: 'csv',
      contentBase64: Buffer.from(rows.map((r) => r.join(';')).join('\n')).toString('base64'),
      mapping: { area: 'Område', gender: 'Kön', period: 'År', value: 'Värde' },
    });

    await page.goto(`/planer-och-uppfoljning/indikatorer/${ind.id}?region=07&chart=run`);
    await settled(page);
    const section = page.getByRole('region', { name: 'Jämförelse per kön: region, sjukvårdsregion och riket' });
    await section.waitFor();
    const legend = section.getByRole('list', { name: 'Förklaring till diagrammen' });
    await expect
      .poll(() => legend.getByRole('listitem').allInnerTexts())
      .toEqual(['Region Kronoberg (region)', 'Södra sjukvårdsregionen (sjukvårdsregion)', 'Riket (riket)']);
    for (const g of ['Totalt', 'Kvinnor', 'Män']) {
      await section.getByRole('img', { name: `Andel invånare med fast vårdkontakt (jämförelse): ${g}` }).waitFor();
    }
    await section.getByText('Källa: Kolada').waitFor();
    const women = await section
      .getByRole('img', { name: 'Andel invånare med fast vårdkontakt (jämförelse): Kvinnor' })
      .getAttribute('aria-labelledby');
    expect(await page.locator(`[id="${women!.split(' ')[1]}"]`).textContent()).toBe(
      'Senaste värden (2024): Region Kronoberg 69,5 %, Södra sjukvårdsregionen 67,5 %, Riket 64,5 %.',
    );

    await section.getByText('Jämförelsen i tabellform').click();
    const table = section.getByRole('table', { name: /värden per period, kön och nivå/ });
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual([
      'Period',
      'Kön',
      'Region Kronoberg',
      'Södra sjukvårdsregionen',
      'Riket',
    ]);
    const men2024 = table.getByRole('row').filter({ hasText: '2024' }).filter({ hasText: 'Män' });
    expect(await men2024.getByRole('cell').allInnerTexts()).toEqual(['Män', '63,5', '61,5', '58,5']);
    await expectAccessible(page, 'gender comparison');
    await section.screenshot({ path: join(RESULTS_DIR, 'followup-gender-comparison.png') });
    await screenshot(page, 'followup-gender-comparison-page', { fullPage: true });
  }, 120_000);
});
