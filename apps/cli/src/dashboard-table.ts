import type { Cell } from './output';

type Named =
  string | { id?: string; slug?: string; name?: string; version?: string } | null | undefined;

export interface DashboardCell {
  environment: Named;
  /** The latest attempt: its release and status. */
  release?: Named;
  status?: string | null;
  finishedAt?: string | null;
  deploymentId?: string;
  /** What runs there: the deployment that succeeded last. */
  live?: { deploymentId?: string; release?: Named } | null;
  tenants?: { succeeded: number; failed: number; total: number } | null;
}

export interface Dashboard {
  environments: Named[];
  projects: Array<{ project: Named; cells: DashboardCell[] }>;
  total?: number;
}

const label = (value: Named): string =>
  typeof value === 'string' ? value : (value?.slug ?? value?.version ?? value?.id ?? '');
const ids = (value: Named): string[] =>
  typeof value === 'string' ? [value] : [value?.id, value?.slug].filter((id): id is string => !!id);

/**
 * The dashboard as a table: a row per project, a column per environment, each cell the live
 * release there and, when the latest attempt is another deployment, that attempt and its status
 * (with tenant counts for tenanted projects). `project` keeps one row. With `waiting` (by
 * project id: what waits for approval there, and who may decide), a last WAITING column.
 */
export function dashboardTable(
  dashboard: Dashboard,
  project?: string,
  waiting?: ReadonlyMap<string, string>,
): { headers: string[]; rows: Cell[][] } {
  const rows = onlyProject(dashboard, project).projects.map((row) => [
    label(row.project),
    ...dashboard.environments.map((environment) =>
      cellText(
        row.cells.find((cell) => ids(cell.environment).some((id) => ids(environment).includes(id))),
      ),
    ),
    ...(waiting
      ? [
          ids(row.project)
            .map((id) => waiting.get(id))
            .find(Boolean) ?? '',
        ]
      : []),
  ]);
  return {
    headers: [
      'PROJECT',
      ...dashboard.environments.map((environment) => label(environment)),
      ...(waiting ? ['WAITING'] : []),
    ],
    rows,
  };
}

/** The dashboard with only the named project (by slug or id), or whole when none is named. */
export function onlyProject(dashboard: Dashboard, project?: string): Dashboard {
  return project
    ? {
        ...dashboard,
        projects: dashboard.projects.filter((row) => ids(row.project).includes(project)),
      }
    : dashboard;
}

function cellText(cell: DashboardCell | undefined): string {
  if (!cell || !cell.release) return '';
  // A cell with no tenant deployments (an untenanted one of a mixed project) shows no count.
  const tenants = cell.tenants?.total
    ? ` ${cell.tenants.succeeded}/${cell.tenants.total}${cell.tenants.failed ? ` (${cell.tenants.failed} failed)` : ''}`
    : '';
  const attempt = `${label(cell.release)} ${cell.status ?? ''}${tenants}`.trim();
  const live = cell.live;
  return live?.release && !isLatestAttempt(cell)
    ? `${label(live.release)} live, ${attempt}`
    : attempt;
}

/**
 * Whether the live release is the latest attempt's: the same deployment, or for tenanted cells
 * (where the two are deployments of different tenants) the same release.
 */
function isLatestAttempt(cell: DashboardCell): boolean {
  if (cell.tenants) return ids(cell.live?.release).some((id) => ids(cell.release).includes(id));
  return cell.live?.deploymentId !== undefined && cell.live.deploymentId === cell.deploymentId;
}
