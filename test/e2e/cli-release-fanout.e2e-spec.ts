import type { AddressInfo } from 'node:net';
import { runCli } from '../../apps/cli/src/testing/run-cli';
import { ADMIN_KEY, ApiHarness, startApi } from '../support/api-harness';
import { seedPlatform } from '../support/seed';

const TENANTS = 30;

type Deployment = { id: string; tenant: { slug: string }; environment: { slug: string } };

/**
 * `gantry release create --deploy-to` on a project whose lifecycle queues more automatic
 * deployments than the creation answer carries (25): the CLI pages the rest by release.
 */
describe('gantry release create with more automatic deployments than the creation answer holds', () => {
  let api: ApiHarness;
  let server: string;

  beforeAll(async () => {
    api = await startApi('clifanout');
    await seedPlatform(api, { project: 'fleet', tenancy: 'tenanted' });
    await api.db.dataSource.query(
      `INSERT INTO tenants (slug, name) SELECT 'fleet-' || n, 'Fleet ' || lpad(n::text, 2, '0') FROM generate_series(1, ${TENANTS}) AS n;
       INSERT INTO tenant_connections (tenant_id, project_id, environment_id)
         SELECT t.id, p.id, e.id FROM tenants t, projects p, environments e WHERE p.slug = 'fleet';`,
    );
    await api.app.listen(0, '127.0.0.1');
    server = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => api.close());

  const createRelease = (version: string, ...extra: string[]) =>
    runCli(
      [
        '--output',
        'json',
        'release',
        'create',
        '--project',
        'fleet',
        '--version',
        version,
        '--image',
        `web=${version}`,
        '--image',
        `worker=${version}`,
        '--deploy-to',
        'dev',
        ...extra,
      ],
      { GANTRY_SERVER: server, GANTRY_API_KEY: ADMIN_KEY },
    );

  it('reports every automatic deployment, and finds a tenant beyond the first 25 among them', async () => {
    const result = await createRelease('1.0.0');
    expect(result).toMatchObject({ code: 0 });
    const { release, deployments } = JSON.parse(result.out) as {
      release: { deployments: Deployment[]; deploymentsTotal: number };
      deployments: Deployment[];
    };
    expect(release.deployments).toHaveLength(25);
    expect(release.deploymentsTotal).toBe(TENANTS);
    expect(new Set(deployments.map((d) => d.tenant.slug)).size).toBe(TENANTS);
    expect(deployments.every((d) => d.environment.slug === 'dev')).toBe(true);

    const shown = new Set(release.deployments.map((d) => d.tenant.slug));
    const beyond = deployments.map((d) => d.tenant.slug).find((slug) => !shown.has(slug));
    // Asking again for a tenant the lifecycle already queued would be refused (409): the CLI
    // must find its automatic deployment even when the creation answer leaves it out.
    const one = await createRelease('1.0.1', '--tenant', beyond ?? 'none');
    expect(one).toMatchObject({ code: 0 });
    const chosen = JSON.parse(one.out) as {
      release: { deployments: Deployment[] };
      deployments: Deployment[];
    };
    expect(chosen.release.deployments.map((d) => d.tenant.slug)).not.toContain(beyond);
    expect(chosen.deployments.map((d) => d.tenant.slug)).toEqual([beyond]);
  });
});
