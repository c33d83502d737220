import { describe, expect, it } from 'vitest';
import { expectAccessible, pickFromList, screenshot, settled, useBrowser, visit } from './browser.js';

const NAME = 'Nätverket för kunskapsstyrning i öst (webbtest)';

/**
 * Issue 17: senders are picked from a register of organisations, never retyped. An organisation
 * missing from it is added on Administration › Avsändare, and is then offered in every sender
 * field (here the new case form's). Adding it twice is refused with the server's message.
 */
describe('the register of senders', () => {
  const suite = useBrowser();

  it('adds an organisation that is then picked as a sender', { timeout: 90_000 }, async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/admin/avsandare')).toBe('Avsändare');
    await page.getByRole('searchbox', { name: 'Sök avsändare' }).fill('socialstyr');
    const table = page.getByRole('table', { name: /Avsändare \(\d+ visas\)/ });
    await expect.poll(() => table.innerText()).toContain('Socialstyrelsen');
    await expectAccessible(page, 'senders');

    const form = page.getByRole('form', { name: 'Lägg till en avsändare' });
    await form.getByLabel('Namn', { exact: true }).fill(NAME);
    await form.getByLabel('Slag av organisation').selectOption({ label: 'Annan organisation' });
    await form.getByRole('button', { name: 'Lägg till avsändaren' }).click();
    await page.getByText(`${NAME} finns nu i registret och kan väljas som avsändare.`).waitFor();
    await page.getByRole('searchbox', { name: 'Sök avsändare' }).fill('kunskapsstyrning i öst');
    await expect.poll(() => table.innerText()).toContain(NAME);
    await screenshot(page, 'senders');

    // Twice: the server's refusal is shown, nothing added.
    await form.getByLabel('Namn', { exact: true }).fill(NAME);
    await form.getByRole('button', { name: 'Lägg till avsändaren' }).click();
    await form.getByText(`${NAME} finns redan i registret över avsändare.`).waitFor();
    await expectAccessible(page, 'sender refused');

    // Picked, not typed, in the new case form.
    expect(await visit(page, '/arenden-och-beslut/nytt')).toMatch(/ärende/i);
    await settled(page);
    await pickFromList(page, page.getByRole('combobox', { name: 'Avsändare' }), 'kunskapsstyrning i', NAME);
    expect(await page.getByRole('combobox', { name: 'Avsändare' }).inputValue()).toBe(NAME);
  });
});
