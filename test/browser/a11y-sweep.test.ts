import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectAccessible, settled, useBrowser } from './browser.js';

/**
 * Every page of the app, read from the route table so a new page is swept without anyone
 * remembering to add it: axe (WCAG 2.1 A and AA) as a signed-in administrator, and reflow at
 * 320 CSS pixels (WCAG 1.4.10) — no sideways scrolling of the page itself (wide data tables
 * scroll inside their own region, which the criterion allows).
 */
const routesFile = fileURLToPath(new URL('../../src/web/app/routes.tsx', import.meta.url));
const STATIC_PATHS = [...readFileSync(routesFile, 'utf8').matchAll(/pattern: '([^']+)'/g)]
  .map((m) => m[1]!)
  .filter((p) => !p.includes(':') && p !== '/logga-in');

describe('every page', () => {
  const suite = useBrowser();

  it('has routes to sweep', () => {
    expect(STATIC_PATHS.length).toBeGreaterThan(20);
  });

  it('passes axe and reflows at 320 px', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    const failures: string[] = [];
    for (const path of STATIC_PATHS) {
      await page.setViewportSize({ width: 1280, height: 860 });
      await page.goto(path);
      try {
        await settled(page);
        await expectAccessible(page, path);
      } catch (err) {
        failures.push(`${path}: ${err instanceof Error ? err.message.split('\n').slice(0, 6).join(' | ') : String(err)}`);
        continue;
      }
      await page.setViewportSize({ width: 320, height: 640 });
      const overflow = Number(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth'));
      if (overflow > 1) failures.push(`${path}: the page scrolls sideways by ${overflow} px at 320 px`);
    }
    expect(failures).toEqual([]);
  }, 600_000);
});
