import { describe, expect, it } from 'vitest';
import { expectAccessible, hasFocus, screenshot, settled, useBrowser, visit } from './browser.js';
import { demoDate, demoYear } from '../../src/modules/demo/dates.js';

/**
 * Follow-up editing end to end (as an administrator, on the demo data): a region's
 * implementation status changed along the state machine with its history; an insatsområde
 * added to Kronoberg's plan — first with an end before its start, so the server's field error
 * shows next to the field and in the focused error summary (checked with axe) — then saved; a
 * PDSA cycle moved one step; a goal renamed after a 409 (someone else saved first, the form
 * offers a reload), and a goal with indicators refused removal.
 */
describe('follow-up: editing statuses, plans, PDSA cycles and goals', () => {
  const suite = useBrowser();

  it('changes a status, adds a plan item, advances a PDSA cycle and edits a goal', async () => {
    const { context, page } = await suite.newPage({ signedIn: true });

    // 1. Implementation status in Region Kronoberg.
    expect(await visit(page, '/planer-och-uppfoljning')).toBe('Planer och uppföljning');
    await page.getByLabel('Region', { exact: true }).selectOption({ label: 'Region Kronoberg' });
    await page.getByRole('button', { name: 'Visa regionens kunskapsstöd' }).click();
    await settled(page);
    expect(await page.locator('main h1').innerText()).toBe('Införandestatus i Region Kronoberg');
    await expectAccessible(page, 'region status list');
    await screenshot(page, 'followup-region-status');
    const list = page.getByRole('table', { name: 'Kunskapsstöd med regionens och LPO:ns status' });
    await list.locator('tbody tr').first().waitFor();
    await list.locator('tbody tr').first().getByRole('link').click();
    await settled(page);
    const status = page.getByLabel('Status', { exact: true });
    await status.waitFor();
    await screenshot(page, 'followup-status-form');
    // Only the current state and the allowed next ones are offered; take the first new one.
    const options = await status.locator('option').allInnerTexts();
    const target = options.find((o) => !o.includes('(nuvarande)') && !o.startsWith('Välj'))!;
    expect(options.length).toBeLessThanOrEqual(7);
    await status.selectOption({ label: target });
    // The route's schema checks the form before anything is sent: the field says what is wrong,
    // and the summary names it by its label.
    let writes = 0;
    page.on('request', (r) => {
      if (r.method() !== 'GET' && r.url().includes('/api/v1/')) writes += 1;
    });
    await page.getByLabel('Var fattades beslutet?').selectOption({ label: 'Beslut fattat utanför Navet' });
    await page.getByLabel('Beslutande organ och referens').fill('x'.repeat(301));
    await page.getByRole('button', { name: /^(Spara status|Registrera status)$/ }).click();
    await page.locator('#status-decisionElsewhere-error').waitFor();
    await expect.poll(() => hasFocus(page, '.error-summary')).toBe(true);
    expect(await page.locator('.error-summary').innerText()).toContain('Beslutande organ och referens:');
    expect(writes).toBe(0);
    await screenshot(page, 'followup-status-refused');
    await page.getByLabel('Beslutande organ och referens').fill('Regionstyrelsen 2026-09-01 § 12');
    // The forum is picked, never typed: the keyboard opens the list, moves and chooses.
    const forum = page.getByRole('combobox', { name: 'Beslutsforum' });
    await forum.focus();
    await page.keyboard.press('ArrowDown');
    await page.getByRole('listbox', { name: 'Beslutsforum' }).getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    const picked = await page.getByRole('option', { selected: true }).locator('span').first().innerText();
    expect(await forum.getAttribute('aria-activedescendant')).toBe('status-decisionForumId-list-0');
    await page.keyboard.press('Enter');
    expect(await forum.getAttribute('aria-expanded')).toBe('false');
    expect(await forum.inputValue()).toBe(picked);
    await page.getByRole('button', { name: /^(Spara status|Registrera status)$/ }).click();
    await page.getByRole('status').getByText(`Statusen är sparad: ${target}.`).waitFor();
    const history = page.getByRole('table', { name: 'Statushistorik' });
    await expect.poll(() => history.locator('tbody tr').first().locator('td').nth(1).innerText()).toBe(target);
    await expectAccessible(page, 'status form after save');

    // 2. A new insatsområde in Kronoberg's 2026–2027 plan (the demo's years move with the clock).
    expect(await visit(page, '/planer-och-uppfoljning/planer')).toBe('Verksamhetsplaner och uppföljningsrapporter');
    // A new plan needs its group and a four-digit year: said at the fields before any request.
    await page.getByText('Ny verksamhetsplan').click();
    await page.getByLabel('Första året').fill('27');
    const beforeNewPlan = writes;
    await page.getByRole('button', { name: 'Skapa planen' }).click();
    await page.locator('#new-plan-groupId-error').getByText('Välj gruppen planen gäller.').waitFor();
    await page.locator('#new-plan-startYear-error').getByText('Ange året med fyra siffror.').waitFor();
    expect(await page.locator('.error-summary').innerText()).toContain('Första året: Ange året med fyra siffror.');
    expect(writes).toBe(beforeNewPlan);
    await page
      .getByRole('link', { name: `Verksamhetsplan ${demoYear(2026)}–${demoYear(2027)}` })
      .first()
      .click();
    await settled(page);
    await page.getByRole('heading', { name: 'Ändra planen och insatsområdena' }).waitFor();
    const before = await page.getByRole('table', { name: 'Insatsområden i prioritetsordning' }).locator('tbody tr').count();
    await page.getByRole('button', { name: 'Lägg till insatsområde' }).click();
    const n = before; // the new item's index
    const item = page.locator(`#plan-items-${n}-title`);
    await expect.poll(() => hasFocus(page, `#plan-items-${n}-title`)).toBe(true);
    // An item without a title is the page's own sentence at the field, named "Insatsområde N:
    // Insatsområde" in the summary (never the body's path), before any request.
    const sentBefore = writes;
    await page.getByRole('button', { name: 'Spara planen' }).click();
    await page.locator(`#plan-items-${n}-title-error`).getByText('Ange en rubrik.').waitFor();
    expect(await page.locator('.error-summary').innerText()).toContain(`Insatsområde ${n + 1}: Insatsområde: Ange en rubrik.`);
    expect(writes).toBe(sentBefore);
    await item.fill('Gemensam läkemedelsgenomgång');
    await page.locator(`#plan-items-${n}-rationaleKind`).selectOption('npo-plan');
    await page.locator(`#plan-items-${n}-ownerName`).fill('Chefläkare');
    await page.locator(`#plan-items-${n}-startsOn`).fill(demoDate('2026-09-01'));
    await page.locator(`#plan-items-${n}-endsOn`).fill(demoDate('2026-06-30'));
    await page.getByRole('button', { name: 'Spara planen' }).click();
    // The server's 422 names the field: next to it, and in the summary that takes focus.
    const fieldError = page.locator(`#plan-items-${n}-endsOn-error`);
    await fieldError.getByText('Slutet kan inte vara före starten.').waitFor();
    await expect.poll(() => hasFocus(page, '.error-summary')).toBe(true);
    expect(await page.locator(`#plan-items-${n}-endsOn`).getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('.error-summary').innerText()).toContain(
      `Insatsområde ${n + 1}: Klart: Slutet kan inte vara före starten.`,
    );
    expect(await page.locator('.error-summary').innerText()).not.toContain('items');
    await expectAccessible(page, 'plan form with a validation error');
    await screenshot(page, 'followup-plan-error');
    await page.locator('.error-summary a').first().click();
    await expect.poll(() => hasFocus(page, `#plan-items-${n}-endsOn`)).toBe(true);
    await page.locator(`#plan-items-${n}-endsOn`).fill(demoDate('2026-12-31'));
    // Move it up one place before saving.
    await page.getByRole('button', { name: /^Flytta upp\s?: Gemensam läkemedelsgenomgång$/ }).click();
    await page.getByRole('button', { name: 'Spara planen' }).click();
    await page.getByRole('status').getByText('Planen är sparad.').waitFor();
    const items = page.getByRole('table', { name: 'Insatsområden i prioritetsordning' });
    await items.getByRole('rowheader', { name: 'Gemensam läkemedelsgenomgång' }).waitFor();
    const titles = await items.getByRole('rowheader').allInnerTexts();
    expect(titles.indexOf('Gemensam läkemedelsgenomgång')).toBe(before - 1);
    // The agreed plan is established with a decision and its date: both are asked for first.
    const beforeEstablish = writes;
    await page.getByRole('button', { name: 'Fastställ planen' }).click();
    await page.locator('#transition-decisionRef-error').getByText('Uppgiften behövs.').waitFor();
    await page.locator('#transition-establishedOn-error').getByText('Uppgiften behövs.').waitFor();
    expect(await page.locator('.error-summary').innerText()).toContain('Fastställd den: Uppgiften behövs.');
    expect(writes).toBe(beforeEstablish);
    // The decision is a § in Navet picked from the decision log; written out only when taken elsewhere.
    await page.getByRole('combobox', { name: 'Paragraf (§)' }).waitFor();
    await page.getByLabel('Var fattades beslutet?').selectOption({ label: 'Utanför Navet' });
    await page.getByLabel('Beslutande organ och referens').waitFor();
    await screenshot(page, 'followup-transition-refused');
    await expectAccessible(page, 'plan after save');

    // 3. The demo PDSA cycle moves from plan to do.
    expect(await visit(page, '/planer-och-uppfoljning')).toBe('Planer och uppföljning');
    await page.getByRole('link', { name: 'Behandlingsstart inom fyra veckor efter beslut' }).first().click();
    await settled(page);
    await page.getByRole('link', { name: 'Arbeta med PDSA-cyklerna' }).click();
    await settled(page);
    const cycle = page.getByRole('article', { name: 'Ny bokningsrutin för behandlingsstart' });
    await cycle.getByText('Steg: Planera').waitFor();
    // Moving on needs the step's text: the page's sentence at the field, nothing sent.
    const planText = cycle.getByLabel('Planera: vad ska prövas, och vad förväntas hända?');
    const planned = await planText.inputValue();
    const sent = writes;
    await planText.fill('');
    await cycle.getByRole('button', { name: /Spara och gå vidare till genomföra/ }).click();
    await cycle.getByText('Beskriv steget innan cykeln går vidare.').first().waitFor();
    await expect.poll(() => hasFocus(page, '.error-summary')).toBe(true);
    expect(writes).toBe(sent);
    await screenshot(page, 'followup-pdsa-refused');
    await planText.fill(planned || 'Boka behandlingsstart vid beslutsbesöket.');
    await cycle.getByRole('button', { name: /Spara och gå vidare till genomföra/ }).click();
    await page.getByRole('status').getByText('"Ny bokningsrutin för behandlingsstart" är nu i steget Genomföra.').waitFor();
    const moved = page.getByRole('article', { name: 'Ny bokningsrutin för behandlingsstart' });
    await moved.getByText('Steg: Genomföra').waitFor();
    await moved.getByLabel('Genomföra: vad gjordes, och vad hände?').fill('Alla beslutsbesök bokade behandlingsstart direkt.');
    await moved.getByRole('button', { name: /Spara texten/ }).click();
    await page.getByRole('status').getByText('Texten i "Ny bokningsrutin för behandlingsstart" är sparad.').waitFor();
    await expectAccessible(page, 'PDSA page');
    await screenshot(page, 'followup-pdsa');

    // 4. The goal tree: rename a promise; a goal with indicators cannot be removed.
    expect(await visit(page, '/planer-och-uppfoljning/mal')).toBe('Målträdet');
    const first = page.locator('.goal-item').first();
    const name = (await first.locator('.goal-node > span').first().innerText()).trim();
    await first
      .getByRole('button', { name: /^Ändra\s?:/ })
      .first()
      .click();
    const form = page.getByRole('form', { name: `Ändra ${name}` });
    await form.getByLabel('Rubrik').fill('');
    await form.getByRole('button', { name: 'Spara målet' }).click();
    await form.locator('[id$="-title-error"]').getByText('Ange en rubrik.').waitFor();
    expect(await form.locator('.error-summary').innerText()).toContain('Rubrik: Ange en rubrik.');
    await form.getByLabel('Rubrik').fill(`${name} (reviderat)`);
    // Someone else saves the goal first: the save is refused (409) and offers a reload.
    const goalId = ((await first.locator('.goal-node > span').first().getAttribute('id')) ?? '').replace(/^goal-/, '');
    const me = await (await context.request.get('/api/v1/me')).json();
    const current = await (await context.request.get(`/api/v1/goals/${goalId}`)).json();
    const other = await context.request.patch(`/api/v1/goals/${goalId}`, {
      data: { description: 'Ändrad i en annan flik.' },
      headers: { 'if-match': `"${current.version}"`, 'x-csrf-token': me.csrfToken },
    });
    expect(other.status()).toBe(200);
    await form.getByRole('button', { name: 'Spara målet' }).click();
    await page
      .locator('.error-summary')
      .getByText(/har ändrats av någon annan/)
      .waitFor();
    await expect.poll(() => hasFocus(page, '.error-summary')).toBe(true);
    await page.getByRole('button', { name: 'Hämta på nytt' }).click();
    await page.getByText('Ändrad i en annan flik.').waitFor();
    await first
      .getByRole('button', { name: /^Ändra\s?:/ })
      .first()
      .click();
    await form.getByLabel('Rubrik').fill(`${name} (reviderat)`);
    await form.getByRole('button', { name: 'Spara målet' }).click();
    await page.getByRole('status').getByText(`"${name} (reviderat)" är sparat.`).waitFor();
    await page.getByText(`${name} (reviderat)`, { exact: true }).waitFor();

    const goalWithIndicator = page.locator('.goal-item', {
      has: page.getByRole('link', { name: 'Behandlingsstart inom fyra veckor efter beslut' }),
    });
    await goalWithIndicator
      .last()
      .getByRole('button', { name: /^Ta bort\s?:/ })
      .first()
      .click();
    await page.getByRole('button', { name: /^Ja, ta bort/ }).click();
    await page
      .locator('.error-summary')
      .getByText(/Målet kan inte tas bort: .*Behandlingsstart inom fyra veckor efter beslut/)
      .waitFor();
    await expect.poll(() => hasFocus(page, '.error-summary')).toBe(true);
    await expectAccessible(page, 'goal tree with a refused removal');
    await screenshot(page, 'followup-goals');
  }, 180_000);
});
