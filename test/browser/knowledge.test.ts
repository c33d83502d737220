import { describe, expect, it } from 'vitest';
import { placeRound } from '../../src/modules/knowledge/rules/track.js';
import { todayInSweden } from '../../src/platform/clock.js';
import { expectAccessible, pickFromList, screenshot, settled, useBrowser, visit } from './browser.js';

const date = (iso: string) =>
  new Intl.DateTimeFormat('sv-SE', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));

/**
 * The catalogue finds a support by an inflected form ("kunskapsstöden"), and a consultation
 * round is created from a version: the proposed track and calendar slot are shown, choosing
 * the other track asks for a reason, and the registered round shows on the support's page.
 */
describe('knowledge supports: search and a consultation round', () => {
  const suite = useBrowser();

  it('finds a support by an inflected form ("kunskapsstöden")', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/kunskapsstod')).toBe('Kunskapsstöd');
    await page.getByRole('searchbox', { name: 'Sök' }).fill('kunskapsstöden');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    const table = page.getByRole('table', { name: 'Kunskapsstöd som matchar sökningen' });
    // The unfiltered list shows first; wait for the search's answer to replace it.
    await expect.poll(() => table.innerText(), { timeout: 20_000 }).not.toContain('Nationellt vårdprogram bröstcancer (demo)');
    await table.getByRole('link', { name: 'Kliniskt kunskapsstöd KOL (demo)' }).waitFor();
    expect(await table.innerText()).toContain('Kliniskt kunskapsstöd astma hos vuxna (demo)');
    await expectAccessible(page, 'catalogue search');
    await screenshot(page, 'knowledge-catalogue', { docs: true });
  });

  it(
    'registers a round from a version with the proposed track and slot, and an override with a reason',
    { timeout: 60_000 },
    async () => {
      const { page } = await suite.newPage({ signedIn: true });
      await page.goto('/kunskapsstod?q=KOL&type=kliniskt-kunskapsstod');
      await settled(page);
      await page.getByRole('link', { name: 'Kliniskt kunskapsstöd KOL (demo)' }).click();
      await expect.poll(() => page.locator('main h1').innerText(), { timeout: 10_000 }).toBe('Kliniskt kunskapsstöd KOL (demo)');
      await settled(page);
      await expectAccessible(page, 'support page');
      // The lifecycle's buttons come from the answer's allowedActions.
      const lifecycle = page.getByRole('form', { name: 'Byt status' });
      await lifecycle.getByRole('button', { name: 'Upphäv' }).waitFor();
      expect(await lifecycle.getByRole('button').count()).toBeGreaterThan(1);
      await screenshot(page, 'knowledge-support');
      await page.getByRole('link', { name: 'Skicka version 1.0 på remiss' }).click();
      await expect.poll(() => page.locator('main h1').innerText()).toBe('Ny remissomgång: Kliniskt kunskapsstöd KOL (demo), 1.0');
      await settled(page);

      // No significant consequences: synpunktsinhämtning in the next calendar window.
      const slot = placeRound('synpunktsinhamtning', todayInSweden());
      expect(await page.getByTestId('proposed-track').innerText()).toBe('Synpunktsinhämtning');
      expect(await page.getByTestId('proposed-slot').innerText()).toBe(`${date(slot.opens)} – ${date(slot.closes)}`);
      await expect.poll(() => page.getByLabel('Startdag').inputValue()).toBe(slot.opens);
      await expectAccessible(page, 'new round');
      await screenshot(page, 'knowledge-new-round');

      // The other track: its own next window, and a reason is required.
      const remiss = placeRound('oppen-remiss', todayInSweden());
      await page.getByLabel('Spår').selectOption({ label: 'Öppen nationell remiss' });
      await expect.poll(() => page.getByLabel('Startdag').inputValue()).toBe(remiss.opens);
      await page.getByText('Avviker från förslaget – ange skäl.').waitFor();
      await page.getByRole('button', { name: 'Registrera omgången' }).click();
      await page.getByRole('alert').getByText('Remissomgången kunde inte planeras.').waitFor();
      await expectAccessible(page, 'new round refused');
      await page.getByLabel('Skäl för avvikelsen').fill('Stora organisatoriska frågor för primärvården (webbtest)');
      // The sender is picked from the register of organisations, not typed.
      await pickFromList(page, page.getByRole('combobox', { name: 'Avsändare' }), 'nervsystem', 'NPO Nervsystemets sjukdomar');
      await page.getByRole('button', { name: 'Registrera omgången' }).click();
      await expect.poll(() => page.locator('main h1').innerText()).toBe('Kliniskt kunskapsstöd KOL (demo)');
      await settled(page);
      const rounds = page.getByRole('table', { name: 'Remissomgångar' });
      await rounds.getByText('Öppen nationell remiss').waitFor();
      expect(await rounds.innerText()).toContain('Avviker från förslaget: Stora organisatoriska frågor');
      expect(await page.locator('main').innerText()).toContain('På remiss');
      await expectAccessible(page, 'support with round');

      // A cover letter as a link on the round.
      const docForm = page.locator('details', { hasText: 'Lägg till dokument: Öppen nationell remiss, version 1.0' });
      await docForm.getByText('Lägg till dokument: Öppen nationell remiss, version 1.0').click();
      await docForm.getByLabel('Slag av dokument').selectOption({ label: 'Missiv' });
      await docForm.getByLabel('Länk', { exact: true }).fill('https://example.org/webbtest/missiv.pdf');
      await docForm.getByRole('button', { name: 'Lägg till dokumentet' }).click();
      await rounds.getByRole('link', { name: 'Missiv' }).waitFor();
      await expectAccessible(page, 'support with document form');
      await screenshot(page, 'knowledge-support-round');

      expect(await visit(page, '/kunskapsstod/remissomgangar')).toBe('Remissomgångar');
      await page
        .getByRole('table', { name: 'Remissomgångar' })
        .getByRole('link', { name: 'Kliniskt kunskapsstöd KOL (demo)', exact: true })
        .waitFor();
      await screenshot(page, 'knowledge-rounds');
    },
  );

  it('an administrator adds a support through the form: the API schema speaks first, the server’s rules on the same fields, then the lifecycle moves it', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/kunskapsstod/nytt')).toBe('Nytt kunskapsstöd');
    await page.getByRole('button', { name: 'Lägg in kunskapsstödet' }).click();
    // An empty title is refused at the field by the API's own schema, before anything is sent.
    await page.getByRole('alert').getByText('Rätta felen i formuläret och försök igen.').waitFor();
    await page
      .getByRole('alert')
      .getByRole('link', { name: /^Titel:/ })
      .waitFor();
    await expectAccessible(page, 'support form refused');
    await page.getByLabel('Titel').fill('Vårdförlopp webbtest (formulär)');
    await page.getByRole('button', { name: 'Lägg in kunskapsstödet' }).click();
    // Who produces it is a rule only the server knows: its field error comes back on the field.
    await page
      .getByRole('alert')
      .getByRole('link', { name: /^Framtagare:/ })
      .waitFor();
    await page.getByLabel('Framtagare', { exact: true }).fill('NPO webbtest');
    // The sender is picked from the register of organisations (the national sender is proposed).
    const sender = page.getByRole('combobox', { name: 'Avsändare' });
    expect(await sender.inputValue()).toBe('Nationellt system för kunskapsstyrning hälso- och sjukvård');
    await pickFromList(page, sender, 'nervsystem', 'NPO Nervsystemets sjukdomar');
    await page.getByRole('button', { name: 'Lägg in kunskapsstödet' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Vårdförlopp webbtest (formulär)');
    await settled(page);
    const lifecycle = page.getByRole('form', { name: 'Byt status' });
    await lifecycle.getByRole('button', { name: 'Publicera' }).click();
    await lifecycle.getByRole('button', { name: 'Ta upp till revision' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('Publicerad');
    expect(await lifecycle.getByRole('button', { name: 'Publicera' }).count()).toBe(0);
    await screenshot(page, 'knowledge-support-published');
  });
});
