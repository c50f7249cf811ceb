import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, RunningSandbox } from '../../apps/sandbox/src/sandbox-server';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually, FAST_PLATFORM_ENV } from '../support/platform-harness';
import { seedLifecycle } from '../support/seed';

const GANTRY_ENTRY = join(__dirname, '../../dist/apps/gantry/src/main.js');
const ECR = '123456789012.dkr.ecr.eu-west-1.amazonaws.com';

/**
 * A worker killed with SIGKILL while an ecs-run-task step runs, and started again, finishes the
 * deployment with the one task it started: the migration never runs twice.
 */
describe('worker crash during a one-off task (SIGKILL)', () => {
  let sandbox: RunningSandbox;
  let api: ApiHarness;
  let worker: ChildProcess | null = null;

  beforeAll(async () => {
    if (!existsSync(GANTRY_ENTRY))
      throw new Error(`${GANTRY_ENTRY} is missing: run npm run build (npm test does it first)`);
    // Slow enough that the task is still running when the worker is killed (about 3 s).
    sandbox = await startSandbox({ port: 0, timeScale: 0.15 });
    api = await startApi('runtaskcrash', { ...FAST_PLATFORM_ENV, SANDBOX_URL: sandbox.url });
    await seedLifecycle(api, 'Jobs');
    await api
      .post('/api/targets', {
        name: 'jobs sandbox',
        environments: ['dev', 'test', 'prod'],
        tags: ['jobs'],
        region: 'eu-west-1',
        cluster: 'jobs',
        credentials: { type: 'sandbox' },
      })
      .expect(201);
    await api
      .post('/api/projects', {
        name: 'Billing',
        lifecycle: 'jobs',
        targetTags: ['jobs'],
        steps: [
          {
            name: 'Migrate',
            kind: 'ecs-run-task',
            containers: [{ name: 'migrate', image: `${ECR}/billing-migrate` }],
            task: { cpu: '256', memory: '512' },
            network: { subnets: ['subnet-0a1b2c3d'] },
          },
        ],
      })
      .expect(201);
  });
  afterAll(async () => {
    worker?.kill('SIGKILL');
    await api.close();
    await sandbox.close();
  });

  const startWorker = () => {
    worker = spawn(process.execPath, [GANTRY_ENTRY], {
      env: {
        ...process.env,
        ...FAST_PLATFORM_ENV,
        GANTRY_ROLE: 'worker',
        DATABASE_URL: api.config.DATABASE_URL,
        QUEUE_PREFIX: api.config.QUEUE_PREFIX,
        GANTRY_MASTER_KEY: api.masterKey.toString('hex'),
        SANDBOX_URL: sandbox.url,
        LOG_FORMAT: 'json',
        LOG_LEVEL: 'info',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      stdio: ['ignore', 'ignore', 'ignore'],
    });
  };
  const killWorker = async () => {
    const dying = worker as ChildProcess;
    const exited = new Promise((resolve) => dying.once('exit', resolve));
    dying.kill('SIGKILL');
    await exited;
    worker = null;
  };
  const sandboxState = async () =>
    (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as {
      requestCounts: Record<string, number>;
      tasks: { taskArn: string; taskDefinitionArn: string; lastStatus: string }[];
    };
  const targetStatus = async (deploymentId: string): Promise<string | undefined> =>
    (
      await api.db.dataSource.query(
        'SELECT status FROM deployment_targets WHERE deployment_id = $1',
        [deploymentId],
      )
    )[0]?.status;
  const finished = (deploymentId: string) =>
    eventually(
      async () => {
        const response = await api.get(`/api/deployments/${deploymentId}`).expect(200);
        return ['succeeded', 'failed', 'cancelled'].includes(response.body.status)
          ? response.body
          : undefined;
      },
      90_000,
      'the deployment to finish',
    );

  it.each([
    // RunTask is held back by the throttle: the worker dies with the call in flight, which the
    // sandbox answers once the throttle is lifted (the task starts after all).
    // The new worker looks for the task, else asks RunTask again with the same client token.
    [
      'while RunTask is in flight',
      '1.0.0',
      'task-starting',
      'ecs:RunTask',
      /re-attached to this deployment[\s\S]*(Started|Re-attached to) task \w+/,
    ],
    ['while the task runs', '1.1.0', 'task-running', null, /Re-attached to task \w+\./],
  ])(
    'starts the task once when the worker is killed %s',
    async (_label, version, killAt, held, reattached) => {
      if (held) sandbox.setThrottle(0.001, [held]);
      startWorker();
      const release = await api
        .post('/api/projects/billing/releases', { version, defaultTag: version })
        .expect(201);
      const deploymentId: string = release.body.deployments[0].id;
      try {
        await eventually(
          async () => {
            if ((await targetStatus(deploymentId)) !== killAt) return undefined;
            if (held && !(await sandboxState()).requestCounts[held]) return undefined;
            return true;
          },
          60_000,
          `target status ${killAt}`,
        );
        await killWorker();
      } finally {
        sandbox.setThrottle(0);
      }
      startWorker();
      const deployment = await finished(deploymentId);
      expect(deployment.status).toBe('succeeded');
      const taskArn: string = deployment.steps[0].targets[0].outputs.TaskArn;
      const state = await sandboxState();
      const family = `:task-definition/gantry-billing-migrate-dev:`;
      const started = state.tasks.filter(
        (task) =>
          task.taskDefinitionArn.includes(family) &&
          deployment.steps[0].targets[0].outputs.TaskDefinitionArn === task.taskDefinitionArn,
      );
      expect(started.map((task) => task.taskArn)).toEqual([taskArn]);
      const log = await api.get(`/api/deployments/${deploymentId}/log?limit=500`).expect(200);
      const messages = log.body.items.map((line: { message: string }) => line.message).join('\n');
      expect(messages).toMatch(reattached);
      expect(messages.match(/Deployment succeeded\./g)).toHaveLength(1);
    },
  );
  afterEach(async () => {
    if (worker) await killWorker();
  });
});
