import { Injectable } from '@nestjs/common';
import {
  DashboardCellRow,
  DashboardRepository,
  EnvironmentsRepository,
  ProjectsRepository,
  ProjectSummary,
} from '@gantry/persistence';
import { DashboardQuery } from './dashboard.dto';

@Injectable()
export class DashboardService {
  constructor(
    private readonly environments: EnvironmentsRepository,
    private readonly projects: ProjectsRepository,
    private readonly dashboard: DashboardRepository,
  ) {}

  /**
   * Per project, one cell per environment that has a deployment: the latest deployment (release,
   * status, finish time), the live release (the deployment that succeeded last, still running
   * after any later failure or cancel) and, for tenanted and mixed projects, how the latest
   * deployment of each tenant stands out of every connected tenant.
   */
  async get(query: DashboardQuery) {
    const [environments, [projects, total], onlyEnvironment] = await Promise.all([
      this.environments.all(),
      this.pageOfProjects(query),
      query.environment ? this.environments.get(query.environment) : undefined,
    ]);
    const cells = await this.dashboard.cells({
      projectIds: projects.map((project) => project.id),
      environmentId: onlyEnvironment?.id,
      tenantTags: query.tenantTag,
    });
    const position = new Map(environments.map((environment, index) => [environment.id, index]));
    cells.sort(
      (a, b) => (position.get(a.environmentId) ?? 0) - (position.get(b.environmentId) ?? 0),
    );
    const cellsOfProject = groupBy(cells, (cell) => cell.projectId);
    const slugOf = new Map(environments.map((environment) => [environment.id, environment.slug]));
    const shown = onlyEnvironment ? [onlyEnvironment] : environments;
    return {
      environments: shown.map(({ id, slug, name, position: order }) => ({
        id,
        slug,
        name,
        position: order,
      })),
      projects: projects.map((project) => ({
        project: {
          id: project.id,
          slug: project.slug,
          name: project.name,
          tenancy: project.tenancy,
        },
        cells: (cellsOfProject.get(project.id) ?? []).map((cell) =>
          cellView(cell, project, slugOf),
        ),
      })),
      total,
    };
  }

  private async pageOfProjects(query: DashboardQuery): Promise<[ProjectSummary[], number]> {
    if (query.project) return [[await this.projects.get(query.project)], 1];
    return this.projects.listSummaries(query.limit, query.offset);
  }
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

function cellView(cell: DashboardCellRow, project: ProjectSummary, slugOf: Map<string, string>) {
  const { tenants } = cell;
  return {
    environment: {
      id: cell.environmentId,
      slug: slugOf.get(cell.environmentId) ?? cell.environmentId,
    },
    release: cell.release,
    status: cell.status,
    finishedAt: cell.finishedAt,
    deploymentId: cell.deploymentId,
    live: cell.live,
    ...(project.tenancy === 'untenanted'
      ? {}
      : {
          tenants: {
            succeeded: tenants.succeeded,
            failed: tenants.failed,
            total: tenants.connected,
            live: tenants.live,
            queued: tenants.queued,
            running: tenants.running,
            waiting: tenants.waiting,
            cancelled: tenants.cancelled,
          },
        }),
  };
}
