import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, RunningSandbox } from '../../apps/sandbox/src/sandbox-server';
import { ApiHarness, startApi } from '../support/api-harness';
import { eventually, FAST_PLATFORM_ENV } from '../support/platform-harness';
import { seedPlatform } from '../support/seed';

const GANTRY_ENTRY = join(__dirname, '../../dist/apps/gantry/src/main.js');

/**
 * A worker process killed with SIGKILL at any point and started again finishes every deployment
 * exactly once: no second change set is created or executed for the same deployment.
 */
describe('worker crash safety (SIGKILL)', () => {
  let sandbox: RunningSandbox;
  let api: ApiHarness;
  let worker: ChildProcess | null = null;
  let output = '';

  beforeAll(async () => {
    if (!existsSync(GANTRY_ENTRY))
      throw new Error(`${GANTRY_ENTRY} is missing: run npm run build (npm test does it first)`);
    sandbox = await startSandbox({ port: 0, timeScale: 0.05 });
    api = await startApi('crash', { ...FAST_PLATFORM_ENV, SANDBOX_URL: sandbox.url });
    await seedPlatform(api);
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
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    worker.stdout?.on('data', (chunk) => (output += chunk));
    worker.stderr?.on('data', (chunk) => (output += chunk));
  };

  const killWorker = async () => {
    const dying = worker as ChildProcess;
    const exited = new Promise((resolve) => dying.once('exit', resolve));
    dying.kill('SIGKILL');
    await exited;
    worker = null;
  };

  const requestCounts = async (): Promise<Record<string, number>> =>
    (
      (await (await fetch(`${sandbox.url}/_sandbox/state`)).json()) as {
        requestCounts: Record<string, number>;
      }
    ).requestCounts;

  const targetStatus = async (deploymentId: string): Promise<string | undefined> => {
    const rows = await api.db.dataSource.query(
      'SELECT status FROM deployment_targets WHERE deployment_id = $1',
      [deploymentId],
    );
    return rows[0]?.status;
  };

  const finishedStatus = (deploymentId: string) =>
    eventually(
      async () => {
        const rows = await api.db.dataSource.query('SELECT status FROM deployments WHERE id = $1', [
          deploymentId,
        ]);
        return ['succeeded', 'failed', 'cancelled'].includes(rows[0].status)
          ? (rows[0].status as string)
          : undefined;
      },
      60_000,
      'the deployment to finish',
    );

  const killWhen = async (deploymentId: string, status: string, heldAction: string | null) => {
    const heldBefore = heldAction ? ((await requestCounts())[heldAction] ?? 0) : 0;
    await eventually(
      async () => {
        if ((await targetStatus(deploymentId)) !== status) return undefined;
        if (heldAction && ((await requestCounts())[heldAction] ?? 0) === heldBefore)
          return undefined;
        return true;
      },
      30_000,
      `target status ${status}${heldAction ? ` and a ${heldAction} call` : ''}`,
    );
    await killWorker();
  };

  it.each([
    ['while the stack operation runs (first create)', '1.0.0', 'executing', null],
    // DescribeChangeSet is held back by the throttle, so the worker is surely waiting for the
    // change set it created (and has not executed it) when it is killed.
    [
      'after the change set was created, before it ran (update)',
      '1.1.0',
      'change-set',
      'cloudformation:DescribeChangeSet',
    ],
  ])(
    'finishes a deployment killed %s exactly once',
    async (_label, version, killAt, heldAction) => {
      const before = await requestCounts();
      if (heldAction) sandbox.setThrottle(0.001, [heldAction]);
      startWorker();
      const release = await api
        .post('/api/projects/shop/releases', { version, images: { web: version, worker: version } })
        .expect(201);
      const deploymentId: string = release.body.deployments[0].id;
      try {
        await killWhen(deploymentId, killAt, heldAction);
      } finally {
        sandbox.setThrottle(0);
      }
      startWorker();
      expect(await finishedStatus(deploymentId)).toBe('succeeded');
      const after = await requestCounts();
      const delta = (action: string) => (after[action] ?? 0) - (before[action] ?? 0);
      expect(delta('cloudformation:CreateChangeSet')).toBe(1);
      expect(delta('cloudformation:ExecuteChangeSet')).toBe(1);
      const log = await api.get(`/api/deployments/${deploymentId}/log?limit=500`).expect(200);
      const messages = log.body.items.map((line: { message: string }) => line.message).join('\n');
      expect(messages).toMatch(/re-attached/i);
      expect(messages.match(/Deployment succeeded\./g)).toHaveLength(1);
      await killWorker();
    },
  );
});
