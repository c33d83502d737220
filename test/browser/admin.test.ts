import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, settled, useBrowser, visit } from './browser.js';

describe('administration and my account', () => {
  const suite = useBrowser();

  it('shows the admin area to a system administrator only', async () => {
    const anonymous = await suite.newPage();
    await visit(anonymous.page, '/');
    expect(await anonymous.page.getByRole('link', { name: 'Granskningslogg' }).count()).toBe(0);

    const { page } = await suite.newPage({ signedIn: true });
    await visit(page, '/');
    const nav = page.getByRole('navigation', { name: 'Huvudmeny' });
    await nav.getByRole('link', { name: 'Användare' }).waitFor();
    await nav.getByRole('link', { name: 'Granskningslogg' }).waitFor();
  });

  it('lists, creates, disables and enables users', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/admin/anvandare')).toBe('Användare');
    const stamp = Date.now().toString(36);
    await page.getByLabel('Namn', { exact: true }).fill(`Test Testsson ${stamp}`);
    await page.getByLabel('E-postadress').fill(`test-${stamp}@example.se`);
    await page.getByLabel('Lösenord').fill('ett-langt-losenord-42');
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    await page.getByRole('status').getByText(`Användaren Test Testsson ${stamp} är skapad.`).waitFor();
    const row = page.locator('tbody tr').filter({ hasText: `test-${stamp}@example.se` });
    await row.waitFor();

    await row.getByRole('button', { name: `Stäng av Test Testsson ${stamp}` }).click();
    await row.getByText('Avstängd').waitFor();
    await row.getByRole('button', { name: `Aktivera Test Testsson ${stamp}` }).click();
    await row.getByText('Aktiv', { exact: true }).waitFor();
    await expectAccessible(page, 'users after changes');
    await screenshot(page, 'users');

    // the server's validation message is shown for a bad create
    await page.getByLabel('Namn', { exact: true }).fill('Kort Lösen');
    await page.getByLabel('E-postadress').fill(`kort-${stamp}@example.se`);
    await page.getByLabel('Lösenord').fill('kort');
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    await page.getByRole('alert').waitFor();
    await expectAccessible(page, 'users with error');
  });

  it('gives a role at a scope and takes it away again, showing what the role may do', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/admin/anvandare')).toBe('Användare');
    const stamp = Date.now().toString(36);
    const name = `Roll Rollsson ${stamp}`;
    await page.getByLabel('Namn', { exact: true }).fill(name);
    await page.getByLabel('E-postadress').fill(`roll-${stamp}@example.se`);
    await page.getByLabel('Lösenord').fill('ett-langt-losenord-42');
    await page.getByRole('button', { name: 'Skapa användare' }).click();
    await page.getByRole('status').getByText(`Användaren ${name} är skapad.`).waitFor();
    await page.getByRole('link', { name: `Roller för ${name}` }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe(`Roller: ${name}`);
    await page.getByText('Inga roller').waitFor();

    // Nothing chosen: the form says what is missing, next to the fields.
    const form = page.getByRole('form', { name: 'Ge en roll' });
    await form.getByRole('button', { name: 'Ge rollen' }).click();
    await form.getByText('Välj en roll.').waitFor();
    await form.getByText('Välj var rollen gäller.').waitFor();

    await form.getByLabel('Roll', { exact: true }).selectOption('samordnare');
    await form.getByLabel('Omfattning').selectOption('region');
    await form.getByLabel('Region', { exact: true }).selectOption({ label: 'Region Kronoberg' });
    await form.getByRole('button', { name: 'Ge rollen' }).click();
    await page
      .getByRole('status')
      .getByText(`${name} har fått rollen Samordnare för kunskapsstyrning (Region Kronoberg).`)
      .waitFor();
    const held = page.getByRole('table', { name: `Roller för ${name}` });
    await held.getByRole('rowheader', { name: 'Samordnare för kunskapsstyrning (Region Kronoberg)' }).waitFor();
    expect(await held.innerText()).toContain('Fördela inkomna ärenden');
    expect(await held.innerText()).not.toContain('cases.triage');
    await expectAccessible(page, 'user roles');
    await screenshot(page, 'user-roles');

    await held.getByRole('button', { name: 'Ta bort Samordnare för kunskapsstyrning (Region Kronoberg)' }).click();
    await page
      .getByRole('status')
      .getByText(`Samordnare för kunskapsstyrning (Region Kronoberg) är borttagen för ${name}.`)
      .waitFor();
    await page.getByText('Inga roller').waitFor();
  });

  it('shows the audit trail with filters, before/after and more pages', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/admin/granskningslogg')).toBe('Granskningslogg');
    const table = page.getByRole('table', { name: 'Händelser, senaste först' });
    await table.waitFor();
    await page.getByLabel('Typ av post').selectOption('group');
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await expect.poll(async () => (await table.locator('tbody tr').allInnerTexts()).every((r) => r.includes('Grupp'))).toBe(true);
    await table.locator('summary').first().click();
    await table.getByRole('heading', { name: 'Efter' }).first().waitFor();
    await settled(page);
    await expectAccessible(page, 'audit with details open');
    await screenshot(page, 'audit-log', { docs: true });
  });

  it('creates a personal API token, shows it once, and revokes it', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/mina-api-nycklar')).toBe('Mina API-nycklar');
    await page.getByLabel('Namn').fill('Skript för test');
    await page.getByRole('button', { name: 'Skapa nyckel' }).click();
    const value = await page.getByLabel('API-nyckel').inputValue();
    expect(value.length).toBeGreaterThan(20);
    await page.getByRole('rowheader', { name: 'Skript för test' }).waitFor();
    // The token's end is shown when it is made and in the list.
    await page.getByText(/Nyckeln gäller till \d/).waitFor();
    await page.getByRole('columnheader', { name: 'Gäller till' }).waitFor();
    await expectAccessible(page, 'token created');
    await screenshot(page, 'api-tokens');

    await page.getByRole('button', { name: 'Återkalla Skript för test' }).click();
    await page.getByRole('button', { name: 'Ja, återkalla Skript för test' }).click();
    await page.getByText('Nyckeln Skript för test är återkallad').waitFor();
    await expect.poll(() => page.getByRole('rowheader', { name: 'Skript för test' }).count()).toBe(0);
  });

  it('registers a SCIM client, shows its key once, rotates and revokes it', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/admin/scim')).toBe('SCIM-klienter');
    await page.getByLabel('Namn').fill('Entra ID Region Blekinge');
    await page.getByLabel('Register').fill('10');
    await page.getByRole('button', { name: 'Skapa klient och nyckel' }).click();
    await page.getByText(/Nyckeln för Entra ID Region Blekinge visas bara nu.*nvscim_/).waitFor();
    await page.getByRole('rowheader', { name: 'Entra ID Region Blekinge' }).waitFor();
    await expectAccessible(page, 'SCIM client created');

    // Which directory group gives which role: refused outside the client's register, saved inside it.
    const groups = page.getByRole('region', { name: 'Grupper från Entra ID Region Blekinge' });
    await groups.getByText('Katalogen har inte skickat några grupper ännu.').waitFor();
    await groups.getByRole('button', { name: 'Lägg till en mappning' }).click();
    await groups.getByLabel('Grupp', { exact: true }).fill('Navet Registratorer Blekinge');
    await groups.getByLabel('Roll', { exact: true }).selectOption('registrator');
    await groups.getByLabel('Region eller sjukvårdsregion').fill('08');
    await groups.getByRole('button', { name: 'Spara mappningen' }).click();
    await groups
      .getByText(/ligger utanför SCIM-klientens register/)
      .first()
      .waitFor();
    await groups.getByLabel('Region eller sjukvårdsregion').fill('10');
    await groups.getByRole('button', { name: 'Spara mappningen' }).click();
    await groups.getByText('Mappningen är sparad. Medlemmarnas roller är uppdaterade.').waitFor();
    await expectAccessible(page, 'SCIM group mapping saved');
    await screenshot(page, 'scim-group-mapping');

    await page.getByRole('button', { name: 'Byt nyckel Entra ID Region Blekinge' }).click();
    await page.getByText(/Nyckeln för Entra ID Region Blekinge visas bara nu.*nvscim_/).waitFor();
    await page.getByRole('button', { name: 'Återkalla Entra ID Region Blekinge' }).click();
    await page.getByRole('button', { name: 'Ja, återkalla Entra ID Region Blekinge' }).click();
    await page.getByText('Entra ID Region Blekinge är återkallad').waitFor();
    await expect.poll(() => page.getByRole('rowheader', { name: 'Entra ID Region Blekinge' }).count()).toBe(0);

    await page.getByLabel('Namn').fill('Fel');
    await page.getByLabel('Register').fill('99');
    await page.getByRole('button', { name: 'Skapa klient och nyckel' }).click();
    await page.getByText('Okänd ägare "99"').first().waitFor();
  });
});
