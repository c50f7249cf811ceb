import { join } from 'node:path';
import { nextVersion } from '@gantry/domain';
import { ApiError } from '../cli-errors';
import { dataOf, GantryClient } from '../client';
import { followDeployments } from '../deployments/follow-deployments';
import { automaticDeploymentsOf } from '../deployments/release-deployments';
import { run } from '../main';
import { Output } from '../output';
import { ensureServer } from './demo-server';

const SERVER = process.env.GANTRY_SERVER ?? `http://localhost:${process.env.PORT ?? 3000}`;
/** The key of the README's quick start, so `npm run demo` works beside `npm start` as written there. */
const DEFAULT_DEMO_KEY = 'dev-admin-key-0123456789';
const API_KEY =
  process.env.GANTRY_API_KEY || process.env.GANTRY_BOOTSTRAP_API_KEY || DEFAULT_DEMO_KEY;
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
    progressIntervalMs: 15_000,
    verbose: false,
  };
  await assertKeyAccepted(context.client, server.started);

  say(
    'Applying docs/examples/demo.yaml (environments, lifecycle, sandbox targets, project, tenants)',
  );
  await step(run(['apply', '-f', DEMO_FILE], io));

  // Every run makes a new release: image tags (and so the version) one patch above the last.
  const versions = dataOf(
    await context.client.api.GET('/api/projects/{ref}/releases', {
      params: { path: { ref: PROJECT }, query: { limit: 500 } },
    }),
  ).items;
  const tag = versions.length ? nextVersion(versions.map((r) => r.version)) : '1.0.0';
  const images = { web: tag, worker: tag };
  say(
    `Creating a release of ${PROJECT} (${Object.entries(images)
      .map(([c, t]) => `${c}=${t}`)
      .join(', ')}); the lifecycle deploys it to dev on its own`,
  );
  const release = dataOf(
    await context.client.api.POST('/api/projects/{ref}/releases', {
      params: { path: { ref: PROJECT } },
      body: { images },
    }),
  );
  out.line(`release ${release.version} created`);
  await step(followDeployments(context, await automaticDeploymentsOf(context.client, release)));

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

  say(`Deploying ${release.version} to test (untenanted, and Initech's copy)`);
  await deploy('test');
  await deploy('test', '--tenant', 'initech');

  say('Promoting test → production (untenanted)');
  await step(
    run(['promote', '--project', PROJECT, '--from', 'test', '--to', 'prod', '--wait'], io),
  );
  say(
    `Deploying ${release.version} to production for every gold and silver tenant (Initech, Umbrella, Hooli), side by side`,
  );
  await deploy('prod', '--tenant-tag', 'tier/gold', '--tenant-tag', 'tier/silver');

  say('Where everything stands');
  await run(['status', '--project', PROJECT], io);
  out.line(`\nGantry is at ${SERVER} (API docs: ${SERVER}/api/docs), API key: ${API_KEY}`);
  out.line(
    `Try: GANTRY_API_KEY=${API_KEY} npx gantry template --project ${PROJECT} --release ${release.version} --environment prod --tenant initech --format yaml`,
  );
  if (server.started) out.line('The server keeps running; press Ctrl+C to stop it.');
}

/** A running server that refuses the key: say which key to use, rather than failing on a 401 later. */
async function assertKeyAccepted(client: GantryClient, started: boolean): Promise<void> {
  try {
    await client.api.GET('/api/environments', { params: { query: { limit: 1 } } });
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    throw new Error(
      started
        ? `the server refused the key ${API_KEY}`
        : `the Gantry server at ${SERVER} refused the API key ${API_KEY}. Run the demo with the key that server was started with: GANTRY_API_KEY=<its GANTRY_BOOTSTRAP_API_KEY> npm run demo`,
    );
  }
}

async function step(result: Promise<number>): Promise<void> {
  const code = await result;
  if (code !== 0) throw new Error(`the last step ended with exit code ${code}`);
}

demo().catch((error: Error) => {
  out.error(`demo failed: ${error.message}`);
  process.exit(1);
});
