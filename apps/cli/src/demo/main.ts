import { join } from 'node:path';
import { GantryClient } from '../client';
import { followDeployments } from '../deployments/follow-deployments';
import type { Deployment } from '../deployments/deployment.types';
import { run } from '../main';
import { Output } from '../output';
import { ensureServer } from './demo-server';

const SERVER = process.env.GANTRY_SERVER ?? `http://localhost:${process.env.PORT ?? 3000}`;
const API_KEY =
  process.env.GANTRY_API_KEY ?? process.env.GANTRY_BOOTSTRAP_API_KEY ?? 'demo-admin-key-0123456789';
const DEMO_FILE = join(__dirname, '../../../../../docs/examples/demo.yaml');
const PROJECT = 'demo-shop';

const io = {
  stdout: process.stdout,
  stderr: process.stderr,
  env: { ...process.env, GANTRY_SERVER: SERVER, GANTRY_API_KEY: API_KEY },
};
const out = new Output(io, 'text');
const say = (line: string) => out.line(`\n==> ${line}`);

/**
 * `npm run demo`: starts Gantry on the sandbox (unless one is running), applies a sample setup,
 * and takes a release through dev (automatic) → test → production for every tenant, printing
 * the stack events as they happen. The server keeps running afterwards.
 */
async function demo(): Promise<void> {
  const env = {
    SANDBOX_TIME_SCALE: '0.3',
    LOG_LEVEL: 'info',
    ...process.env,
    GANTRY_BOOTSTRAP_API_KEY: API_KEY,
  };
  const server = await ensureServer(SERVER, env, say);
  const context = {
    client: new GantryClient({ server: SERVER, apiKey: API_KEY }),
    out,
    pollIntervalMs: 500,
  };

  say(
    'Applying docs/examples/demo.yaml (environments, lifecycle, sandbox targets, project, tenants)',
  );
  await step(run(['apply', '-f', DEMO_FILE], io));

  const images = { web: '1.0.0', worker: '1.0.0' };
  say(
    `Creating a release of ${PROJECT} (${Object.entries(images)
      .map(([c, t]) => `${c}=${t}`)
      .join(', ')}); the lifecycle deploys it to dev on its own`,
  );
  const release = await context.client.post<{
    id: string;
    version: string;
    deployments: Deployment[];
  }>(`/api/projects/${PROJECT}/releases`, { images });
  out.line(`release ${release.version} created`);
  await step(followDeployments(context, release.deployments));

  const deploy = (to: string, ...selection: string[]) =>
    step(
      run(
        [
          'deploy',
          '--project',
          PROJECT,
          '--release',
          release.version,
          '--to',
          to,
          ...selection,
          '--wait',
        ],
        io,
      ),
    );

  say(`Deploying ${release.version} to test (untenanted, and Acme's copy)`);
  await deploy('test');
  await deploy('test', '--tenant', 'acme');

  say('Promoting test → production (untenanted)');
  await step(
    run(['promote', '--project', PROJECT, '--from', 'test', '--to', 'production', '--wait'], io),
  );
  say(
    `Deploying ${release.version} to production for every gold and silver tenant (Acme, Globex, Initech), side by side`,
  );
  await deploy('production', '--tenant-tag', 'tier/gold', '--tenant-tag', 'tier/silver');

  say('Where everything stands');
  await run(['status', '--project', PROJECT], io);
  out.line(`\nGantry is at ${SERVER} (API docs: ${SERVER}/api/docs), API key: ${API_KEY}`);
  out.line(
    `Try: GANTRY_API_KEY=${API_KEY} npx gantry template --project ${PROJECT} --release ${release.version} --environment production --tenant acme --format yaml`,
  );
  if (server.started) out.line('The server keeps running; press Ctrl+C to stop it.');
}

async function step(result: Promise<number>): Promise<void> {
  const code = await result;
  if (code !== 0) throw new Error(`the last step ended with exit code ${code}`);
}

demo().catch((error: Error) => {
  out.error(`demo failed: ${error.message}`);
  process.exit(1);
});
