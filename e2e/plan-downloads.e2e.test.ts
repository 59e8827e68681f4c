import { describe, expect, it } from 'vitest';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { signUpThroughApi } from './support/api-session.ts';
import { openPage } from './support/browser-page.ts';
import { startJourney } from './support/journey.ts';
import { eventually } from './support/page-reads.ts';
import { createPlanFixture } from './support/plan-fixture.ts';

/**
 * "Export, import och rapport" on the plan page is a control a new user sees as one: a button with
 * a border and a touch target's size, reached with Tab, opened and closed with Enter or Space,
 * saying whether it is open, and showing the downloads only while it is.
 */
const e2e = startJourney();

describe('the plan’s downloads', () => {
  it('open from a button that looks like one, from the keyboard too', async () => {
    const { page, context, problems } = await openPage(e2e.browser, { width: 1280, height: 900 });
    const api = await signUpThroughApi(context, e2e.baseUrl, {
      email: 'sara@brf-eken.se',
      password: 'ekar och lönnar i parken',
      name: 'Sara',
      accountName: 'Brf Eken',
    });
    const fixture = await createPlanFixture(api, e2e.baseUrl, { plan: { name: 'Underhållsplan 2026', startYear: 2026 } });
    await page.goto(fixture.planUrl);

    const toggle = page.getByRole('button', { name: 'Export, import och rapport' });
    const exportLink = page.getByRole('link', { name: 'Exportera till Excel' });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await exportLink.count()).toBe(0);
    const look = await toggle.evaluate((element) => {
      const style = getComputedStyle(element);
      return { border: style.borderTopWidth, cursor: style.cursor, height: element.getBoundingClientRect().height };
    });
    expect(look.border).not.toBe('0px');
    expect(look.cursor).toBe('pointer');
    expect(look.height).toBeGreaterThanOrEqual(44);

    // Tab from the "Ny åtgärd" link before it reaches the control; Enter opens it, Space closes it.
    await page.getByRole('link', { name: 'Ny åtgärd' }).focus();
    await page.keyboard.press('Tab');
    expect(await toggle.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await eventually(() => toggle.getAttribute('aria-expanded')).toBe('true');
    await exportLink.waitFor();
    expect(await page.getByRole('button', { name: 'Ladda ner rapport (PDF)' }).isVisible()).toBe(true);
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    await page.keyboard.press('Space');
    await eventually(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await exportLink.count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
