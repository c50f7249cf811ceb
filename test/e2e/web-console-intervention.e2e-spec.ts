import { Browser } from 'playwright-core';
import { manualInterventionBodySchema } from '@gantry/domain';
import { ManualInterventionStep } from '@gantry/deploy';
import { NotificationPublisher } from '@gantry/notifications';
import { DeploymentRunsRepository, InterventionsRepository } from '@gantry/persistence';
import { consolePage, launchChromium, listen, signIn } from '../support/console-browser';
import { deployClient } from '../support/deploy-client';
import { PlatformHarness, startPlatform } from '../support/platform-harness';
import { createApiKeys, seedPlatform } from '../support/seed';

/**
 * Approving a manual intervention in the console (Chromium, the real API): the deployment is
 * brought to its step as the process engine does it (a runner's claim, then the step's `enter`),
 * then a deployer named by the step approves it on the deployment page; a viewer sees no button.
 */
describe('web console: manual interventions in Chromium', () => {
  let platform: PlatformHarness;
  let browser: Browser;
  let base: string;
  const keys: Record<string, string> = {};
  const api = () => platform.api;

  beforeAll(async () => {
    platform = await startPlatform('web-intervention', { startWorker: false });
    await seedPlatform(api());
    Object.assign(keys, await createApiKeys(api(), { alice: 'deployer', val: 'viewer' }));
    base = await listen(api().app);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function waitingDeployment(): Promise<string> {
    const release = await api()
      .post('/api/projects/shop/releases', {
        version: '1.0.0',
        images: { web: '1.0.0', worker: '1.0.0' },
      })
      .expect(201);
    const id = (await deployClient(platform).onlyOf('shop', 'dev', release.body.id)).id;
    const runs = api().app.get(DeploymentRunsRepository);
    const claim = await runs.claim(id, 'console-test', 60);
    if (claim.outcome !== 'claimed') throw new Error(`could not claim ${id}: ${claim.outcome}`);
    const step = new ManualInterventionStep(
      api().app.get(InterventionsRepository),
      api().app.get(NotificationPublisher),
    );
    const entered = await step.enter(
      runs.fencedTo(id, claim.token),
      id,
      'approve-dev',
      manualInterventionBodySchema.parse({
        instructions: 'Check the error rate dashboard first.',
        approvers: { roles: ['deployer'] },
      }),
    );
    expect(entered).toEqual({ outcome: 'suspended' });
    return id;
  }

  it('shows the instructions, no buttons to a viewer, and lets a named deployer approve', async () => {
    const id = await waitingDeployment();

    const viewer = await consolePage(browser);
    await signIn(viewer.page, base, keys.val);
    await viewer.page.goto(`${base}/deployments/${id}`);
    const step = viewer.page.locator('[data-intervention="approve-dev"]');
    await step.getByText('Check the error rate dashboard first.').waitFor();
    await viewer.page
      .locator('[data-testid="deployment-status"] [data-status="waiting"]')
      .waitFor();
    expect(await viewer.page.getByRole('button', { name: 'Approve' }).count()).toBe(0);
    expect(await viewer.page.getByRole('button', { name: 'Reject' }).count()).toBe(0);

    const { page, errors } = await consolePage(browser);
    await signIn(page, base, keys.alice);
    await page.goto(`${base}/deployments/${id}`);
    const pending = page.locator('[data-intervention="approve-dev"]');
    await pending.getByText('pending', { exact: true }).waitFor();
    await pending.getByLabel('Note').fill('dashboards are green');
    await pending.getByRole('button', { name: 'Approve' }).click();
    await pending.getByText('approved', { exact: true }).waitFor();
    expect(await pending.getByRole('button', { name: 'Approve' }).count()).toBe(0);

    const decided = (await api().get(`/api/deployments/${id}`).expect(200)).body;
    expect(decided).toMatchObject({
      status: 'running',
      interventions: [
        {
          step: 'approve-dev',
          status: 'approved',
          decidedBy: 'alice',
          note: 'dashboards are green',
        },
      ],
    });
    expect(errors).toEqual([]);
    expect(viewer.errors).toEqual([]);
  });
});
