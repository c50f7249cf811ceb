import { Injectable } from '@nestjs/common';
import {
  DashboardRepository,
  EnvironmentsRepository,
  ProjectsRepository,
} from '@gantry/persistence';

/** Projects shown on one dashboard page; more than that is a filter the dashboard does not offer yet. */
const MAX_PROJECTS = 1000;

@Injectable()
export class DashboardService {
  constructor(
    private readonly environments: EnvironmentsRepository,
    private readonly projects: ProjectsRepository,
    private readonly dashboard: DashboardRepository,
  ) {}

  /**
   * Per project, one cell per environment that has a deployment: the latest one (release, status,
   * finish time) and, for tenanted and mixed projects, how the latest deployment of each tenant ended.
   */
  async get() {
    const [environments, [projects], cells] = await Promise.all([
      this.environments.all(),
      this.projects.list(MAX_PROJECTS, 0),
      this.dashboard.cells(),
    ]);
    const position = new Map(environments.map((environment, index) => [environment.id, index]));
    return {
      environments: environments.map(({ id, slug, name, position: order }) => ({
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
          .sort(
            (a, b) => (position.get(a.environmentId) ?? 0) - (position.get(b.environmentId) ?? 0),
          )
          .map((cell) => ({
            environment: {
              id: cell.environmentId,
              slug:
                environments.find((e) => e.id === cell.environmentId)?.slug ?? cell.environmentId,
            },
            release: { id: cell.releaseId, version: cell.version },
            status: cell.status,
            finishedAt: cell.finishedAt,
            ...(project.tenancy === 'untenanted'
              ? {}
              : {
                  tenants: {
                    succeeded: cell.tenantsSucceeded,
                    failed: cell.tenantsFailed,
                    total: cell.tenantsTotal,
                  },
                }),
          })),
      })),
    };
  }
}
