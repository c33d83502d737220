import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { expectAccessible, screenshot, settled, useBrowser, visit } from './browser.js';

/**
 * Min översikt: the demo coordinator (Region Kronoberg) signs in and the start page is her
 * overview — her one region named without a picker, the remiss milestones with days left and
 * the cases waiting for triage — and each row leads to where she acts. The public start page
 * stays for those who are not signed in.
 */
const DEMO_PASSWORD = 'demo-lösenord-navet';

async function signIn(context: BrowserContext, email: string) {
  const res = await context.request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(res.status(), await res.text()).toBe(200);
}

describe('Min översikt', () => {
  const suite = useBrowser();

  it('is the coordinator’s start page, and its rows lead to where she acts', { timeout: 90_000 }, async () => {
    const { context, page } = await suite.newPage();
    await signIn(context, 'samordnare@demo.navet.example');
    expect(await visit(page, '/')).toBe('Min översikt');
    const main = page.locator('main');
    await main.getByText('Din region: Region Kronoberg.').waitFor();
    // the header's notifications, with their unread count when there are any
    await page
      .locator('header')
      .getByRole('link', { name: /^Aviseringar/ })
      .waitFor();

    const milestones = page.getByRole('region', { name: /Remisser: milstolpar/ });
    await milestones.getByRole('link').first().waitFor();
    expect(await milestones.getByText(/dagar? kvar|i dag|dagar? sen/).count()).toBeGreaterThan(0);
    const triage = page.getByRole('region', { name: /Ärenden att triagera/ });
    await triage.getByRole('link').first().waitFor();
    expect(await triage.getByRole('link').count()).toBeGreaterThan(0);
    for (const heading of ['Ersättningsanspråk att attestera', 'Öppna enkäter', 'Mina möten denna vecka', 'Uppdrag som slutar'])
      await page.getByRole('heading', { level: 2, name: new RegExp(heading) }).waitFor();
    // sections her roles do not concern are not shown
    expect(await page.getByRole('heading', { name: /Jävsdeklarationer att granska/ }).count()).toBe(0);
    await expectAccessible(page, 'Min översikt');
    await screenshot(page, 'overview-coordinator', { docs: true });

    // a case waiting for triage: to its page, where the triage form is
    const row = triage.getByRole('link').first();
    const number = (await row.locator('.mono').innerText()).trim();
    await row.click();
    await settled(page);
    expect(await page.locator('main h1').innerText()).toContain(number);
    await page.getByRole('button', { name: `Triagera ${number}` }).waitFor();
    await expectAccessible(page, 'case from the overview');

    // back, and a milestone: to the answer it belongs to
    await page.goBack();
    await settled(page);
    const milestone = page
      .getByRole('region', { name: /Remisser: milstolpar/ })
      .getByRole('link')
      .first();
    expect(await milestone.innerText()).toMatch(/^Enkäten stänger/);
    await milestone.click();
    await settled(page);
    expect(await page.locator('main h1').innerText()).toMatch(/Region Kronoberg/);
    // straight to the step where it is done: the survey's
    expect(new URL(page.url()).searchParams.get('flik')).toBe('enkat');
    await expect.poll(() => page.locator('[aria-current="step"]').innerText()).toMatch(/Enkät/);
    await expectAccessible(page, 'answer from the overview');

    // an open survey's row also leads to the answer's survey step
    await page.goBack();
    await settled(page);
    const survey = page
      .getByRole('region', { name: /Öppna enkäter/ })
      .getByRole('link')
      .first();
    expect(new URL((await survey.getAttribute('href'))!, page.url()).searchParams.get('flik')).toBe('enkat');

    // her one region is remembered: registering a case starts on it
    await visit(page, '/arenden-och-beslut/nytt');
    await expect.poll(() => page.locator('#case-region').inputValue()).toBe('07');

    // the header's count leads to her notifications
    await page
      .locator('header')
      .getByRole('link', { name: /^Aviseringar/ })
      .click();
    await settled(page);
    expect(await page.locator('main h1').innerText()).toBe('Aviseringar');
    await expectAccessible(page, 'notifications');

    // and the overview reflows on a narrow screen (WCAG 1.4.10)
    await page.setViewportSize({ width: 320, height: 640 });
    await visit(page, '/');
    const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'overview-narrow');
  });

  it('keeps the public start page for those not signed in', async () => {
    const { page } = await suite.newPage();
    expect(await visit(page, '/')).toBe('Välkommen till Navet');
    expect(
      await page
        .locator('header')
        .getByRole('link', { name: /^Aviseringar/ })
        .count(),
    ).toBe(0);
  });
});
