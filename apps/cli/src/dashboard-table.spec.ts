import { Dashboard, DashboardCell, dashboardTable } from './dashboard-table';

const dashboard: Dashboard = {
  environments: [
    { id: 'e1', slug: 'dev' },
    { id: 'e2', slug: 'prod' },
  ],
  projects: [
    {
      project: { id: 'p1', slug: 'shop-web' },
      cells: [
        {
          environment: { id: 'e1', slug: 'dev' },
          release: { id: 'r1', version: '1.4.2' },
          status: 'succeeded',
          finishedAt: null,
        },
      ],
    },
    {
      project: { id: 'p2', slug: 'billing' },
      cells: [
        { environment: 'e1', release: { id: 'r2', version: '2.0.0' }, status: 'running' },
        {
          environment: { id: 'e2', slug: 'prod' },
          release: { id: 'r3', version: '1.9.0' },
          status: 'failed',
          tenants: { succeeded: 3, failed: 1, total: 4 },
        },
      ],
    },
  ],
};

describe('dashboardTable', () => {
  it('puts projects in rows and environments in columns', () => {
    expect(dashboardTable(dashboard)).toEqual({
      headers: ['PROJECT', 'dev', 'prod'],
      rows: [
        ['shop-web', '1.4.2 succeeded', ''],
        ['billing', '2.0.0 running', '1.9.0 failed 3/4 (1 failed)'],
      ],
    });
  });

  it.each([
    ['billing', [['billing', '2.0.0 running', '1.9.0 failed 3/4 (1 failed)']]],
    ['p1', [['shop-web', '1.4.2 succeeded', '']]],
    ['unknown', []],
  ])('keeps only project %p', (project, rows) => {
    expect(dashboardTable(dashboard, project).rows).toEqual(rows);
  });
});

describe('dashboardTable tenant counts', () => {
  it('shows no count for a cell without tenant deployments', () => {
    const table = dashboardTable({
      environments: [{ id: 'e1', slug: 'dev' }],
      projects: [
        {
          project: { id: 'p1', slug: 'mixed' },
          cells: [
            {
              environment: { id: 'e1', slug: 'dev' },
              release: { id: 'r1', version: '0.0.1' },
              status: 'succeeded',
              tenants: { succeeded: 0, failed: 0, total: 0 },
            },
          ],
        },
      ],
    });
    expect(table.rows).toEqual([['mixed', '0.0.1 succeeded']]);
  });
});

describe('dashboardTable live release', () => {
  const cell = (extra: Partial<DashboardCell>): Dashboard => ({
    environments: [{ id: 'e1', slug: 'dev' }],
    projects: [{ project: { id: 'p1', slug: 'shop' }, cells: [{ environment: 'e1', ...extra }] }],
  });

  it('shows the live release next to a later failed or cancelled attempt', () => {
    const table = dashboardTable(
      cell({
        deploymentId: 'd3',
        release: { id: 'r3', version: '1.5.0' },
        status: 'cancelled',
        live: { deploymentId: 'd1', release: { id: 'r1', version: '1.4.2' } },
      }),
    );
    expect(table.rows).toEqual([['shop', '1.4.2 live, 1.5.0 cancelled']]);
  });

  it('shows the attempt alone when it is the live deployment, or when nothing is live', () => {
    const live = { deploymentId: 'd1', release: { id: 'r1', version: '1.4.2' } };
    expect(
      dashboardTable(cell({ deploymentId: 'd1', release: live.release, status: 'succeeded', live }))
        .rows,
    ).toEqual([['shop', '1.4.2 succeeded']]);
    expect(
      dashboardTable(
        cell({ deploymentId: 'd2', release: { version: '1.0.0' }, status: 'failed', live: null }),
      ).rows,
    ).toEqual([['shop', '1.0.0 failed']]);
  });

  it('compares releases, not deployments, in a tenanted cell', () => {
    const release = { id: 'r2', version: '2.0.0' };
    const tenants = { succeeded: 2, failed: 1, total: 4 };
    expect(
      dashboardTable(
        cell({
          deploymentId: 'd9',
          release,
          status: 'failed',
          tenants,
          live: { deploymentId: 'd7', release },
        }),
      ).rows,
    ).toEqual([['shop', '2.0.0 failed 2/4 (1 failed)']]);
    expect(
      dashboardTable(
        cell({
          deploymentId: 'd9',
          release,
          status: 'running',
          tenants,
          live: { deploymentId: 'd1', release: { id: 'r1', version: '1.9.0' } },
        }),
      ).rows,
    ).toEqual([['shop', '1.9.0 live, 2.0.0 running 2/4 (1 failed)']]);
  });
});
