import { Injectable } from '@nestjs/common';
import {
  EnvironmentsRepository,
  ProjectsRepository,
  TenantDashboardRepository,
  TenantDashboardRow,
} from '@gantry/persistence';
import { encodeTenantCursor } from './tenant-cursor';
import { TenantDashboardQuery } from './tenant-dashboard.dto';
import { TenantDashboardResponse } from './tenant-dashboard.response';

@Injectable()
export class TenantDashboardService {
  constructor(
    private readonly projects: ProjectsRepository,
    private readonly environments: EnvironmentsRepository,
    private readonly tenantDashboard: TenantDashboardRepository,
  ) {}

  /**
   * A page of the project's tenants by name (those `tag` and `search` match), each with, per
   * environment, the live release and the latest attempt; the environments and tags to show them
   * with, and how many tenants match in all.
   */
  async page(projectRef: string, query: TenantDashboardQuery): Promise<TenantDashboardResponse> {
    const project = await this.projects.get(projectRef);
    const filter = {
      projectId: project.id,
      tags: query.tag,
      search: query.search,
      afterName: query.after,
    };
    // One row beyond the page says whether another page follows.
    const [rows, total, tags, environmentIds, environments] = await Promise.all([
      this.tenantDashboard.page(filter, query.limit + 1),
      this.tenantDashboard.count(filter),
      this.tenantDashboard.tags(project.id),
      this.tenantDashboard.environmentIds(project.id),
      this.environments.all(),
    ]);
    const items = rows.slice(0, query.limit);
    const shown = environments.filter((environment) => environmentIds.includes(environment.id));
    const order = new Map(shown.map((environment, index) => [environment.id, index]));
    return {
      project: { id: project.id, slug: project.slug, name: project.name, tenancy: project.tenancy },
      environments: shown.map(({ id, slug, name, position }) => ({ id, slug, name, position })),
      tags,
      items: items.map((row) => inEnvironmentOrder(row, order)),
      total,
      next:
        rows.length > query.limit ? encodeTenantCursor(items[items.length - 1].tenant.name) : null,
    };
  }
}

function inEnvironmentOrder(row: TenantDashboardRow, order: Map<string, number>) {
  const cells = [...row.cells].sort(
    (a, b) => (order.get(a.environmentId) ?? 0) - (order.get(b.environmentId) ?? 0),
  );
  return { tenant: row.tenant, cells };
}
