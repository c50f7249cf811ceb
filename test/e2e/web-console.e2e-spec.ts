import { Browser } from 'playwright-core';
import { ADMIN_KEY } from '../support/api-harness';
import { consolePage, launchChromium, listen, signIn } from '../support/console-browser';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

const SCREENSHOTS = 'docs/screenshots';
/** Evaluated in the page: the key the console keeps. */
const STORED_KEY = "sessionStorage.getItem('gantry.apiKey')";

/**
 * The web console in Chromium against the real platform (API, worker, sandbox): what a person
 * does in it, checked through what the page shows and what the API then holds.
 */
describe('web console in Chromium', () => {
  let platform: PlatformHarness;
  let browser: Browser;
  let base: string;
  const api = () => platform.api;

  beforeAll(async () => {
    platform = await startPlatform('web-console');
    await seedPlatform(api());
    base = await listen(api().app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  const finished = (id: string) =>
    eventually(
      async () => {
        const response = await api().get(`/api/deployments/${id}`).expect(200);
        return ['succeeded', 'failed', 'cancelled'].includes(response.body.status)
          ? response.body
          : undefined;
      },
      60_000,
      `deployment ${id} to finish`,
    );

  it('refuses an unknown key, signs in with a good one, and forgets it on sign-out', async () => {
    const { page, errors } = await consolePage(browser);
    await page.goto(base);
    await page.getByLabel('API key').fill('not-a-key');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'does not know that key' }).waitFor();
    expect(await page.evaluate(STORED_KEY)).toBeNull();

    await signIn(page, base, ADMIN_KEY);
    expect(await page.getByTestId('key-role').innerText()).toMatch(/admin/i);
    expect(await page.evaluate(STORED_KEY)).toBe(ADMIN_KEY);
    // A reload keeps the session (same tab), and a client route reloads into the console.
    await page.reload();
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').waitFor();
    expect(await page.evaluate(STORED_KEY)).toBeNull();
    expect(errors.filter((error) => !/401/.test(error))).toEqual([]);
    await page.context().close();
  });

  it('shows the live release per project and environment, updated without a reload', async () => {
    const { page, errors } = await consolePage(browser);
    await signIn(page, base, ADMIN_KEY);
    const devCell = page.locator('[data-cell="shop/dev"]');
    expect(await devCell.innerText()).toBe('—');

    // Dev is automatic: the release deploys there on creation, and the open dashboard follows.
    const release = await api()
      .post('/api/projects/shop/releases', {
        version: '1.0.0',
        images: { web: '1.0.0', worker: '1.0.0' },
      })
      .expect(201);
    const deployment = await eventually(async () => {
      const list = await api().get('/api/deployments?project=shop&environment=dev').expect(200);
      return list.body.items[0];
    });
    await finished(deployment.id);
    await devCell.getByTestId('live').filter({ hasText: '1.0.0' }).waitFor({ timeout: 30_000 });
    expect(await devCell.getByRole('link', { name: '1.0.0' }).getAttribute('href')).toBe(
      `/releases/${release.body.id}`,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/dashboard.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
