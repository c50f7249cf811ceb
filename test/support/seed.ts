import type { ApiHarness } from './api-harness';
import { sampleStep } from './fixtures';

export interface SeedOptions {
  project?: string;
  tenancy?: 'untenanted' | 'tenanted' | 'mixed';
  step?: Record<string, unknown>;
}

/** Dev, Test and Prod (kept when they exist), in promotion order. */
export async function seedEnvironments(api: ApiHarness): Promise<void> {
  for (const name of ['Dev', 'Test', 'Prod']) {
    const response = await api.post('/api/environments', { name });
    if (response.status !== 201 && response.status !== 409)
      throw new Error(`environment ${name}: ${response.status} ${JSON.stringify(response.body)}`);
  }
}

/** The environments and a lifecycle dev (automatic) → test → prod with this name. */
export async function seedLifecycle(api: ApiHarness, name: string): Promise<void> {
  await seedEnvironments(api);
  await expectCreated(
    api.post('/api/lifecycles', {
      name,
      phases: [
        { name: 'Development', environments: ['dev'], automatic: ['dev'] },
        { name: 'Testing', environments: ['test'] },
        { name: 'Production', environments: ['prod'] },
      ],
    }),
  );
}

/** The 'Standard' lifecycle and the 'Shop' project on it (sample step, targets tagged web). */
export async function seedShopProject(api: ApiHarness): Promise<void> {
  await seedLifecycle(api, 'Standard');
  await expectCreated(
    api.post('/api/projects', {
      name: 'Shop',
      lifecycle: 'standard',
      targetTags: ['web'],
      step: sampleStep(),
    }),
  );
}

/**
 * seedPlatform for a mixed project, plus tenant Acme connected everywhere and release 1.0.0:
 * something for every route of the API to point at. Returns the release id.
 */
export async function seedWithTenantAndRelease(api: ApiHarness): Promise<string> {
  await seedPlatform(api, { tenancy: 'mixed' });
  await expectCreated(
    api.post('/api/tenants', {
      name: 'Acme',
      tags: ['tier/gold'],
      projects: [{ project: 'shop', environments: ['dev', 'test', 'prod'] }],
    }),
  );
  const release = await api.post('/api/projects/shop/releases', {
    version: '1.0.0',
    images: { web: '1.0.0', worker: '1.0.0' },
  });
  if (release.status !== 201)
    throw new Error(`release: ${release.status} ${JSON.stringify(release.body)}`);
  return release.body.id as string;
}

/**
 * dev → test → prod with dev automatic, one sandbox target in every environment, and a
 * two-container project whose desired count is scoped per environment.
 */
export async function seedPlatform(
  api: ApiHarness,
  options: SeedOptions = {},
): Promise<{ project: string }> {
  const project = options.project ?? 'shop';
  await seedLifecycle(api, `${project} lifecycle`);
  await expectCreated(
    api.post('/api/targets', {
      name: `${project} sandbox`,
      environments: ['dev', 'test', 'prod'],
      tags: [`${project}-web`],
      tenantedMode: 'mixed',
      region: 'eu-west-1',
      cluster: `${project}-cluster`,
      credentials: { type: 'sandbox' },
    }),
  );
  await expectCreated(
    api.post('/api/projects', {
      name: project,
      lifecycle: `${project}-lifecycle`,
      tenancy: options.tenancy ?? 'untenanted',
      targetTags: [`${project}-web`],
      step: options.step ?? deployStep(),
    }),
  );
  const variables = await api.put(`/api/projects/${project}/variables`, {
    items: [
      { name: 'LogLevel', value: 'info' },
      { name: 'DesiredCount', value: '1' },
      { name: 'DesiredCount', value: '2', scope: { environments: ['prod'] } },
      { name: 'Db.Password', value: 'hunter2-secret', sensitive: true },
    ],
  });
  if (variables.status !== 200)
    throw new Error(`variables: ${variables.status} ${JSON.stringify(variables.body)}`);
  return { project };
}

async function expectCreated(
  request: PromiseLike<{ status: number; body: unknown }>,
): Promise<void> {
  const response = await request;
  if (response.status !== 201)
    throw new Error(`expected 201, got ${response.status}: ${JSON.stringify(response.body)}`);
}

/** The sample step, with a secret in the environment so masking is exercised. */
export function deployStep(): Record<string, unknown> {
  const step = sampleStep();
  const [web, worker] = step.containers as Record<string, unknown>[];
  return {
    ...step,
    containers: [
      { ...web, environment: { LOG_LEVEL: '#{LogLevel}', DB_PASSWORD: '#{Db.Password}' } },
      worker,
    ],
  };
}

/** Creates an API key for each name with its role, in order: the secret keys by name. */
export async function createApiKeys(
  api: ApiHarness,
  roles: Record<string, 'admin' | 'deployer' | 'viewer'>,
): Promise<Record<string, string>> {
  const keys: Record<string, string> = {};
  for (const [name, role] of Object.entries(roles))
    keys[name] = (await api.post('/api/api-keys', { name, role }).expect(201)).body.key;
  return keys;
}
