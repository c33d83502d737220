import { describe, expect, inject, it } from 'vitest';
import { expectAccessible, screenshot, settled, useBrowser, visit } from './browser.js';

describe('sign-in', () => {
  const suite = useBrowser();

  it('shows the server’s explanation for a wrong password, then signs in with the right one', async () => {
    const { page } = await suite.newPage();
    expect(await visit(page, '/logga-in')).toBe('Logga in');

    await page.getByLabel('E-postadress').fill(inject('adminEmail'));
    await page.getByLabel('Lösenord').fill('inte-rätt-lösenord');
    await page.getByRole('button', { name: 'Logga in' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.innerText()).toContain('Fel e-postadress eller lösenord');
    await expectAccessible(page, 'login with error');
    await screenshot(page, 'login-error');

    await page.getByLabel('Lösenord').fill(inject('adminPassword'));
    await page.getByRole('button', { name: 'Logga in' }).click();
    await page.getByText('Inloggad som').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await settled(page);
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Min översikt');
    await page.getByRole('button', { name: 'Logga ut' }).waitFor();

    await page.getByRole('button', { name: 'Logga ut' }).click();
    await page.getByRole('banner').getByRole('link', { name: 'Logga in' }).waitFor();
  });

  it('asks for sign-in in place of a page that needs it, and shows the page afterwards', async () => {
    const { page } = await suite.newPage();
    expect(await visit(page, '/mina-api-nycklar')).toBe('Logga in');
    await page.getByLabel('E-postadress').fill(inject('adminEmail'));
    await page.getByLabel('Lösenord').fill(inject('adminPassword'));
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Mina API-nycklar');
  });
});
