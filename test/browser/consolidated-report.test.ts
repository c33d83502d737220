import { describe, expect, it } from 'vitest';
import { signInAsDemo, useBrowser, visit } from './browser.js';
import { renderPdf } from './document-render.js';

/**
 * Seed 002: "En sammanhållen uppföljningsrapport presenteras vid varje möte och utgör grunden till
 * rådets beslut". The demo's Kunskapsrådet (Region Kronoberg) links its consolidated follow-up
 * report from its page; the PDF behind the link is rendered through pdf.js to
 * test-results/browser/consolidated-report-pdf-p*.png for a person to look at.
 */
describe('the kunskapsråd’s consolidated follow-up report', () => {
  const suite = useBrowser();

  it('is linked from the council’s page and reads as a report of its program areas', { timeout: 120_000 }, async () => {
    const { context, page } = await suite.newPage();
    await signInAsDemo(context, 'samordnare@demo.navet.example');
    const groups = await (await context.request.get('/api/v1/groups?owner=07&kind=council')).json();
    const council = (groups as { items: { id: string; name: string }[] }).items.find((g) => g.name === 'Kunskapsrådet (demo)')!;
    expect(await visit(page, `/organisation/grupper/${council.id}`)).toBe('Kunskapsrådet (demo)');
    await expect.poll(() => page.getByRole('heading', { name: 'Sammanhållen uppföljningsrapport' }).count()).toBe(1);
    const href = await page.getByRole('link', { name: 'Hämta som PDF' }).getAttribute('href');
    expect(href).toContain(`/groups/${council.id}/consolidated-followup-report?format=pdf`);
    expect(await page.getByRole('link', { name: 'Hämta som Word (DOCX)' }).count()).toBe(1);

    const res = await context.request.get(href!);
    expect(res.status()).toBe(200);
    const pages = await renderPdf(suite.browser, await res.body(), 'consolidated-report-pdf');
    const text = pages.map((p) => p.text.replace(/\s+/g, ' ')).join(' ');
    expect(text).toContain('Sammanhållen uppföljningsrapport – Kunskapsrådet (demo)');
    expect(text).toContain('Programområdena');
    expect(text).toContain('LPO Akut vård (demo)');
    pages.forEach((p, i) => expect(p.text).toContain(`Sida ${i + 1} av ${pages.length}`));
  });
});
