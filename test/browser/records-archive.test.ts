import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, settled, useBrowser, visit } from './browser.js';

/**
 * Gallring and the e-archive in the browser: an administrator previews gallring on the retention
 * page (the report per rule, closed cases listed for the e-archive), and downloads the FGS
 * package of the demo's closed case from its case page.
 */
describe('gallring and the e-archive', () => {
  const suite = useBrowser();

  it('previews gallring and exports a closed case as an FGS package', { timeout: 90_000 }, async () => {
    const { context, page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/admin/bevarande')).toBe('Bevarande och gallring');
    const section = page.getByRole('region', { name: 'Gallring' });
    await section.getByRole('button', { name: 'Förhandsgranska gallring' }).click();
    const table = section.getByRole('table', { name: /Vad gallringen skulle göra/ });
    await table.waitFor();
    await table.getByRole('rowheader', { name: 'Ärenden i diariet' }).waitFor();
    await expect
      .poll(() => table.getByText('Bevaras – avslutade ärenden som ännu inte lämnats till e-arkivet').count())
      .toBeGreaterThan(0);
    await expectAccessible(page, 'gallring report');
    await screenshot(page, 'records-gallring-report');

    const list = await context.request.get('/api/v1/cases?region=07&limit=500');
    const closed = (await list.json()).items.find(
      (c: { subject: string }) => c.subject === 'Förfrågan om nationell statistik för palliativ vård (demo)',
    ) as { id: string };
    await page.goto(`/arenden-och-beslut/arenden/${closed.id}?flik=handlingar`);
    await settled(page);
    const panel = page.getByRole('region', { name: 'E-arkiv' });
    const link = panel.getByRole('link', { name: 'Exportera e-arkivpaket (FGS)' });
    await link.waitFor();
    await expectAccessible(page, 'case page with e-archive');
    await screenshot(page, 'case-archive-panel');
    const href = await link.getAttribute('href');
    const zip = await context.request.get(href!);
    expect(zip.status()).toBe(200);
    expect(zip.headers()['content-type']).toBe('application/zip');
    expect((await zip.body()).subarray(0, 2).toString()).toBe('PK');
  });
});
