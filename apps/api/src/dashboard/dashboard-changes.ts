import type { CellStateRow } from '@gantry/persistence';

/** A dashboard cell that changed: the live dashboard's `cell` event. */
export interface CellChange {
  projectId: string;
  environmentId: string;
  status: string | null;
  latestDeploymentId: string | null;
  liveDeploymentId: string | null;
}

/**
 * The cells that differ from `previous` (a fingerprint per cell, updated in place): new cells,
 * and cells whose latest deployment, its status, the live deployment or a tenant count moved.
 * The first call (an empty map) records every cell and reports none.
 */
export function changedCells(
  previous: Map<string, string>,
  rows: readonly CellStateRow[],
  first: boolean,
): CellChange[] {
  const changes: CellChange[] = [];
  for (const row of rows) {
    const key = `${row.projectId}/${row.environmentId}`;
    const fingerprint = [
      row.latestDeploymentId,
      row.status,
      row.liveDeploymentId,
      row.tenants,
    ].join('|');
    if (previous.get(key) === fingerprint) continue;
    previous.set(key, fingerprint);
    if (first) continue;
    changes.push({
      projectId: row.projectId,
      environmentId: row.environmentId,
      status: row.status,
      latestDeploymentId: row.latestDeploymentId,
      liveDeploymentId: row.liveDeploymentId,
    });
  }
  return changes;
}
