import { AddressInfo } from 'node:net';
import { Browser, chromium } from 'playwright-core';
import { ApiHarness, startApi } from '../support/api-harness';

/** Debian's Chromium (installed by .ci/run); playwright-core never downloads a browser. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** /api/docs as a person sees it: Swagger UI renders every operation, with no script error. */
describe('interactive API docs in Chromium', () => {
  let api: ApiHarness;
  let browser: Browser;
  let base: string;
  beforeAll(async () => {
    api = await startApi('api-docs');
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
    await api.close();
  });

  it('renders /api/docs, expands an operation, and logs no error', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console error: ${message.text()}`);
    });
    await page.goto(`${base}/api/docs`);
    const operations = page.locator('.opblock');
    // A blank page (issue 18) never shows an operation: say why, not only that it timed out.
    await operations
      .first()
      .waitFor({ timeout: 30_000 })
      .catch((error: Error) => {
        throw new Error(`${error.message}\n${errors.join('\n')}`);
      });
    expect(await operations.count()).toBeGreaterThan(40);
    const environments = page.locator('#operations-environments-EnvironmentsController_create');
    await environments.locator('.opblock-summary').click();
    await environments.locator('.opblock-body').waitFor();
    expect(await environments.locator('.responses-wrapper').innerText()).toContain('409');
    expect(errors).toEqual([]);
  });
});
