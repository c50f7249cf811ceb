import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ApiEndpoint, ApiQueryOf } from '../http/openapi';
import { ZodValidationPipe } from '../http/zod-validation.pipe';
import { TenantDashboardQuery, tenantDashboardQuerySchema } from './tenant-dashboard.dto';
import { TenantDashboardResponse, tenantDashboardResponse } from './tenant-dashboard.response';
import { TenantDashboardService } from './tenant-dashboard.service';

@ApiTags('dashboard')
@ApiBearerAuth()
@Controller('api/dashboard/projects')
export class TenantDashboardController {
  constructor(private readonly tenantDashboard: TenantDashboardService) {}

  @Get(':ref/tenants')
  @ApiEndpoint({
    summary:
      "A project's tenants × environments: per tenant and environment the live release and the latest attempt",
    description:
      'Tenants connected to the project, by name, in keyset pages: `limit` (default 100, at most 1000), then the `next` of a page as `after`. `tag` (repeatable, one tag of each group must match) and `search` (part of the name or slug) narrow them; `total` counts the tenants they match. Read from the per-stack rows the deployments keep up to date, so a page costs the same whatever the length of the history.',
    response: tenantDashboardResponse,
    errors: [400, 404],
  })
  @ApiQueryOf(tenantDashboardQuerySchema)
  page(
    @Param('ref') ref: string,
    @Query(new ZodValidationPipe(tenantDashboardQuerySchema, 'query')) query: TenantDashboardQuery,
  ): Promise<TenantDashboardResponse> {
    return this.tenantDashboard.page(ref, query);
  }
}
