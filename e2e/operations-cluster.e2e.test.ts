import { describe, expect, it } from 'vitest';
import { findSeriousAccessibilityViolations } from './support/accessibility.ts';
import { managerSignUp, signedUpPage, startJourney } from './support/journey.ts';
import { saveScreenshot } from './support/screenshots.ts';

/**
 * The operations page of an installation configured for a replicated cluster
 * (KVARTER_HA_EXPECTED_REPLICAS=2) whose database is the single test cluster: a leader whose two
 * replicas are both missing. The operator sees the cluster section red with each missing replica,
 * and the cluster's failing checks first with what to do, in Swedish and English. The cluster with
 * its replicas streaming is proven in ops/ha/ha-monitoring.test.ts.
 */
const e2e = startJourney({ environment: { KVARTER_HA_EXPECTED_REPLICAS: '2' } });

describe('operations page against a replicated cluster', () => {
  it('shows the leader, the missing replicas in red and the cluster checks failing first', async () => {
    // The first person to sign up is the installation's operator.
    const { page, problems } = await signedUpPage(e2e, managerSignUp);
    await page.goto(`${e2e.baseUrl}/operations`);
    const section = page.getByRole('region', { name: 'Databaskluster' });
    await section.waitFor();
    expect(await section.locator('.section__header .status').textContent()).toBe('✕Fel');
    const port = new URL(e2e.database.url).port;
    expect(await section.locator('dd').allTextContents()).toEqual([`127.0.0.1:${port}`, '0 av 2 anslutna']);
    const missing = section.getByRole('row', { name: /2 repliker saknas/ });
    expect(await missing.locator('.status').textContent()).toBe('✕Fel');

    const failingTitles = await page.locator('.check-list__item--failing .check-list__title').allTextContents();
    expect(failingTitles).toContain('Alla databasrepliker är anslutna');
    expect(failingTitles).toContain('En replik är synkron');
    expect(failingTitles).not.toContain('Replikerna hänger med');
    await page.getByText('Kör npm run ops -- ha status på servern', { exact: false }).waitFor();
    await saveScreenshot(page, 'operations-cluster-sv');
    expect(await findSeriousAccessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Språk', { exact: true }).selectOption('en');
    const english = page.getByRole('region', { name: 'Database cluster' });
    await english.waitFor();
    await english.getByRole('row', { name: /2 replicas missing/ }).waitFor();
    expect(await english.locator('dt').allTextContents()).toEqual(['Leader', 'Replicas']);
    await page.getByText('Every database replica is connected').waitFor();

    expect(problems).toEqual([]);
  });
});
