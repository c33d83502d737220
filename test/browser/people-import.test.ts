import { describe, expect, it } from 'vitest';
import { expectAccessible, useBrowser, visit } from './browser.js';

/**
 * Läs in personer: the file is previewed row by row (nothing written), then confirmed; persons
 * already in Navet are reported as existing and left as they are.
 */
describe('the person import', () => {
  const suite = useBrowser();

  it('previews a CSV of persons, then registers the new ones on confirmation', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/personer-och-uppdrag')).toBe('Personer och uppdrag');
    await page.getByRole('link', { name: 'Läs in personer från fil' }).click();
    await page.locator('main h1', { hasText: 'Läs in personer' }).waitFor();
    const stamp = Date.now();
    const csv =
      '\uFEFFnamn;e-post;hsa-id;yrke/titel;arbetsgivare\n' +
      `Webb Importerad;webb-${stamp}@example.se;SE2321000065-w${stamp};Läkare;Region Östergötland\n` +
      'Utan Adress;inte-en-adress;;;\n';
    await page.getByLabel('Register', { exact: true }).selectOption('05');
    await page.getByLabel('CSV-fil').setInputFiles({ name: 'personer.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const table = page.getByRole('table', { name: 'Rader i personer.csv' });
    await table.getByText('"inte-en-adress" är inte en giltig e-postadress.').waitFor();
    await page.getByText('Nya: 1. Finns redan: 0. Rader med fel: 1.', { exact: false }).waitFor();
    await expectAccessible(page, 'person import preview');
    await page.getByRole('button', { name: 'Registrera de nya personerna (1)' }).click();
    await page.getByText('Kryssa i att du har granskat rapporten.').waitFor();
    await page.getByLabel(/Jag har granskat rapporten/).check();
    await page.getByRole('button', { name: 'Registrera de nya personerna (1)' }).click();
    await page.getByText('Registrerade: 1.', { exact: false }).waitFor();
    await table.getByRole('link', { name: 'Webb Importerad' }).waitFor();
  });
});
