import { Dashboard, dashboardTable } from './dashboard-table';

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
