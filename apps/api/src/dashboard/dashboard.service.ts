import { Injectable } from '@nestjs/common';
import {
  DashboardCellRow,
  DashboardRepository,
  EnvironmentEntity,
  EnvironmentsRepository,
  ProjectEntity,
  ProjectsRepository,
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
        cells: cells
          .filter((cell) => cell.projectId === project.id)
          .map((cell) => cellView(cell, project, environments)),
      })),
      total,
    };
  }

  private async pageOfProjects(query: DashboardQuery): Promise<[ProjectEntity[], number]> {
    if (query.project) return [[await this.projects.get(query.project)], 1];
    return this.projects.list(query.limit, query.offset);
  }
}

function cellView(
  cell: DashboardCellRow,
  project: ProjectEntity,
  environments: EnvironmentEntity[],
) {
  const environment = environments.find((candidate) => candidate.id === cell.environmentId);
  const { tenants } = cell;
  return {
    environment: { id: cell.environmentId, slug: environment?.slug ?? cell.environmentId },
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
