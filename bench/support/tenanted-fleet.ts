import type { BenchApi } from './bench-api';

export interface Fleet {
  /** Project name; its slug is the lower-case name. */
  project: string;
  /** Target tag shared by the project and the target. */
  tag: string;
  /** Tag every tenant gets (group/value), to deploy to all of them at once. */
  tenantTag: string;
  tenants: number;
  step: object;
}

/**
 * A Production environment, a lifecycle that only deploys there, a tenanted project, one shared
 * sandbox target and `tenants` tenants connected to it (through SQL: the tenants API is not what
 * the benchmarks measure).
 */
export async function seedTenantedFleet(api: BenchApi, fleet: Fleet): Promise<void> {
  await api.call('POST', '/api/environments', { name: 'Production', slug: 'production' });
  await api.call('POST', '/api/lifecycles', {
    name: 'Prod only',
    phases: [{ name: 'Production', environments: ['production'] }],
  });
  await api.call('POST', '/api/projects', {
    name: fleet.project,
    lifecycle: 'prod-only',
    tenancy: 'tenanted',
    targetTags: [fleet.tag],
    step: fleet.step,
  });
  await api.call('POST', '/api/targets', {
    name: 'Shared',
    environments: ['production'],
    tags: [fleet.tag],
    tenantedMode: 'tenanted',
    cluster: 'shared',
    credentials: { type: 'sandbox' },
  });
  await api.dataSource.query(
    `INSERT INTO tenants (slug, name, tags) SELECT 'tenant-' || n, 'Tenant ' || n, ARRAY[$2] FROM generate_series(1, $1::int) AS n`,
    [fleet.tenants, fleet.tenantTag],
  );
  await api.dataSource.query(
    `INSERT INTO tenant_connections (tenant_id, project_id, environment_id) SELECT t.id, p.id, e.id FROM tenants t, projects p, environments e`,
  );
}

/** The environment of a worker process (dist/apps/gantry) serving this bench API's queue. */
export function workerEnv(api: BenchApi, env: Record<string, string>, logLevel: string) {
  return {
    ...process.env,
    ...env,
    GANTRY_ROLE: 'worker',
    DATABASE_URL: api.config.DATABASE_URL,
    QUEUE_PREFIX: api.config.QUEUE_PREFIX,
    GANTRY_MASTER_KEY: api.masterKey.toString('hex'),
    LOG_LEVEL: logLevel,
    LOG_FORMAT: 'json',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}
