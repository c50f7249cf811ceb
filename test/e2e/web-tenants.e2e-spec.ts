import { readFileSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { seedTenantMatrix } from '../../bench/support/tenant-matrix';
import { ADMIN_KEY, ApiHarness, startApi } from '../support/api-harness';
import { consolePage, launchChromium, listen, signIn } from '../support/console-browser';
import { sampleStep } from '../support/fixtures';

const SCREENSHOTS = 'docs/screenshots';
const TENANTS = 1200;
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** axe-core rules for what the view promises: names for its controls and links, a valid table, AA contrast. */
const AXE_RULES = [
  'label',
  'button-name',
  'link-name',
  'aria-input-field-name',
  'aria-allowed-attr',
  'aria-valid-attr-value',
  'aria-required-children',
  'scrollable-region-focusable',
  'th-has-data-cells',
  'color-contrast',
];

/**
 * The tenants view of a project with 1,200 tenants × 5 environments in Chromium against the real
 * API: it renders few rows at a time, filters by tag and searches through the API, reaches the
 * last tenant by keyboard, and follows a deployment live.
 */
describe('web console: tenants × environments in Chromium', () => {
  let api: ApiHarness;
  let browser: Browser;
  let base: string;
  let page: Page;
  let errors: string[];
  const sql = (query: string, parameters: unknown[] = []) =>
    api.db.dataSource.query(query, parameters);
  const total = () => page.getByTestId('tenant-total');
  const row = (slug: string) => page.locator(`[data-tenant="${slug}"]`);
  const tagFilter = () => page.getByRole('combobox', { name: 'Filter by tag' });
  const renderedRows = () => page.locator('[data-testid="tenants-table"] tbody tr[data-tenant]');

  beforeAll(async () => {
    api = await startApi('web-tenants');
    for (const name of ['Dev', 'Test', 'Staging', 'UAT', 'Prod'])
      await api.post('/api/environments', { name }).expect(201);
    await api
      .post('/api/projects', {
        name: 'Saas',
        tenancy: 'tenanted',
        targetTags: ['web'],
        step: sampleStep(),
      })
      .expect(201);
    await seedTenantMatrix(api.db.dataSource, { projectSlug: 'saas', tenants: TENANTS });
    base = await listen(api.app);
    browser = await launchChromium();
    ({ page, errors } = await consolePage(browser));
    await signIn(page, base, ADMIN_KEY);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  it('renders the first tenants and the total, with few rows in the page', async () => {
    await page.goto(`${base}/projects/saas/tenants`);
    await total().filter({ hasText: '1,200 tenants' }).waitFor();
    await row('tenant-0001').waitFor();
    const headers = await page.locator('[data-testid="tenants-table"] thead th').allInnerTexts();
    expect(headers).toEqual(['Tenant', 'Dev', 'Test', 'Staging', 'UAT', 'Prod']);
    // Seeded: tenant 4's stack number 17 (its Test) failed with 1.0.3, so 1.0.2 stays live there.
    const test = row('tenant-0004').locator('td').nth(1);
    await expect(test.getByTestId('live').innerText()).resolves.toMatch(/1\.0\.2\s+live/);
    await expect(test.getByTestId('latest').innerText()).resolves.toMatch(/1\.0\.3\s+failed/i);
    const [failed] = await sql(
      `SELECT d.id FROM deployments d JOIN tenants t ON t.id = d.tenant_id JOIN environments e ON e.id = d.environment_id
        WHERE t.slug = 'tenant-0004' AND e.slug = 'test' AND d.status = 'failed'`,
    );
    expect(await test.getByRole('link', { name: '1.0.3' }).getAttribute('href')).toBe(
      `/deployments/${failed.id}`,
    );
    expect(await renderedRows().count()).toBeLessThan(60);
    await page.screenshot({ path: `${SCREENSHOTS}/tenants.png` });
  });

  it('narrows to a tag through the labelled filter', async () => {
    await tagFilter().click();
    await page.getByRole('option', { name: 'tier/gold' }).click();
    await page.keyboard.press('Escape');
    await total()
      .filter({ hasText: /^120 tenants$/ })
      .waitFor();
    await row('tenant-0010').waitFor();
    expect(await row('tenant-0001').count()).toBe(0);
    const first = await renderedRows().first().getAttribute('data-tenant');
    expect(first).toBe('tenant-0010');
    // Clearing the filter brings every tenant back.
    await tagFilter().press('Backspace');
    await total().filter({ hasText: '1,200 tenants' }).waitFor();
  });

  it('finds a tenant by part of its name', async () => {
    await page.getByLabel('Search tenants').fill('1187');
    await total()
      .filter({ hasText: /^1 tenant$/ })
      .waitFor();
    await row('tenant-1187').waitFor();
    expect(await renderedRows().count()).toBe(1);
    await page.getByLabel('Search tenants').fill('');
    await total().filter({ hasText: '1,200 tenants' }).waitFor();
    await row('tenant-0001').waitFor();
  });

  it('reaches the last tenant from the keyboard, still rendering only the rows on screen', async () => {
    await page.goto(`${base}/projects/saas/tenants`);
    await row('tenant-0001').waitFor();
    const scroller = page.getByRole('region', { name: /Tenants and environments/ });
    await scroller.focus();
    await page.keyboard.press('End');
    // Pages load in order as the end comes into view; the last one holds tenant 1200.
    await row('tenant-1200').waitFor({ timeout: 30_000 });
    expect(await row('tenant-1200').isVisible()).toBe(true);
    expect(await renderedRows().count()).toBeLessThan(60);
    // Each tenant once: the list is as long as the total, and tenant 1200 its last row.
    const table = page.getByTestId('tenants-table');
    expect(await table.getAttribute('aria-rowcount')).toBe(String(TENANTS + 1));
    expect(await renderedRows().last().getAttribute('data-tenant')).toBe('tenant-1200');
    await page.keyboard.press('Home');
    await row('tenant-0001').waitFor();
  });

  it.each(['light', 'dark'] as const)(
    'passes axe-core (names, table, AA contrast) in %s mode',
    async (colorScheme) => {
      const { page: themed, errors: themedErrors } = await consolePage(browser, { colorScheme });
      await signIn(themed, base, ADMIN_KEY);
      await themed.goto(`${base}/projects/saas/tenants`);
      await themed.locator('[data-tenant="tenant-0001"]').waitFor();
      await themed.addScriptTag({ content: AXE });
      const violations = (await themed.evaluate(
        `axe.run(document, { runOnly: { type: 'rule', values: ${JSON.stringify(AXE_RULES)} } })
           .then((r) => r.violations.flatMap((v) => v.nodes.map((n) => v.id + ' at ' + n.target.join(' '))))`,
      )) as string[];
      expect(violations).toEqual([]);
      expect(themedErrors).toEqual([]);
      await themed.context().close();
    },
  );

  it('fits a phone: the table scrolls inside its region, the page never sideways', async () => {
    const { page: phone, errors: phoneErrors } = await consolePage(browser, {
      width: 375,
      height: 812,
    });
    await signIn(phone, base, ADMIN_KEY);
    await phone.goto(`${base}/projects/saas/tenants`);
    await phone.locator('[data-tenant="tenant-0001"]').waitFor();
    const widths = (await phone.evaluate(
      `[document.documentElement.scrollWidth, document.documentElement.clientWidth,
        document.querySelector('[data-testid="tenant-scroller"]').scrollWidth]`,
    )) as number[];
    expect(widths[0]).toBeLessThanOrEqual(widths[1]);
    expect(widths[2]).toBeGreaterThan(widths[1]); // the environments scroll within the region
    await phone.getByRole('combobox', { name: 'Filter by tag' }).waitFor();
    await phone.getByLabel('Search tenants').waitFor();
    expect(phoneErrors).toEqual([]);
    await phone.context().close();
  });

  it('follows a new deployment of a tenant live, without a reload', async () => {
    await page.goto(`${base}/projects/saas/tenants`);
    await row('tenant-0001').waitFor();
    const dev = row('tenant-0001').locator('td').first();
    await expect(dev.getByTestId('latest').count()).resolves.toBe(0);
    await sql(
      `INSERT INTO deployments (release_id, project_id, environment_id, tenant_id, stack_key, status, created_by, started_at)
       SELECT r.id, p.id, e.id, t.id, p.id || ':' || e.id || ':' || t.id, 'running', 'test', now()
         FROM projects p JOIN releases r ON r.project_id = p.id AND r.version = '1.0.3', environments e, tenants t
        WHERE p.slug = 'saas' AND e.slug = 'dev' AND t.slug = 'tenant-0001'`,
    );
    await dev
      .getByTestId('latest')
      .filter({ hasText: /1\.0\.3\s*running/i })
      .waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
  });
});
