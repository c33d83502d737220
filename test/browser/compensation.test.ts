import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, settled, useBrowser, visit } from './browser.js';
import { demoDate } from '../../src/modules/demo/dates.js';

/**
 * Compensation end to end on the demo data (Region Kronoberg): Lena, a person with patient
 * experience, claims for her meeting on 5 November 2026 (the demo's dates move with the clock) and sees the amount computed as she
 * types; Cecilia, the process support, approves it and downloads the payroll file, which
 * opens in exceljs with the claim on it. Then axe on every page of the area and the records pages.
 */
const DEMO_PASSWORD = 'demo-lösenord-navet';
const LENA = 'Lena Levande (demo)';
const MEETING_DAY = demoDate('2026-11-05');
const YEAR = MEETING_DAY.slice(0, 4);

async function signIn(context: BrowserContext, email: string) {
  const res = await context.request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
}

describe('compensation to persons with patient experience', () => {
  const suite = useBrowser();

  it('submits a claim with a live amount, approves it, and exports it for payroll as XLSX', { timeout: 90_000 }, async () => {
    const lena = await suite.newPage();
    await signIn(lena.context, 'patient@demo.navet.example');
    expect(await visit(lena.page, '/delaktighet/ersattning')).toBe('Mina ersättningar');
    const form = lena.page.getByRole('form', { name: 'Nytt ersättningsanspråk' });
    await form.getByLabel('Uppdrag').selectOption({ index: 0 });
    expect(await form.getByLabel('Uppdrag').locator('option:checked').innerText()).toContain('Digitalt avstämningsmöte');
    await form.getByLabel(/Körsträcka/).fill('24');
    await form.getByLabel(/Andra resekostnader/).fill('45,50');
    // 500 kr meeting fee + 24 km × 2,50 kr + 45,50 kr, computed by the server while typing
    await form.getByText('605,50\u00a0kr').waitFor();
    await expectAccessible(lena.page, 'claim form with amount');
    await screenshot(lena.page, 'compensation-claim');
    await form.getByRole('button', { name: 'Skicka in anspråket' }).click();
    await lena.page.getByRole('status').getByText('Anspråket är inskickat').waitFor();
    const mine = lena.page.getByRole('table', { name: 'Ersättningsanspråk' });
    await mine.locator('tr', { hasText: 'Digitalt avstämningsmöte' }).getByText('Inskickat').waitFor();
    await expectAccessible(lena.page, 'claims after submit');

    const cecilia = await suite.newPage();
    await signIn(cecilia.context, 'processtod@demo.navet.example');
    expect(await visit(cecilia.page, '/delaktighet/attestering')).toBe('Attestering av ersättningar');
    const queue = cecilia.page.getByRole('table', { name: 'Anspråk som väntar på attest' });
    const row = queue.locator('tr', { hasText: 'Digitalt avstämningsmöte' });
    await row.getByText('605,50\u00a0kr').first().waitFor();
    await row.getByRole('button', { name: `Godkänn ${LENA} ${MEETING_DAY}` }).click();
    await cecilia.page.getByRole('status').getByText('är godkänt').waitFor();
    // The page opens on the current year; the demo meeting may belong to the one before.
    await cecilia.page.locator('#year').selectOption(YEAR);
    await expect.poll(() => queue.locator('tr', { hasText: 'Digitalt avstämningsmöte' }).count()).toBe(0);
    await cecilia.page
      .getByRole('table', { name: `Godkända ersättningar ${YEAR} per person` })
      .getByText(LENA)
      .waitFor();
    await settled(cecilia.page);
    await expectAccessible(cecilia.page, 'approval after approve');
    await screenshot(cecilia.page, 'compensation-approval');

    const [download] = await Promise.all([
      cecilia.page.waitForEvent('download'),
      cecilia.page.getByRole('link', { name: `Ladda ner Excel (XLSX) för ${YEAR}` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`ersattning-${YEAR}.xlsx`);
    const path = await download.path();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(path) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Ersättningar')!;
    const rows: unknown[][] = [];
    ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows[0]).toContain('Summa (kr)');
    const claim = rows.find((r) => r[1] === LENA && r[4] === MEETING_DAY);
    expect(claim, JSON.stringify(rows)).toBeDefined();
    // the columns by their headers: loss of income (none claimed) sits before the sum
    const col = (header: string) => rows[0]!.indexOf(header);
    expect(claim![col('Inkomstbortfall, skattepliktigt (kr)')]).toBe(0);
    expect(claim![col('Summa (kr)')]).toBe(605.5);
  });

  it('has no accessibility violations on the other pages of the area and the records pages', { timeout: 90_000 }, async () => {
    const cecilia = await suite.newPage();
    await signIn(cecilia.context, 'processtod@demo.navet.example');
    expect(await visit(cecilia.page, '/delaktighet')).toBe('Delaktighet');
    expect(await visit(cecilia.page, '/delaktighet/deltagare')).toBe('Deltagare och uppdrag');
    await cecilia.page.getByRole('table', { name: 'Personer med patienterfarenhet' }).getByText(LENA).waitFor();

    const { context, page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/delaktighet/ersattningsmodell')).toBe('Ersättningsmodell');
    await page.getByRole('button', { name: 'Lägg till modell' }).click();
    await page.getByRole('button', { name: 'Spara modellen' }).click();
    await page.locator('.error-summary').waitFor();
    await expectAccessible(page, 'rate model form with errors');
    const people = (await (await context.request.get(`/api/v1/people?q=${encodeURIComponent('Lena Levande')}`)).json()) as {
      items: { id: string }[];
    };
    const id = people.items[0]!.id;
    expect(await visit(page, `/personer-och-uppdrag/personer/${id}/ersattning`)).toBe(`Ersättning: ${LENA}`);
    expect(await visit(page, `/personer-och-uppdrag/personer/${id}/registerutdrag`)).toBe(
      `Registerutdrag och anonymisering: ${LENA}`,
    );
    // Lena still has a returned claim: anonymisation explains what is kept and what blocks it
    await page.getByRole('table', { name: 'Vad som händer med personens uppgifter vid anonymisering' }).waitFor();
    await page.getByText('Personen kan inte anonymiseras ännu').waitFor();
    await screenshot(page, 'records-extract');
    const docx = await context.request.get(`/api/v1/people/${id}/register-extract.docx`);
    expect(docx.status()).toBe(200);
    expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');
    expect(await visit(page, '/admin/bevarande')).toBe('Bevarande och gallring');
  });
});
