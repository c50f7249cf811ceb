import { Browser } from 'playwright-core';
import { ADMIN_KEY } from '../support/api-harness';
import { consolePage, launchChromium, listen, signIn } from '../support/console-browser';
import { deployClient } from '../support/deploy-client';
import { sampleStep } from '../support/fixtures';
import { eventually, PlatformHarness, startPlatform } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

const SCREENSHOTS = 'docs/screenshots';

jest.setTimeout(180_000);

/** One container's ECS service step (the sample step's network, roles and sizes). */
function serviceStep(name: string, container: string, extra: Record<string, unknown> = {}) {
  const sample = sampleStep();
  return {
    name,
    kind: 'ecs-service',
    ...sample,
    containers: [
      { name: container, image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/shop-${container}` },
    ],
    service: { ...sample.service, desiredCount: 1 },
    ...extra,
  };
}

/**
 * The deployment page of a process in Chromium against the real platform (API, worker,
 * sandbox): an approval, then web and worker at once, then a step skipped outside prod. The page
 * follows the deployment live from waiting to success, and the log is filtered by step.
 */
describe('web console: a deployment process in Chromium', () => {
  let platform: PlatformHarness;
  let browser: Browser;
  let base: string;
  const api = () => platform.api;

  beforeAll(async () => {
    platform = await startPlatform('web-console-process');
    await seedPlatform(api(), { project: 'shop' });
    await api()
      .patch('/api/projects/shop', {
        steps: [
          {
            name: 'Approve',
            kind: 'manual-intervention',
            instructions: 'Check the error rate first.',
            approvers: { roles: ['deployer'] },
          },
          serviceStep('Web', 'web'),
          serviceStep('Worker', 'worker', { parallelWithPrevious: true }),
          serviceStep('Prod smoke', 'smoke', { environments: ['prod'] }),
        ],
      })
      .expect(200);
    base = await listen(api().app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it('shows the steps in order with the parallel group, approves, and follows them to success', async () => {
    const release = await api()
      .post('/api/projects/shop/releases', { version: '2.0.0', defaultTag: '2.0.0' })
      .expect(201);
    const { id } = await deployClient(platform).onlyOf('shop', 'dev', release.body.id);
    await eventually(
      async () =>
        (await api().get(`/api/deployments/${id}`).expect(200)).body.status === 'waiting' ||
        undefined,
      30_000,
      `deployment ${id} to wait for approval`,
    );

    const { page, errors } = await consolePage(browser);
    await signIn(page, base, ADMIN_KEY);
    await page.goto(`${base}/deployments/${id}`);
    const steps = page.getByTestId('steps');
    await steps.locator('[data-step="approve"]').getByRole('button', { name: 'Approve' }).waitFor();

    // In process order, web and worker in one group, the smoke test skipped with its reason.
    const order = await steps.locator('[data-step]').all();
    expect(await Promise.all(order.map((step) => step.getAttribute('data-step')))).toEqual([
      'approve',
      'web',
      'worker',
      'prod-smoke',
    ]);
    const group = steps.getByRole('group', { name: 'Run at once: Web, Worker' });
    expect(await group.locator('[data-step]').count()).toBe(2);
    const smoke = steps.locator('[data-step="prod-smoke"]');
    expect(await smoke.getByTestId('skip-reason').innerText()).toBe(
      'Skipped: it runs only in prod',
    );
    expect(await smoke.textContent()).toContain('ecs-service');
    await steps.locator('[data-step="web"] [data-status="pending"]').waitFor();
    await page.screenshot({ path: `${SCREENSHOTS}/deployment-waiting.png`, fullPage: true });

    const approval = steps.locator('[data-step="approve"]');
    await approval.getByLabel('Note').fill('error rate is flat');
    await approval.getByRole('button', { name: 'Approve' }).click();

    // Live, without a reload: each step and target to success, with its stack and outputs.
    await page
      .locator('[data-testid="deployment-status"] [data-status="succeeded"]')
      .waitFor({ timeout: 90_000 });
    for (const slug of ['approve', 'web', 'worker'])
      await steps.locator(`[data-step="${slug}"][data-step-status="succeeded"]`).waitFor();
    const worker = steps.locator('[data-step="worker"]');
    const targets = worker.getByRole('table', { name: 'Targets of Worker' });
    expect(await targets.innerText()).toContain('gantry-shop-worker-dev');
    expect(await targets.innerText()).toMatch(/ServiceName: ?gantry-shop-worker-dev/);
    expect(await approval.innerText()).toContain('error rate is flat');

    // The log filtered by step: only the worker's lines.
    await page.getByTestId('log-state').filter({ hasText: 'Log complete' }).waitFor();
    const everything = await page.getByTestId('log').innerText();
    expect(everything).toContain('[web/');
    await page.getByRole('combobox', { name: 'Show the log of' }).click();
    await page.getByRole('option', { name: 'Worker', exact: true }).click();
    await page.getByTestId('log-state').filter({ hasText: 'of step worker' }).waitFor();
    const lines = (await page.getByTestId('log').innerText()).split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(line).toMatch(/\[worker(\/[^\]]+)?\] /);
    // A full-page shot from the top: scrolled, the fixed header would be drawn mid-page.
    await page.evaluate('window.scrollTo(0, 0)');
    await page.screenshot({ path: `${SCREENSHOTS}/deployment-steps.png`, fullPage: true });

    const done = (await api().get(`/api/deployments/${id}`).expect(200)).body;
    expect(done.interventions).toMatchObject([
      { step: 'approve', status: 'approved', decidedBy: 'bootstrap' },
    ]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('shows which step failed, on which target and why', async () => {
    const release = await api()
      .post('/api/projects/shop/releases', {
        version: '3.0.0',
        images: { worker: '3.0.0-crash' },
        defaultTag: '3.0.0',
      })
      .expect(201);
    const { id } = await deployClient(platform).onlyOf('shop', 'dev', release.body.id);
    await eventually(
      async () =>
        (await api().get(`/api/deployments/${id}`).expect(200)).body.status === 'waiting' ||
        undefined,
      30_000,
      `deployment ${id} to wait for approval`,
    );
    await api()
      .post(`/api/deployments/${id}/interventions/approve`, { decision: 'approve' })
      .expect(200);
    const failed = await eventually(
      async () => {
        const body = (await api().get(`/api/deployments/${id}`).expect(200)).body;
        return body.status === 'failed' ? body : undefined;
      },
      60_000,
      `deployment ${id} to fail`,
    );

    const { page, errors } = await consolePage(browser);
    await signIn(page, base, ADMIN_KEY);
    await page.goto(`${base}/deployments/${id}`);
    const worker = page.locator('[data-step="worker"][data-step-status="failed"]');
    await worker.waitFor();
    const workerTarget = failed.steps.find((step: { slug: string }) => step.slug === 'worker')
      .targets[0];
    expect(await worker.getByTestId('target-error').innerText()).toBe(workerTarget.error);
    await page.locator('[data-step="web"][data-step-status="succeeded"]').waitFor();
    expect(await page.getByTestId('failure').innerText()).toContain(failed.error);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
