import type { APIRequestContext, Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { expectAccessible, settled, useBrowser } from './browser.js';
import { daysFromToday } from '../helpers/clock.js';

/**
 * The core flows with the keyboard alone (WCAG 2.1.1, 2.4.3, 2.4.7, 3.3.1): after page.goto to
 * the start page of a flow, only page.keyboard is used — Tab and Shift+Tab to move, Enter and
 * Space to activate, arrow keys in selects and radio groups, typing in fields. No clicks, no
 * fill(), no selectOption(). Every control is reached by Tab (which proves it is in the tab
 * order), shows a visible focus indicator when reached, validation errors can be reached from the
 * keyboard, and after a submit the result is shown and focus is somewhere sensible.
 */

/** How many Tab presses we allow to reach one control before calling it unreachable. */
const MAX_TABS = 250;

/* Run in the page as expressions: the server's type check has no DOM library. */
const DESCRIBE_FOCUS = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return '<body> (focus lost)';
  const name = el.getAttribute('aria-label') ?? (el.innerText ?? '').slice(0, 60);
  return ('<' + el.tagName.toLowerCase() + (el.id ? ' id="' + el.id + '"' : '') + '> ' + name).trim();
})()`;
const FOCUS_STYLE = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  return {
    focusVisible: el.matches(':focus-visible'),
    outline: s.outlineStyle !== 'none' && Number.parseFloat(s.outlineWidth) > 0,
    shadow: s.boxShadow !== 'none' && s.boxShadow !== '',
  };
})()`;

/** A short description of the focused element, for failure messages. */
async function describeFocus(page: Page): Promise<string> {
  return page.evaluate<string>(DESCRIBE_FOCUS);
}

async function isFocused(target: Locator): Promise<boolean> {
  return (await target.and(target.page().locator(':focus')).count()) > 0;
}

/** The field is refused by the browser's own check (required and empty). */
async function isInvalid(field: Locator): Promise<boolean> {
  return (await field.and(field.page().locator(':invalid')).count()) > 0;
}

const selectedLabel = async (select: Locator) => ((await select.locator('option:checked').textContent()) ?? '').trim();

/** The focused element shows a focus indicator: it matches :focus-visible and has an outline or a box shadow. */
async function expectFocusVisible(page: Page, what: string): Promise<void> {
  const style = await page.evaluate<{ focusVisible: boolean; outline: boolean; shadow: boolean } | null>(FOCUS_STYLE);
  expect(style, `${what}: nothing has focus`).not.toBeNull();
  expect(style?.focusVisible, `${what}: focus is not :focus-visible`).toBe(true);
  expect(style?.outline || style?.shadow, `${what}: focus has neither outline nor box-shadow`).toBe(true);
}

/**
 * Presses Tab (or Shift+Tab) until focus is on an element matched by `target` (a role + name
 * locator), failing after `max` presses: proves the control is reachable by keyboard. Checks that
 * the focus is visible there.
 */
async function tabTo(
  page: Page,
  target: Locator,
  what: string,
  { back = false, max = MAX_TABS }: { back?: boolean; max?: number } = {},
): Promise<number> {
  await target.first().waitFor();
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    if (await isFocused(target)) {
      await expectFocusVisible(page, what);
      return i;
    }
  }
  throw new Error(
    `${what} was not reached with ${max} ${back ? 'Shift+Tab' : 'Tab'} presses; focus is on ${await describeFocus(page)}`,
  );
}

/** One more Tab lands on `target` (the next control in order). */
async function tabNext(page: Page, target: Locator, what: string): Promise<void> {
  await tabTo(page, target, what, { max: 1 });
}

/** Picks an option in the focused, closed <select> with the arrow keys, as a keyboard user does. */
async function chooseWithArrows(page: Page, select: Locator, label: string): Promise<void> {
  expect(await isFocused(select), `the select for "${label}" has focus`).toBe(true);
  const options = select.locator('option');
  // the options may still be loading
  await expect
    .poll(async () => (await options.allTextContents()).map((o) => o.trim()), { message: `option "${label}" exists` })
    .toContain(label);
  const labels = (await options.allTextContents()).map((o) => o.trim());
  const current = labels.indexOf(await selectedLabel(select));
  const wanted = labels.indexOf(label);
  const key = wanted > current ? 'ArrowDown' : 'ArrowUp';
  for (let i = 0; i < Math.abs(wanted - current); i++) await page.keyboard.press(key);
  await expect.poll(() => selectedLabel(select)).toBe(label);
}

async function expectFocusOn(target: Locator, what: string): Promise<void> {
  await expect.poll(() => isFocused(target), { message: `focus on ${what}` }).toBe(true);
}

async function csrf(request: APIRequestContext): Promise<Record<string, string>> {
  const res = await request.get('/api/v1/me');
  expect(res.status()).toBe(200);
  return { 'X-CSRF-Token': ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function post<T>(request: APIRequestContext, path: string, headers: Record<string, string>, data: unknown): Promise<T> {
  const res = await request.post(path, { headers, data });
  expect(res.status(), `${path}: ${await res.text()}`).toBeLessThan(300);
  return (await res.json()) as T;
}

describe('keyboard-only runs of the core flows', () => {
  const suite = useBrowser();

  it('signs in with the keyboard, with the missing fields reachable first', async () => {
    const { page } = await suite.newPage();
    await page.goto('/logga-in');
    await settled(page);
    const main = page.getByRole('main');

    // The skip link is the first stop and takes focus into the main content.
    await tabTo(page, page.getByRole('link', { name: 'Hoppa till huvudinnehållet' }), 'skip link', { max: 1 });
    await page.keyboard.press('Enter');
    await expectFocusOn(page.locator('main#main'), 'main after the skip link');

    // Submit empty: the message is announced and focus goes to the first field to fill in.
    const submit = main.getByRole('button', { name: 'Logga in' });
    await tabTo(page, submit, 'sign-in button');
    await page.keyboard.press('Enter');
    await main.getByRole('alert').getByText('Fyll i e-postadress och lösenord.').waitFor();
    const email = main.getByRole('textbox', { name: 'E-postadress' });
    await expectFocusOn(email, 'the e-mail field after an empty submit');
    await expectFocusVisible(page, 'e-mail field after an empty submit');
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'sign-in with errors (keyboard)');

    await page.keyboard.type(inject('adminEmail'));
    await tabNext(page, main.getByLabel('Lösenord'), 'password field');
    await page.keyboard.type(inject('adminPassword'));
    await tabNext(page, submit, 'sign-in button');
    await page.keyboard.press('Enter');

    await page.getByText('Inloggad som').waitFor();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/');
    await settled(page);
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Min översikt');
    // Focus moves to the new page's heading (not left on a control that is gone).
    await expectFocusOn(page.locator('#page-title'), 'the overview h1');
    await expectAccessible(page, 'signed in (keyboard)');
  });

  it('registers a case with the keyboard, through the error summary', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    await page.goto('/arenden-och-beslut');
    await settled(page);
    // The form is a page of its own: the list links to it.
    await tabTo(page, page.getByRole('link', { name: 'Registrera ett ärende' }), 'the link to the registration page');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main h1').innerText()).toBe('Registrera ett ärende');
    await settled(page);
    await expectFocusOn(page.locator('#page-title'), 'the registration page h1');
    const form = page.getByRole('form', { name: 'Registrera ett ärende' });
    const submit = form.getByRole('button', { name: 'Registrera ärendet' });

    // Empty submit: the error summary takes focus; its links lead to the fields.
    await tabTo(page, submit, 'register button');
    await page.keyboard.press('Enter');
    const summary = form.locator('.error-summary');
    await summary.getByText('Rätta felen i formuläret och försök igen.').waitFor();
    await expectFocusOn(summary, 'the error summary');
    await expectFocusVisible(page, 'error summary');
    await expectAccessible(page, 'case form with errors (keyboard)');
    await tabNext(page, summary.getByRole('link', { name: 'Region: Välj en region.' }), 'first error link');
    await page.keyboard.press('Enter');
    const region = form.getByRole('combobox', { name: 'Region' });
    await expectFocusOn(region, 'the region select after its error link');
    await expectFocusVisible(page, 'region select after its error link');

    const subject = `Tangentbordstest: vårdförlopp sepsis ${Date.now()} (demo)`;
    await chooseWithArrows(page, region, 'Region Kronoberg');
    await tabNext(page, form.getByRole('textbox', { name: 'Ärende' }), 'subject field');
    await page.keyboard.type(subject);
    const origin = form.getByRole('combobox', { name: 'Ursprung' });
    await tabNext(page, origin, 'origin select');
    await chooseWithArrows(page, origin, 'Myndighet');
    // The sender is picked from the register, by keyboard alone: type, ↓ to the option, Enter.
    const sender = form.getByRole('combobox', { name: 'Avsändare' });
    await tabNext(page, sender, 'sender field');
    await page.keyboard.type('läkemedelsv');
    await expect.poll(() => sender.getAttribute('aria-expanded')).toBe('true');
    const listbox = page.locator(`#${await sender.getAttribute('aria-controls')}`);
    await listbox.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    const activeId = await sender.getAttribute('aria-activedescendant');
    expect(activeId, 'the active option is announced').toBeTruthy();
    expect(await page.locator(`#${activeId}`).getAttribute('aria-selected')).toBe('true');
    expect(await isFocused(sender), 'focus stays in the field while moving in the list').toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => sender.inputValue()).toBe('Läkemedelsverket');
    expect(await sender.getAttribute('aria-expanded')).toBe('false');
    // Escape closes the list without losing the choice; text that is no option is not kept.
    await page.keyboard.type(' x');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await expect.poll(() => sender.inputValue()).toBe('Läkemedelsverket');
    await tabTo(page, submit, 'register button', { max: 10 });
    await page.keyboard.press('Enter');

    // The number is announced and the message has focus.
    const done = page.getByRole('status').filter({ hasText: 'Ärendet är registrerat med diarienummer' });
    await done.waitFor();
    expect(await done.innerText()).toContain(subject);
    await expectFocusOn(done, 'the registered message');
    expect(await form.locator('.error-summary').count()).toBe(0);
    // The link to the new case follows the message in the tab order.
    await tabNext(page, done.getByRole('link', { name: /^Öppna ärendet R07 / }), 'link to the new case');
    await expectAccessible(page, 'case registered (keyboard)');
  });

  it('answers a consultation with the keyboard: registers, routes and writes the draft', async () => {
    const { page } = await suite.newPage({ signedIn: true });
    // Region Jönköpings län: a region with groups from the sources and no answers in the demo.
    await page.goto('/remisser/region/06');
    await settled(page);
    const register = page.getByRole('button', { name: /^Registrera Vårdförlopp stroke och TIA/ });
    await tabTo(page, register, 'register the round');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main h1').innerText()).toMatch(/^Region Jönköpings läns svar: Vårdförlopp stroke/);
    await settled(page);
    await expectFocusOn(page.locator('#page-title'), 'the answer page h1');

    // The answer's steps are links: Tab reaches Fördelning, Enter opens it, focus stays on it.
    const steps = page.getByRole('navigation', { name: 'Remissvarets steg' });
    const routingStep = steps.getByRole('link', { name: 'Fördelning pågår' });
    await tabTo(page, routingStep, 'the Fördelning step');
    await page.keyboard.press('Enter');
    await expect.poll(() => routingStep.getAttribute('aria-current')).toBe('step');
    expect(new URL(page.url()).searchParams.get('flik')).toBe('fordelning');
    await expectFocusOn(routingStep, 'the Fördelning step after opening it');
    await expectFocusVisible(page, 'the Fördelning step');

    // Route: a group ticked with Space, the lead chosen with the arrow keys.
    const routing = page.getByRole('form', { name: 'Fördela remissen' });
    const lpo = routing.getByRole('checkbox', { name: 'LPO Akut vård', exact: true });
    await tabTo(page, lpo, 'the LPO Akut vård checkbox');
    await page.keyboard.press('Space');
    await expect.poll(() => lpo.isChecked()).toBe(true);
    const lead = routing.getByRole('combobox', { name: 'Ledande grupp' });
    await tabTo(page, lead, 'lead group select');
    await chooseWithArrows(page, lead, 'LPO Akut vård');
    const save = routing.getByRole('button', { name: 'Spara fördelningen' });
    await tabTo(page, save, 'save routing');
    await page.keyboard.press('Enter');
    await steps.getByRole('link', { name: 'Fördelning (klar)' }).waitFor();
    // The button is disabled while saving, which drops focus: it gets it back.
    await expectFocusOn(save, 'the save button after routing');

    // To Utkast with the arrow keys along the steps (Fördelning → Enkät → Utkast), then Enter.
    await tabTo(page, steps.getByRole('link', { name: 'Fördelning (klar)' }), 'the Fördelning step', { back: true });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await expect.poll(() => steps.locator('[aria-current="step"]').innerText()).toMatch(/Utkast/);

    // Start the draft: the step's form goes away, focus must not be lost with it.
    await tabTo(page, page.getByRole('button', { name: 'Börja på utkastet' }), 'start the draft');
    await page.keyboard.press('Enter');
    await steps.getByRole('link', { name: 'Enkät (klar)' }).waitFor();
    await expectFocusOn(page.getByRole('heading', { level: 2, name: 'Nästa steg' }), 'the steps heading');

    // A new section with an empty heading is refused where the keyboard is.
    await tabTo(page, page.getByRole('button', { name: 'Lägg till avsnitt' }), 'add section');
    await page.keyboard.press('Enter');
    const newSection = page.getByRole('textbox', { name: 'Nytt avsnitt' });
    await expectFocusOn(newSection, 'the empty required heading');
    expect(await isInvalid(newSection)).toBe(true);

    // Write the summary and save it.
    const text = page.getByRole('textbox', { name: 'Text: Sammanfattning' });
    await tabTo(page, text, 'summary text', { back: true });
    await page.keyboard.type('Region Jönköpings län ställer sig bakom förslaget (tangentbordstest).');
    const saveSection = page.getByRole('button', { name: 'Spara Sammanfattning' });
    await tabNext(page, saveSection, 'save summary');
    await page.keyboard.press('Enter');
    await page.getByRole('status').getByText('Avsnittet är sparat.').waitFor();
    await expectFocusOn(saveSection, 'the save button after saving the section');
    await expectAccessible(page, 'answer drafted (keyboard)');
  });

  it('submits a jäv declaration with the keyboard, radios with arrow keys', async () => {
    const { context, page } = await suite.newPage({ signedIn: true });
    const headers = await csrf(context.request);
    const stamp = Date.now().toString(36);
    const person = await post<{ id: string }>(context.request, '/api/v1/people', headers, {
      name: `Tore Tangentbord ${stamp}`,
      email: `tore-${stamp}@example.se`,
      homeOwner: '07',
    });
    await page.goto(`/personer-och-uppdrag/personer/${person.id}`);
    await settled(page);
    expect(await page.locator('main h1').innerText()).toBe(`Tore Tangentbord ${stamp}`);

    const open = page.getByRole('button', { name: 'Lämna jävsdeklaration' });
    await tabTo(page, open, 'open the declaration form');
    await page.keyboard.press('Enter');
    await expect.poll(() => open.getAttribute('aria-expanded')).toBe('true');

    const submit = page.getByRole('button', { name: 'Lämna in deklarationen' });
    await tabTo(page, submit, 'submit declaration');
    await page.keyboard.press('Enter');
    const summary = page.locator('.error-summary');
    await summary.waitFor();
    await expectFocusOn(summary, 'the error summary');
    await expectAccessible(page, 'declaration with errors (keyboard)');
    await tabNext(page, summary.getByRole('link', { name: /Välj om du har något att deklarera\./ }), 'error link');
    await page.keyboard.press('Enter');
    await expectFocusOn(page.getByRole('radio', { name: 'Jag har inget att deklarera' }), 'the first radio');
    const interests = page.getByRole('radio', { name: 'Jag har intressen att deklarera' });
    await page.keyboard.press('ArrowDown');
    await expectFocusOn(interests, 'the second radio');
    await expect.poll(() => interests.isChecked()).toBe(true);
    await expectFocusVisible(page, 'radio');

    const category = page.getByRole('combobox', { name: 'Typ av intresse' });
    await tabNext(page, category, 'category select');
    await chooseWithArrows(page, category, 'Uppdrag');
    await tabNext(page, page.getByRole('textbox', { name: 'Beskrivning' }), 'description');
    await page.keyboard.type('Föreläser om akut vård för en branschorganisation (tangentbordstest).');
    await tabTo(page, submit, 'submit declaration', { max: 20 });
    await page.keyboard.press('Enter');

    const done = page.getByRole('status').filter({ hasText: 'Jävsdeklarationen är inlämnad' });
    await done.waitFor();
    await expectFocusOn(done, 'the submitted message');
    await page.locator('.declarations').getByText('Inlämnad').waitFor();
    await expectAccessible(page, 'declaration submitted (keyboard)');
  });

  it('records a decision in the minutes with the keyboard', async () => {
    const { context, page } = await suite.newPage({ signedIn: true });
    const api = context.request;
    const headers = await csrf(api);
    const subject = `Tangentbordstest: vårdförlopp höftfraktur ${Date.now()}`;
    const c = await post<{ id: string; caseNumber: string; version: number }>(api, '/api/v1/cases', headers, {
      region: '07',
      subject,
      origin: 'national',
      sender: 'NPO Rörelseorganens sjukdomar',
      receivedDate: '2026-11-02',
    });
    await post(api, `/api/v1/cases/${c.id}/transitions`, headers, { to: 'under-beredning', version: c.version });
    const forums = (await (await api.get('/api/v1/forums')).json()) as { items: { id: string; name: string }[] };
    const council = forums.items.find((f) => f.name === 'Kunskapsrådet (demo)')!;
    const meeting = await post<{ id: string }>(api, `/api/v1/forums/${council.id}/meetings`, headers, {
      date: daysFromToday(-4), // held: paragraphs are written from the meeting's day
      place: 'Tangentbordssalen',
    });
    await post(api, `/api/v1/meetings/${meeting.id}/agenda`, headers, { caseId: c.id });

    await page.goto(`/moten/moten/${meeting.id}?flik=protokoll`);
    await settled(page);
    const minutes = page.getByRole('region', { name: 'Protokoll' });
    const write = minutes.getByRole('button', { name: 'Skriv paragrafen' });
    const item = minutes.getByRole('combobox', { name: 'Punkt på föredragningslistan' });

    // Empty: refused where the keyboard is, at the item to choose.
    await tabTo(page, write, 'write the paragraph');
    await page.keyboard.press('Enter');
    await expectFocusOn(item, 'the required agenda item');
    expect(await isInvalid(item)).toBe(true);

    await chooseWithArrows(page, item, `${subject} (${c.caseNumber})`);
    const kind = minutes.getByRole('combobox', { name: 'Typ av beslut' });
    await tabNext(page, kind, 'decision kind');
    await chooseWithArrows(page, kind, 'Beslut');
    await tabNext(page, minutes.getByRole('textbox', { name: 'Beslut', exact: true }), 'decision text');
    await page.keyboard.type('Kunskapsrådet beslutar att införa vårdförloppet höftfraktur i regionen.');
    await tabNext(page, write, 'write the paragraph');
    await page.keyboard.press('Enter');

    await page.getByText('Paragrafen är skriven och numrerad.').waitFor();
    await minutes.getByRole('heading', { level: 3, name: new RegExp(`^§ \\d+ ${subject}`) }).waitFor();
    // The form stays for the next paragraph, emptied, with focus where it was.
    await expectFocusOn(write, 'the write button after writing the paragraph');
    expect(await item.inputValue()).toBe('');
    await expectAccessible(page, 'decision recorded (keyboard)');
  });
});
