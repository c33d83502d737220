import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { expectAccessible, openStep, pickFromList, screenshot, settled, useBrowser, visit } from './browser.js';

/**
 * A round runs through Region Blekinge's whole answer in the browser: registered from the
 * region's board, routed, a gap-analysis survey answered through its personal link without an
 * account, the draft written and commented, prepared, decided, sent — and the DOCX downloaded
 * and opened.
 */
describe('a region’s answer to a consultation', () => {
  const suite = useBrowser();

  it('runs from registration to a downloaded DOCX that opens', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/remisser')).toBe('Remisser');
    await page.getByRole('table', { name: /Öppna remissomgångar/ }).waitFor();
    await screenshot(page, 'consultations-overview');

    expect(await visit(page, '/remisser/region/10')).toBe('Remisser i Region Blekinge');
    const register = page.getByRole('button', { name: /^Registrera / }).first();
    const label = (await register.innerText()).replace(/^Registrera /, '');
    await register.click();
    await expect.poll(() => page.locator('main h1').innerText()).toContain('Region Blekinges svar');
    await settled(page);
    const caseNumber = (await page.locator('dl.facts dd.mono').first().innerText()).trim();
    expect(caseNumber).toMatch(/^R10 \d{4}\/\d+$/);
    expect(await page.locator('main h1').innerText()).toContain(label);
    await expectAccessible(page, 'answer registered');
    // The answer's steps: Översikt shown first; the answer is at Fördelning, nothing is done yet.
    const steps = page.getByRole('navigation', { name: 'Remissvarets steg' });
    const current = () => steps.locator('[aria-current="step"]').innerText();
    expect(await current()).toMatch(/Översikt/);
    expect(await steps.getByRole('link', { name: 'Fördelning pågår' }).count()).toBe(1);
    expect(await steps.getByRole('link', { name: /\(klar\)/ }).count()).toBe(0);

    // Route to an LPO (leading) and an LSG, with the region's beredningsforum and kunskapsråd.
    await openStep(page, 'Remissvarets steg', 'Fördelning');
    expect(new URL(page.url()).searchParams.get('flik')).toBe('fordelning');
    const routing = page.getByRole('form', { name: 'Fördela remissen' });
    await routing.getByLabel('LPO Psykisk hälsa').check();
    await routing.getByLabel('LSG Läkemedel').check();
    await routing.getByLabel('Ledande grupp').selectOption({ label: 'LPO Psykisk hälsa' });
    await routing.getByLabel('Bereds av').selectOption({ label: 'Beredningsforum' });
    await routing.getByLabel('Beslutas av').selectOption({ label: 'Kunskapsrådet' });
    await routing.getByRole('button', { name: 'Spara fördelningen' }).click();
    await steps.getByRole('link', { name: 'Fördelning (klar)' }).waitFor();

    // The gap-analysis survey, with a personal link per unit.
    await openStep(page, 'Remissvarets steg', 'Enkät');
    const survey = page.getByRole('form', { name: /Gapanalys: enkät/ });
    await survey.getByLabel('Enheter som ska svara').fill('Vuxenpsykiatrin Karlskrona; vuxenpsykiatrin@example.se');
    await survey.getByRole('button', { name: 'Skicka enkäten' }).click();
    const linkField = page.getByLabel(/^Vuxenpsykiatrin Karlskrona/);
    await linkField.waitFor();
    const link = await linkField.inputValue();
    expect(link).toMatch(/\/enkat\/[0-9a-f-]{36}#[A-Za-z0-9_-]{43}$/);
    await expectAccessible(page, 'survey sent');

    // The unit answers without an account.
    const anonymous = await suite.newPage();
    const url = new URL(link);
    await anonymous.page.goto(`${url.pathname}${url.hash}`);
    await settled(anonymous.page);
    await anonymous.page.getByLabel(/^1\. Hur arbetar ni i dag/).fill('Vi saknar ett strukturerat uppföljningsbesök.');
    await anonymous.page
      .getByRole('group', { name: /^2\. Hur stora resurser/ })
      .getByLabel('4')
      .check();
    await anonymous.page
      .getByRole('group', { name: /^3\. Kräver rekommendationerna/ })
      .getByLabel('Ja')
      .check();
    await expectAccessible(anonymous.page, 'public survey');
    await anonymous.page.getByRole('button', { name: 'Skicka svaren' }).click();
    await anonymous.page.getByText('Tack! Svaren är sparade.').waitFor();
    await screenshot(anonymous.page, 'consultations-survey');

    // Progress, then the draft. A reload stays on the step (it is in the URL).
    await page.reload();
    await settled(page);
    expect(await current()).toMatch(/Enkät/);
    await page.getByText('1 av 1 enheter har svarat.').waitFor();
    await page.getByText('Vuxenpsykiatrin Karlskrona:').waitFor();

    // Links can always be had again: one more unit, then a new link for the first (the old one stops working).
    const manage = page.getByRole('region', { name: 'Hantera enkäten' });
    await manage.getByText('E-post är inte inställd i Navet').waitFor();
    await manage.getByLabel('Enhet', { exact: true }).fill('Vårdcentralen Lyckeby');
    await manage.getByRole('button', { name: 'Lägg till och skapa länk' }).click();
    await page.getByLabel(/^Vårdcentralen Lyckeby/).waitFor();
    await page.getByText('1 av 2 enheter har svarat.').waitFor();
    await page.getByRole('button', { name: 'Ny länk för Vuxenpsykiatrin Karlskrona' }).click();
    const newLink = page.getByLabel(/^Vuxenpsykiatrin Karlskrona/);
    await expect.poll(() => newLink.inputValue()).not.toBe(link);
    await expectAccessible(page, 'survey links again');
    await screenshot(page, 'consultations-survey-manage');
    // Closing ends every link for good, so the page asks first; cancelling leaves the survey open.
    await manage.getByRole('button', { name: 'Stäng enkäten nu' }).click();
    await manage.getByText('Stänga enkäten nu? 1 enhet har inte svarat.', { exact: false }).waitFor();
    await expect
      .poll(() => page.evaluate('document.activeElement && document.activeElement.textContent'))
      .toBe('Ja, stäng enkäten');
    await manage.getByRole('button', { name: 'Avbryt' }).click();
    await manage.getByRole('button', { name: 'Stäng enkäten nu' }).waitFor();
    const old = await suite.newPage();
    await old.page.goto(`${url.pathname}${url.hash}`);
    await settled(old.page);
    await old.page.getByText('Länken gäller inte för den här enkäten, eller har ersatts av en ny.', { exact: false }).waitFor();
    await openStep(page, 'Remissvarets steg', 'Utkast');
    await page.getByRole('button', { name: 'Börja på utkastet' }).click();
    await steps.getByRole('link', { name: 'Enkät (klar)' }).waitFor();
    const summary = 'Region Blekinge ställer sig bakom förslaget men behöver resurser för uppföljningen.';
    await page.getByLabel('Text: Sammanfattning').fill(summary);
    await page.getByRole('button', { name: 'Spara Sammanfattning' }).click();
    await page.getByText('Avsnittet är sparat.').waitFor();
    await page.getByLabel('Kommentar till Sammanfattning').fill('Ange kostnaden för uppföljningen.');
    await page
      .getByRole('group', { name: 'Kommentarer till Sammanfattning' })
      .getByRole('button', { name: 'Kommentera' })
      .click();
    await page.getByText('Ange kostnaden för uppföljningen.', { exact: true }).waitFor();
    await expectAccessible(page, 'draft with comment');

    // Beredning, decision, sent.
    await page.getByRole('button', { name: 'Utkastet är klart för beredning' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Utkastet är klart för beredning' }).count()).toBe(0);
    // Keyboard: from Utkast, → and Enter open Beslut, and focus stays on the step.
    await steps.getByRole('link', { name: /^Utkast/ }).focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(current).toMatch(/Beslut/);
    expect(await page.evaluate("document.activeElement && document.activeElement.getAttribute('aria-current')")).toBe('step');
    await page.getByRole('button', { name: 'Markera som berett' }).click();
    await steps.getByRole('link', { name: 'Utkast (klar)' }).waitFor();
    // The decision is a § of justerade minutes in Navet, picked from the decision log.
    const decisions = (await (await page.request.get('/api/v1/decisions?limit=1')).json()) as { items: { reference: string }[] };
    const reference = decisions.items[0]!.reference;
    const decide = page.getByRole('form', { name: 'Beslut', exact: true });
    await decide.getByRole('button', { name: 'Besluta svaret' }).click();
    await decide.locator('.field-error').first().waitFor();
    await pickFromList(page, decide.getByRole('combobox', { name: 'Paragraf (§)' }), reference.split(' ')[0]!, reference);
    await page.getByRole('button', { name: 'Besluta svaret' }).click();
    await page.getByRole('button', { name: 'Markera som skickat' }).click();
    await steps.getByRole('link', { name: 'Beslut (klar)' }).waitFor();
    await expectAccessible(page, 'answer sent');
    await screenshot(page, 'consultations-answer');
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
      await screenshot(page, `consultations-answer-${width}`, { fullPage: false });
    }
    await page.setViewportSize({ width: 1280, height: 860 });
    await openStep(page, 'Remissvarets steg', 'Utkast');
    await page.getByText('Svaret är beslutat och kan inte ändras, bara ersättas.').waitFor();
    await openStep(page, 'Remissvarets steg', 'Översikt');
    await page.locator('dl.facts').getByText('Skickad', { exact: true }).waitFor();
    await page.locator('dl.facts').getByText(reference, { exact: false }).waitFor();

    // The document.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Ladda ned svaret som Word (DOCX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const file = readFileSync(await download.path());
    expect(file.subarray(0, 2).toString('latin1')).toBe('PK');
    const xml = await (await JSZip.loadAsync(file)).file('word/document.xml')!.async('string');
    expect(xml).toContain('Region Blekinge');
    expect(xml).toContain(caseNumber);
    expect(xml).toContain(summary);
    expect(xml).toContain(reference);

    // The answer's case followed it (decided with the same §, closed once sent); each links to the other.
    await page.locator('dl.facts').getByRole('link', { name: caseNumber }).click();
    const facts = page.locator('table.facts-table');
    await facts.getByText('Avslutat', { exact: true }).waitFor();
    await facts.getByText(reference, { exact: true }).waitFor();
    await facts.getByRole('link', { name: /^Regionens svar på / }).click();
    await page.locator('dl.facts').getByRole('link', { name: caseNumber }).waitFor();

    // The board shows the answer's state.
    expect(await visit(page, '/remisser/region/10')).toBe('Remisser i Region Blekinge');
    await page
      .getByRole('row', { name: new RegExp(label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .getByText('Skickad')
      .waitFor();
  });

  it('keeps the region’s milestone offsets, refusing a day count the API would refuse', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/remisser/region/10')).toBe('Remisser i Region Blekinge');
    const settings = page.getByRole('form', { name: 'Milstolpar och forum' });
    const survey = settings.getByLabel('Enkäten stänger', { exact: true });
    await survey.fill('500');
    await settings.getByRole('button', { name: 'Spara milstolpar och forum' }).click();
    // the route's schema says it at the field before anything is sent; the field takes focus
    await expect.poll(() => survey.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('s-survey');
    await expectAccessible(page, 'milestone settings refused');
    await survey.fill('12');
    await settings.getByRole('button', { name: 'Spara milstolpar och forum' }).click();
    await settings.getByText('Inställningarna är sparade.').waitFor();
    await screenshot(page, 'consultations-settings');
    await page.reload();
    await settled(page);
    await expect.poll(() => page.getByLabel('Enkäten stänger', { exact: true }).inputValue()).toBe('12');
  });

  it('shows the healthcare region’s joint answer with the regions’ input (demo)', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    await visit(page, '/remisser');
    const joint = page.getByRole('link', { name: 'Södra sjukvårdsregionen' }).first();
    await joint.click();
    await settled(page);
    await page.getByRole('heading', { name: 'Regionernas underlag' }).waitFor();
    await page.getByRole('heading', { name: 'Region Kronoberg' }).waitFor();
    await expectAccessible(page, 'joint answer');
    await screenshot(page, 'consultations-joint');
  });
});
