import type { CellStateRow } from '@gantry/persistence';
import { changedCells } from './dashboard-changes';

const cell = (overrides: Partial<CellStateRow> = {}): CellStateRow => ({
  projectId: 'p1',
  environmentId: 'dev',
  latestDeploymentId: 'd1',
  status: 'running',
  liveDeploymentId: null,
  tenants: '0/0/0/0/0/0/0',
  ...overrides,
});

describe('changedCells (the live dashboard)', () => {
  it('records every cell on the first poll and reports none', () => {
    const seen = new Map<string, string>();
    expect(changedCells(seen, [cell(), cell({ environmentId: 'test' })], true)).toEqual([]);
    expect(seen.size).toBe(2);
  });

  it.each<[string, Partial<CellStateRow>]>([
    ['the latest deployment changes status', { status: 'succeeded' }],
    ['a new deployment becomes the latest', { latestDeploymentId: 'd2', status: 'queued' }],
    ['a deployment becomes live', { liveDeploymentId: 'd1' }],
    ['a tenant count moves', { tenants: '3/1/0/2/0/0/0' }],
  ])('reports a cell once when %s', (_label, change) => {
    const seen = new Map<string, string>();
    changedCells(seen, [cell(), cell({ environmentId: 'test' })], true);
    const changed = changedCells(seen, [cell(change), cell({ environmentId: 'test' })], false);
    expect(changed).toEqual([
      expect.objectContaining({ projectId: 'p1', environmentId: 'dev', ...pick(change) }),
    ]);
    expect(changedCells(seen, [cell(change), cell({ environmentId: 'test' })], false)).toEqual([]);
  });

  it('reports a cell that appears after the first poll', () => {
    const seen = new Map<string, string>();
    changedCells(seen, [], true);
    expect(changedCells(seen, [cell()], false)).toEqual([
      {
        projectId: 'p1',
        environmentId: 'dev',
        status: 'running',
        latestDeploymentId: 'd1',
        liveDeploymentId: null,
      },
    ]);
  });
});

function pick(change: Partial<CellStateRow>) {
  const { tenants: _tenants, ...rest } = change;
  return rest;
}
