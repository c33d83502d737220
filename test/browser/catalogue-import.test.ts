import { describe, expect, it } from 'vitest';
import { expectAccessible, useBrowser, visit } from './browser.js';

/**
 * The national catalogue's import page: a file is checked first (the report per row, nothing
 * written), then confirmed; the second check of the same file says every row is unchanged.
 */
describe('the catalogue import', () => {
  const suite = useBrowser();

  it('checks a file row by row, then imports it on confirmation', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/kunskapsstod/katalogimport')).toBe('Läs in den nationella katalogen');
    const csv =
      'identifierare;titel;typ;producent;publiceringsdatum;version;nästa revision;länk\n' +
      'WEBB-1;Vårdförlopp webbimport;vardforlopp;NPO hjärt- och kärlsjukdomar;2024-03-01;1.0;;\n' +
      'WEBB-2;;vardprogram;;;;;\n';
    const file = { name: 'katalog.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
    await page.getByLabel('Katalogfil').setInputFiles(file);
    // A partial file: the demo's catalogue must not be withdrawn by this test.
    await page.getByLabel(/Filen är hela den nationella katalogen/).uncheck();
    await page.getByRole('button', { name: 'Granska filen' }).click();
    const table = page.getByRole('table', { name: 'Rapport per rad' });
    await table.getByText('Titel saknas.').waitFor();
    expect(await table.innerText()).toContain('Nytt kunskapsstöd, version 1.0.');
    await expectAccessible(page, 'catalogue import report');
    await page.getByRole('button', { name: 'Bekräfta och läs in' }).click();
    await page.getByText(/Katalogen är inläst: 1 nya/).waitFor();
    await table.getByRole('link', { name: 'Vårdförlopp webbimport' }).waitFor();
  });
});
