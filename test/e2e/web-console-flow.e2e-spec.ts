import { Browser, Locator, Page } from 'playwright-core';
import { ADMIN_KEY } from '../support/api-harness';
import {
  choose as chooseOption,
  consolePage,
  launchChromium,
  listen,
  signIn,
} from '../support/console-browser';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';
import { deployStep, seedEnvironments } from '../support/seed';

const SCREENSHOTS = 'docs/screenshots';

jest.setTimeout(180_000);

/**
 * A release's way through the console in Chromium against the real platform: created, deployed
 * to dev with the log followed live to success, promoted to test for one tenant tag, a running
 * deployment cancelled, and what a viewer does not see.
 */
describe('web console: releases and deployments in Chromium', () => {
  let platform: PlatformHarness;
  let browser: Browser;
  let base: string;
  let page: Page;
  let errors: string[];
  const api = () => platform.api;

  beforeAll(async () => {
    // Slow enough that a `slow` rollout is still running when the Cancel button is pressed.
    platform = await startPlatform('web-console-flow', { timeScale: 0.2 });
    await seedEnvironments(api());
    await api()
      .post('/api/lifecycles', {
        name: 'By hand',
        phases: [
          { name: 'Development', environments: ['dev'] },
          { name: 'Testing', environments: ['test'] },
          { name: 'Production', environments: ['prod'] },
        ],
      })
      .expect(201);
    await api()
      .post('/api/targets', {
        name: 'Sandbox',
        environments: ['dev', 'test', 'prod'],
        tags: ['shop-web'],
        tenantedMode: 'tenanted',
        region: 'eu-west-1',
        cluster: 'shop-cluster',
        credentials: { type: 'sandbox' },
      })
      .expect(201);
    await api()
      .post('/api/projects', {
        name: 'Shop',
        lifecycle: 'by-hand',
        tenancy: 'tenanted',
        targetTags: ['shop-web'],
        step: deployStep(),
      })
      .expect(201);
    await api()
      .put('/api/projects/shop/variables', {
        items: [
          { name: 'LogLevel', value: 'info' },
          { name: 'DesiredCount', value: '1' },
          { name: 'Db.Password', value: 'hunter2-secret', sensitive: true },
        ],
      })
      .expect(200);
    for (const [name, tag] of [
      ['Acme', 'tier/gold'],
      ['Globex', 'tier/silver'],
    ]) {
      await api()
        .post('/api/tenants', {
          name,
          tags: [tag],
          projects: [{ project: 'shop', environments: ['dev', 'test', 'prod'] }],
        })
        .expect(201);
    }
    base = await listen(api().app);
    browser = await launchChromium();
    ({ page, errors } = await consolePage(browser));
    await signIn(page, base, ADMIN_KEY);
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  const deploymentsOf = async (query: string) =>
    (await api().get(`/api/deployments?project=shop&${query}`).expect(200)).body.items as {
      id: string;
      status: string;
      tenant: { slug: string } | null;
      release: { version: string };
    }[];
  const finished = (id: string) =>
    eventually(
      async () => {
        const deployment = (await api().get(`/api/deployments/${id}`).expect(200)).body;
        return ['succeeded', 'failed', 'cancelled'].includes(deployment.status)
          ? deployment
          : undefined;
      },
      90_000,
      `deployment ${id} to finish`,
    );
  const choose = (scope: Locator, label: string, option: string) =>
    chooseOption(page, scope, label, option);

  it('creates a release from the project page, with sensitive variables masked', async () => {
    await page.getByRole('link', { name: 'Shop', exact: true }).click();
    await page.getByRole('heading', { name: 'Shop' }).waitFor();
    const variables = page.getByTestId('variables');
    expect(await variables.innerText()).toContain('Db.Password');
    expect(await variables.innerText()).not.toContain('hunter2-secret');
    expect(await variables.innerText()).toContain('info');

    await page.getByRole('button', { name: 'Create release' }).click();
    await page.getByLabel('Image tag of web').fill('1.0.0');
    await page.getByLabel('Image tag of worker').fill('1.0.0');
    await page.getByRole('textbox', { name: 'Version' }).fill('1.0.0');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { name: 'Release 1.0.0' }).waitFor();
    const releases = (await api().get('/api/projects/shop/releases').expect(200)).body.items;
    expect(releases.map((release: { version: string }) => release.version)).toEqual(['1.0.0']);
    expect(page.url()).toBe(`${base}/releases/${releases[0].id}`);
  });

  it('deploys to dev for one tenant and follows the log live to success', async () => {
    const deploy = page.getByRole('form', { name: 'Deploy this release' });
    await choose(deploy, 'Environment', 'Dev');
    await choose(deploy, 'Tenants', 'Acme');
    await deploy.getByRole('button', { name: 'Deploy 1.0.0' }).click();
    await page.waitForURL(/\/deployments\//);
    const id = page.url().split('/').pop()!;
    const log = page.getByTestId('log');
    await page
      .getByTestId('log-state')
      .filter({ hasText: 'Log complete' })
      .waitFor({ timeout: 90_000 });
    await page.locator('[data-testid="deployment-status"] [data-status="succeeded"]').waitFor();
    expect(await log.innerText()).toMatch(/CREATE_COMPLETE/);
    expect(await log.innerText()).not.toContain('hunter2-secret');
    const deployment = await finished(id);
    expect(deployment).toMatchObject({
      status: 'succeeded',
      environment: { slug: 'dev' },
      tenant: { slug: 'acme' },
    });
    await page.screenshot({ path: `${SCREENSHOTS}/deployment.png`, fullPage: true });
  });

  it('promotes dev to test for the tenants of one tag only', async () => {
    const release = (await api().get('/api/projects/shop/releases').expect(200)).body.items[0];
    // Globex reaches dev too, so that the tag is what keeps it out of test.
    const globex = await api()
      .post(`/api/releases/${release.id}/deployments`, { environment: 'dev', tenants: ['globex'] })
      .expect(202);
    await finished(globex.body.items[0].id);

    await page.goto(`${base}/releases/${release.id}`);
    const promote = page.getByRole('form', { name: 'Promote the project' });
    await choose(promote, 'From', 'Dev');
    await choose(promote, 'To', 'Test');
    await choose(promote, 'Tenant tags', 'tier/gold');
    await promote.getByRole('button', { name: 'Promote' }).click();
    await promote.getByRole('status').filter({ hasText: '1 deployment(s) started' }).waitFor();

    const inTest = await deploymentsOf('environment=test');
    expect(inTest.map((deployment) => deployment.tenant?.slug)).toEqual(['acme']);
    expect(await finished(inTest[0].id)).toMatchObject({ status: 'succeeded' });
    // The progression follows: acme deployed in test, globex still only allowed there.
    await page.reload();
    await page.locator('[data-progression="test/acme"] [data-status="deployed"]').waitFor();
    await page.locator('[data-progression="test/globex"] [data-status="allowed"]').waitFor();
  });

  it('cancels a running deployment', async () => {
    const release = await api()
      .post('/api/projects/shop/releases', {
        version: '1.1.0',
        images: { web: '1.1.0-slow', worker: '1.1.0' },
      })
      .expect(201);
    const started = await api()
      .post(`/api/releases/${release.body.id}/deployments`, {
        environment: 'dev',
        tenants: ['acme'],
      })
      .expect(202);
    const id = started.body.items[0].id;
    await page.goto(`${base}/deployments/${id}`);
    // An update of the stack (acme's dev stack exists): CloudFormation can cancel it.
    await page
      .locator('[data-testid="deployment-status"] [data-status="running"]')
      .waitFor({ timeout: 30_000 });
    await eventually(async () => {
      const deployment = (await api().get(`/api/deployments/${id}`).expect(200)).body;
      return deployment.targets[0]?.status === 'executing' ? true : undefined;
    });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page
      .locator('[data-testid="deployment-status"] [data-status="cancelled"]')
      .waitFor({ timeout: 90_000 })
      .catch(async (error: Error) => {
        const log = await api().get(`/api/deployments/${id}/log`);
        const state = await api().get(`/api/deployments/${id}`);
        throw new Error(
          `${error.message}\n${JSON.stringify(state.body)}\n${log.body.items.map((line: { message: string }) => line.message).join('\n')}`,
        );
      });
    expect((await finished(id)).status).toBe('cancelled');
    expect(await page.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
  });

  it('shows a viewer no Deploy, Promote, Create release or Cancel', async () => {
    const viewer = await api()
      .post('/api/api-keys', { name: 'auditor', role: 'viewer' })
      .expect(201);
    const { page: viewerPage, errors: viewerErrors } = await consolePage(browser);
    await signIn(viewerPage, base, viewer.body.key);
    expect(await viewerPage.getByTestId('key-role').innerText()).toMatch(/viewer/i);
    expect(await viewerPage.getByRole('link', { name: 'API keys' }).count()).toBe(0);

    const release = (await api().get('/api/projects/shop/releases').expect(200)).body.items[1];
    await viewerPage.goto(`${base}/releases/${release.id}`);
    await viewerPage.getByRole('heading', { name: `Release ${release.version}` }).waitFor();
    await viewerPage.getByRole('heading', { name: 'Template' }).waitFor();
    expect(await viewerPage.getByRole('button', { name: /^Deploy/ }).count()).toBe(0);
    expect(await viewerPage.getByRole('button', { name: 'Promote' }).count()).toBe(0);

    await viewerPage.goto(`${base}/projects/shop`);
    await viewerPage.getByRole('heading', { name: 'Shop' }).waitFor();
    await viewerPage.getByTestId('releases').waitFor();
    expect(await viewerPage.getByRole('button', { name: 'Create release' }).count()).toBe(0);

    // A queued deployment (the worker is stopped) shows no Cancel to a viewer either.
    await platform.stopWorker();
    const queued = await api()
      .post(`/api/releases/${release.id}/deployments`, { environment: 'test', tenants: ['globex'] })
      .expect(202);
    await viewerPage.goto(`${base}/deployments/${queued.body.items[0].id}`);
    await viewerPage.locator('[data-testid="deployment-status"] [data-status="queued"]').waitFor();
    await viewerPage.getByTestId('log-state').waitFor();
    expect(await viewerPage.getByRole('button', { name: 'Cancel' }).count()).toBe(0);
    // The admin, on the same page, has it.
    await page.goto(`${base}/deployments/${queued.body.items[0].id}`);
    await page.getByRole('button', { name: 'Cancel' }).waitFor();
    await platform.startWorker();
    expect(viewerErrors).toEqual([]);
    expect(errors).toEqual([]);
  });
});
