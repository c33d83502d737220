import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, screenshotElement, settled, useBrowser, visit } from './browser.js';

describe('group registry', () => {
  const suite = useBrowser();

  it('shows the structure of Region Blekinge and what Beredningsforum prepares for', async () => {
    const { page } = await suite.newPage();
    expect(await visit(page, '/organisation/struktur?agare=10')).toBe('Struktur: Region Blekinge');
    const councils = page.getByRole('region', { name: /^Råd \(\d+\)$/ });
    await councils.getByRole('link', { name: 'Kunskapsrådet', exact: true }).waitFor();
    const forums = page.getByRole('region', { name: /^Forum \(\d+\)$/ });
    await forums.getByRole('link', { name: 'Beredningsforum' }).click();

    await expect.poll(() => page.locator('main h1').innerText()).toBe('Beredningsforum');
    await settled(page);
    const parent = page.locator('dl.relations > div').filter({ hasText: 'Överordnad' });
    expect(await parent.innerText()).toContain('Bereder åt Kunskapsrådet');
    await parent.getByRole('link', { name: 'Kunskapsrådet' }).waitFor();
    expect(await page.locator('main .lead').innerText()).toContain('Forum på regional nivå i Region Blekinge.');
    await expectAccessible(page, 'group page of Beredningsforum');
  });

  it('draws the org chart of Sydöstra with its four kunskapsråd, and exports it as SVG and PNG', async () => {
    const { page } = await suite.newPage();
    expect(await visit(page, '/organisation/organisationsschema?agare=sydostra')).toBe(
      'Organisationsschema: Sydöstra sjukvårdsregionen',
    );
    const chart = page.getByRole('img', { name: 'Organisationsschema för Sydöstra sjukvårdsregionen' });
    await chart.waitFor();
    // every box carries its full name as a tooltip; wrapped lines are in the box itself
    const names = await chart.locator('g > title').allTextContents();
    expect(names.filter((n) => n.startsWith('Kunskapsråd ')).sort()).toEqual([
      'Kunskapsråd Diagnostik och sinnen',
      'Kunskapsråd Hälsa och rehabilitering',
      'Kunskapsråd Kirurgi och cancer',
      'Kunskapsråd Medicin och akut vård',
    ]);
    expect(names).toContain('NPO Akut vård');
    expect(await chart.locator('path[stroke-dasharray]').count()).toBeGreaterThanOrEqual(24);
    await screenshot(page, 'org-chart');
    await screenshotElement(page.locator('.table-scroll').filter({ has: chart }), 'org-chart');

    // the text alternative has the same structure, with links
    await page.getByText('Visa schemat som lista').click();
    const list = page.locator('details.chart-text');
    expect(await list.getByRole('link', { name: /^Kunskapsråd / }).count()).toBe(4);
    expect(await list.innerText()).toContain(
      'RMPO Akut vård (programområdesgrupp, rapporterar till Kunskapsråd Medicin och akut vård, speglar NPO Akut vård)',
    );
    await expectAccessible(page, 'org chart with the list open');

    const [svg] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner som SVG' }).click(),
    ]);
    expect(svg.suggestedFilename()).toBe('organisationsschema-sydostra.svg');
    const svgText = readFileSync(await svg.path(), 'utf8');
    expect(svgText).toMatch(/^<\?xml/);
    expect(svgText).toContain('Kunskapsråd Medicin och akut vård');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Ladda ner som PNG' }).click(),
    ]);
    expect(png.suggestedFilename()).toBe('organisationsschema-sydostra.png');
    const bytes = readFileSync(await png.path());
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.length).toBeGreaterThan(20_000);
  });

  it('shows the mirroring matrix with Sydöstra’s two gaps, and the hosting list', async () => {
    const { page } = await suite.newPage();
    expect(await visit(page, '/organisation/speglingsmatris')).toBe('Speglingsmatris');
    const table = page.getByRole('table', { name: 'Nationella programområden och deras spegling i de sex sjukvårdsregionerna' });
    const headers = await table.locator('thead th').allInnerTexts();
    const col = headers.indexOf('Sydöstra');
    expect(col).toBeGreaterThan(0);
    const missing = table.locator('tfoot tr').filter({ has: page.getByRole('rowheader', { name: 'Antal saknade' }) });
    expect(
      await missing
        .locator('td')
        .nth(col - 1)
        .innerText(),
    ).toBe('2');
    for (const area of ['Kirurgi och plastikkirurgi', 'Perioperativ vård, intensivvård och transplantation']) {
      const row = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: area, exact: true }) });
      expect(
        await row
          .locator('td')
          .nth(col - 1)
          .innerText(),
      ).toBe('✗ Saknas');
    }
    const akut = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: 'Akut vård', exact: true }) });
    await akut.getByRole('link', { name: /^Speglad\s?: RMPO Akut vård$/ }).waitFor();
    const gaps = page.locator('.gap-list li').filter({ hasText: 'Sydöstra sjukvårdsregionen:' });
    expect(await gaps.innerText()).toBe(
      'Sydöstra sjukvårdsregionen: 2 saknas: Kirurgi och plastikkirurgi, Perioperativ vård, intensivvård och transplantation.',
    );
    await screenshot(page, 'matrix', { docs: true });

    await page.getByRole('link', { name: 'Regionerna i Sydöstra sjukvårdsregionen' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Speglingsmatris: Sydöstra sjukvårdsregionen');
    await settled(page);
    await page.getByRole('columnheader', { name: 'Jönköpings län' }).waitFor();
    await expectAccessible(page, 'matrix for the regions of Sydöstra');

    expect(await visit(page, '/organisation/vardskap')).toBe('Värdskap');
    const akutHost = page.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: 'Akut vård', exact: true }) });
    expect(await akutHost.innerText()).toContain('Sjukvårdsregion Mellansverige');
    await page.getByRole('heading', { name: 'Region Jönköpings län' }).waitFor();
  });

  it('one definition of mirrored: an LPO with no RMPO to link to is "Ej länkad" in the matrix and says so on its page', async () => {
    const { page } = await suite.newPage();
    expect(await visit(page, '/organisation/speglingsmatris?sjukvardsregion=sydostra')).toBe(
      'Speglingsmatris: Sydöstra sjukvårdsregionen',
    );
    // seed 001 names no RMPO Kirurgi och plastikkirurgi, so Jönköping's LPO (seed 000) mirrors nothing
    const row = page
      .locator('tbody tr')
      .filter({ has: page.getByRole('rowheader', { name: 'Kirurgi och plastikkirurgi', exact: true }) });
    await row.getByRole('link', { name: /^Ej länkad\s?: LPO Kirurgi och plastikkirurgi$/ }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('LPO Kirurgi och plastikkirurgi');
    await settled(page);
    const mirrors = page.locator('dl.relations > div').filter({ hasText: 'Speglar' }).first();
    expect(await mirrors.innerText()).toContain(
      'Speglar ingen grupp på nivån ovanför för Kirurgi och plastikkirurgi: gruppen täcker området men har ingen speglingslänk.',
    );
  });

  it("shows Region Blekinge's 26 LPO as counted, and LSVO's agreement with its end date (seed 002)", async () => {
    const { page } = await suite.newPage();
    expect(await visit(page, '/organisation/struktur?agare=10')).toBe('Struktur: Region Blekinge');
    await page.getByText('3 av 26 programområdesgrupper är registrerade (källa seed-002)').waitFor();
    const agreements = page.getByRole('region', { name: 'Tidsbegränsade överenskommelser' });
    await agreements
      .getByRole('heading', { name: 'Kunskapsstyrning hälso- och sjukvård – En överenskommelse i samverkan' })
      .waitFor();
    const until = agreements.locator('dl.facts > div').filter({ hasText: 'Gäller till och med' });
    expect(await until.innerText()).toContain('2027');
    await agreements.getByRole('link', { name: 'Nationell samverkansgrupp stöd för utveckling' }).waitFor();
    await expectAccessible(page, 'structure of Region Blekinge with its agreement');
  });

  it('the coverage form says what is missing at its field, by its label, before sending anything', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/organisation/speglingsmatris')).toBe('Speglingsmatris');
    const form = page.getByRole('region', { name: 'Ange täckning' });
    let puts = 0;
    page.on('request', (r) => {
      if (r.method() === 'PUT' && r.url().endsWith('/api/v1/mirroring/coverage')) puts += 1;
    });
    await form.getByRole('button', { name: 'Spara täckning' }).click();
    await form.locator('.error-summary').getByText('Programområde: Välj ett programområde.').waitFor();
    expect(await form.locator('#coverage-programAreaId-error').innerText()).toBe('Välj ett programområde.');
    expect(puts).toBe(0);
  });

  it('lets an admin create an LPO in Region Dalarna, showing the broken rule next to the field, then edit and close it', async () => {
    const { context, page } = await suite.newPage({ signedIn: true });
    expect(await visit(page, '/organisation/grupper/ny')).toBe('Ny grupp');
    await page.getByLabel('Typ av grupp').selectOption('program-area');
    await page.getByLabel('Nivå').selectOption('region');
    await page.getByLabel('Ägare', { exact: true }).selectOption('20');
    await page.getByLabel('Namn', { exact: true }).fill('LPO Levnadsvanor');
    await page
      .getByLabel('Uppdragsbeskrivning')
      .fill('## Uppdrag\n\nLPO ska **leda** arbetet med levnadsvanor i länet.\n\n- Behovsanalys\n- Införande av kunskapsstöd');
    await page.getByRole('button', { name: 'Skapa gruppen' }).click();

    // no program area for a program-area group: the server's rule, next to the field and in the summary
    const rule = 'En programområdesgrupp täcker minst ett nationellt programområde.';
    const areas = page.getByRole('group', { name: 'Programområden' });
    await areas.locator('.field-error').getByText(rule).waitFor();
    expect(await page.getByRole('alert').innerText()).toContain(`Programområden: ${rule}`);
    await expectAccessible(page, 'new group with a field error');

    await areas.getByLabel('Levnadsvanor', { exact: true }).check();
    await page.getByRole('button', { name: 'Skapa gruppen' }).click();
    await expect.poll(() => page.locator('main h1').innerText()).toBe('LPO Levnadsvanor');
    await settled(page);
    await page.getByText('Gruppen är skapad.').waitFor();
    expect(await page.locator('main .lead').innerText()).toContain('Programområdesgrupp på regional nivå i Region Dalarna.');
    await page.locator('.tag-list').getByText('Levnadsvanor').waitFor();
    // the mandate is rendered from Markdown
    await page.locator('.mandate').getByRole('heading', { name: 'Uppdrag', level: 3 }).waitFor();
    expect(await page.locator('.mandate strong').innerText()).toBe('leda');
    expect(await page.locator('.mandate li').count()).toBe(2);
    await expectAccessible(page, 'new group page');

    // someone else changes the group while the edit form is open: 409, reload, then it works
    const id = new URL(page.url()).pathname.split('/').pop() ?? '';
    await page.getByRole('button', { name: 'Ändra uppgifter' }).click();
    // the edit form checks before sending: an empty name is named by its label, and nothing is sent
    let patches = 0;
    page.on('request', (r) => {
      if (r.method() === 'PATCH' && r.url().endsWith(`/api/v1/groups/${id}`)) patches += 1;
    });
    const name = page.locator('#edit-name');
    const before = await name.inputValue();
    await name.fill('');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.locator('.error-summary').getByText('Namn: Fyll i gruppens namn.').waitFor();
    expect(patches).toBe(0);
    await name.fill(before);
    await page.getByLabel('Kortnamn').fill('LPO LV');
    const { csrfToken } = (await (await context.request.get('/api/v1/me')).json()) as { csrfToken: string };
    const other = await context.request.patch(`/api/v1/groups/${id}`, {
      headers: { 'If-Match': '"1"', 'X-CSRF-Token': csrfToken },
      data: { contactEmail: 'lpo-levnadsvanor@example.se' },
    });
    expect(other.status()).toBe(200);
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('ändrats av någon annan');
    await page.getByRole('button', { name: 'Ladda om gruppen' }).click();
    await page.getByRole('link', { name: 'lpo-levnadsvanor@example.se' }).waitFor();
    await page.getByLabel('Kortnamn').fill('LPO LV');
    await page.getByRole('button', { name: 'Spara ändringarna' }).click();
    await page.getByRole('status').getByText('Ändringarna är sparade.').waitFor();
    await page.locator('dl.facts').getByText('LPO LV').waitFor();

    // closing keeps it as history (and lets the test run again against the same server)
    await page.getByRole('button', { name: 'Stäng gruppen' }).click();
    await page.getByRole('button', { name: 'Stäng LPO Levnadsvanor' }).click();
    await page.getByRole('status').getByText('Gruppen är stängd.').waitFor();
    await page.locator('main .lead .badge').getByText('Stängd').waitFor();
    expect(await page.getByRole('button', { name: 'Ändra uppgifter' }).count()).toBe(0);
  });
});
