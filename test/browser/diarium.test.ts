import { describe, expect, it } from 'vitest';
import { expectAccessible, openStep, settled, useBrowser, visit, pickFromList } from './browser.js';

/**
 * The official diarium in the browser: the region's klassificeringsstruktur is kept on its page,
 * and a case gets the region's diarienummer and a classification from its Diarium panel; a
 * document is registered as incoming with its sender.
 */
describe('diarium: klassificeringsstruktur, diarienummer and document registration', () => {
  const suite = useBrowser();

  it('remembers the region a person chose, on every page that shows one region', { timeout: 60_000 }, async () => {
    // the system administrator works in every region: nothing is chosen for them at first
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/arenden-och-beslut/diarium')).toBe('Diarium');
    await page.getByText('Välj en region för att se dess diarium.').waitFor();
    await page.getByLabel('Region', { exact: true }).selectOption({ label: 'Region Kronoberg' });
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect.poll(() => page.url()).toContain('region=07');
    // the next page that shows one region opens on the one chosen last
    expect(await visit(page, '/arenden-och-beslut/klassificeringsstruktur')).toBe('Klassificeringsstruktur');
    await expect.poll(() => page.url()).toContain('region=07');
    expect(await page.getByLabel('Region', { exact: true }).inputValue()).toBe('07');
  });

  it('keeps the structure and classifies a case with it', { timeout: 90_000 }, async () => {
    const { page } = await suite.newPage({ signedIn: true });
    const code = String(1000 + (Date.now() % 9000));
    const subject = `Webbtest: diarium ${Date.now()} (demo)`;

    expect(await visit(page, '/arenden-och-beslut/klassificeringsstruktur?region=07')).toBe('Klassificeringsstruktur');
    const add = page.getByRole('region', { name: 'Lägg till post' });
    await add.getByLabel('Kod').fill(`${code}.1`);
    await add.getByLabel('Rubrik').fill('Remisser');
    await add.getByRole('button', { name: 'Lägg till post' }).click();
    await add.getByText(`Överordnad kod ${code} saknas.`).waitFor();
    await add.getByLabel('Kod').fill(code);
    await add.getByLabel('Rubrik').fill('Kunskapsstyrning');
    await add.getByRole('button', { name: 'Lägg till post' }).click();
    await page.getByRole('status').getByText(`Posten ${code} är tillagd.`).waitFor();
    await add.getByLabel('Kod').fill(`${code}.1`);
    await add.getByLabel('Rubrik').fill('Kunskapsstyrning – remisser');
    await add.getByRole('button', { name: 'Lägg till post' }).click();
    await page.getByRole('status').getByText(`Posten ${code}.1 är tillagd.`).waitFor();
    await page.getByRole('rowheader', { name: `${code}.1`, exact: true }).waitFor();
    await expectAccessible(page, 'classification page');

    // A case in the region: registered, then given the region's number and the classification.
    expect(await visit(page, '/arenden-och-beslut/nytt')).toBe('Registrera ett ärende');
    const form = page.getByRole('form', { name: 'Registrera ett ärende' });
    await form.getByLabel('Region').selectOption({ label: 'Region Kronoberg' });
    await form.getByLabel('Ärende').fill(subject);
    await form.getByLabel('Ursprung').selectOption({ label: 'Nationellt' });
    await pickFromList(page, form.getByRole('combobox', { name: 'Avsändare' }), 'socialstyr', 'Socialstyrelsen');
    await form.getByRole('button', { name: 'Registrera ärendet' }).click();
    const done = page.getByRole('status').getByText(/Ärendet är registrerat med diarienummer/);
    await done.waitFor();
    const number = /diarienummer (.+?): /.exec(await done.innerText())?.[1] ?? '';
    await page.getByRole('link', { name: `Öppna ärendet ${number}` }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe(`${number}: ${subject}`);
    await settled(page);

    // The diarium and the documents are under the case's Handlingar tab.
    await openStep(page, 'Ärendets delar', 'Handlingar');
    const diarium = page.getByRole('region', { name: 'Diarium' });
    const dnr = `RS ${Date.now()}`;
    await diarium.getByLabel('Regionens diarienummer').fill(dnr);
    await diarium.getByLabel('Klassificering').selectOption({ label: `${code}.1 Kunskapsstyrning – remisser` });
    await diarium.getByRole('button', { name: 'Spara diarieuppgifter' }).click();
    await page.getByRole('status').getByText('Diarieuppgifterna är sparade.').waitFor();
    await openStep(page, 'Ärendets delar', 'Översikt');
    const facts = page.getByRole('table', { name: 'Uppgifter om ärendet' });
    await facts.getByText(dnr).waitFor();
    await facts.getByText(`${code}.1 Kunskapsstyrning – remisser`).waitFor();
    await openStep(page, 'Ärendets delar', 'Handlingar');

    // An incoming document names its sender.
    const docs = page.getByRole('region', { name: 'Handlingar' });
    await docs.getByLabel('Välj fil').setInputFiles({
      name: 'brev.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Ett brev\n'),
    });
    await docs.getByLabel('Riktning').selectOption({ label: 'Inkommande' });
    await docs.getByRole('button', { name: 'Ladda upp' }).click();
    await docs.getByText('Ange avsändare för en inkommande handling.').first().waitFor();
    await docs.getByLabel('Avsändare').fill('Socialstyrelsen');
    await docs.getByLabel('Handlingstyp').selectOption({ label: 'Skrivelse' });
    await docs.getByRole('button', { name: 'Ladda upp' }).click();
    await docs.getByRole('link', { name: /brev\.txt/ }).waitFor();
    await docs.getByText('Avsändare: Socialstyrelsen').waitFor();
    await expectAccessible(page, 'case page with diarium');
  });
});
