import { describe, expect, it } from 'vitest';
import { expectAccessible, hasFocus, screenshot, useBrowser, visit } from './browser.js';

/**
 * WCAG 2.2.1: the person is warned before the idle timeout and can extend the session with
 * one action. The server's status is shortened here (the real idle timeout is 30 minutes).
 */
describe('session timeout warning', () => {
  const suite = useBrowser();

  it('warns two minutes before the idle end, keeps focus in the dialog, and extends the session', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    let statusCalls = 0;
    await page.route('**/api/v1/auth/session', async (route) => {
      statusCalls++;
      const now = Date.now();
      await route.fulfill({
        json: {
          // One minute of idle time: the page's own requests (Min översikt loads several sections)
          // count as activity and move the idle end, but never out of the two-minute warning.
          idleMinutes: 1,
          idleExpiresAt: new Date(now + 90_000).toISOString(),
          absoluteExpiresAt: new Date(now + 8 * 3600_000).toISOString(),
          serverTime: new Date(now).toISOString(),
          method: 'password',
        },
      });
    });
    await visit(page, '/');
    const dialog = page.getByRole('alertdialog', { name: 'Du loggas snart ut' });
    await dialog.waitFor();
    expect(await dialog.innerText()).toMatch(/loggas du ut om \d+ sekunder/);
    const extend = dialog.getByRole('button', { name: 'Fortsätt vara inloggad' });
    await expect.poll(() => hasFocus(page, '[data-testid=session-timeout] button:first-child')).toBe(true);
    await expectAccessible(page, 'session timeout warning');
    await screenshot(page, 'session-timeout');
    expect(statusCalls).toBeGreaterThan(0);

    const extended = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/session/extend'));
    await extend.click();
    const res = await extended;
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { idleExpiresAt: string };
    expect(Date.parse(body.idleExpiresAt) - Date.now()).toBeGreaterThan(25 * 60_000);
    await dialog.waitFor({ state: 'detached' });
  });
});
